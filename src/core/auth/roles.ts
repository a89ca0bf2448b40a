export const ROLES = ['admin', 'coordinator', 'finance', 'unit_officer', 'unit_leader', 'leadership', 'national'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  coordinator: { vi: 'Đầu mối điều phối', en: 'Coordinator' },
  finance: { vi: 'Tài chính', en: 'Finance' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  leadership: { vi: 'Lãnh đạo thành phố', en: 'City leadership' },
  national: { vi: 'Theo dõi toàn quốc', en: 'National overview' },
};
