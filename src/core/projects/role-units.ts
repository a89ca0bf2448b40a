import { compareIsoDates } from '../calendar/dates';
import type { ActorRole, ProjectKind } from './pipeline-types';

/**
 * Which unit holds a pipeline role on a date. The 2025 reorganisation is rows, not code:
 * Sở TT&TT appraised technically until 28/02/2025, Sở KH&CN from 01/03/2025; Sở KH&ĐT
 * appraised investment policy and capital until then, Sở Tài chính after (vn-specs §3.7).
 * The owner is the project's own unit, so it has no row here.
 * `unitCode` is matched to the unit registry by the server.
 */

export interface RoleUnitAssignment {
  readonly role: Exclude<ActorRole, 'owner'>;
  /** Limits the row to these project kinds; a kind-specific row wins over a general one. */
  readonly kinds?: readonly ProjectKind[];
  readonly unitCode: string;
  readonly unitName: string;
  readonly validFrom: string;
  /** Inclusive; null while in force. */
  readonly validTo: string | null;
  readonly basis: string;
}

const MERGER_EVE = '2025-02-28';
const MERGER_DAY = '2025-03-01';
const SINCE_EVER = '2000-01-01';

export const ROLE_UNIT_ASSIGNMENTS: readonly RoleUnitAssignment[] = [
  {
    role: 'technical_appraiser',
    unitCode: 'SO_TTTT',
    unitName: 'Sở Thông tin và Truyền thông',
    validFrom: SINCE_EVER,
    validTo: MERGER_EVE,
    basis: 'TT 03/2020/TT-BTTTT; đơn vị chuyên môn về CNTT thuộc UBND cấp tỉnh',
  },
  {
    role: 'technical_appraiser',
    unitCode: 'SO_KHCN',
    unitName: 'Sở Khoa học và Công nghệ',
    validFrom: MERGER_DAY,
    validTo: null,
    basis: 'Hợp nhất Sở TT&TT vào Sở KH&CN từ 01/03/2025',
  },
  {
    role: 'finance_appraiser',
    kinds: ['investment_project'],
    unitCode: 'SO_KHDT',
    unitName: 'Sở Kế hoạch và Đầu tư',
    validFrom: SINCE_EVER,
    validTo: MERGER_EVE,
    basis: 'Luật Đầu tư công: thẩm định chủ trương, nguồn vốn',
  },
  {
    role: 'finance_appraiser',
    unitCode: 'SO_TC',
    unitName: 'Sở Tài chính',
    validFrom: SINCE_EVER,
    validTo: null,
    basis: 'Thẩm định dự toán, phân bổ kinh phí; từ 01/03/2025 nhận chức năng của Sở KH&ĐT',
  },
  {
    role: 'approver',
    unitCode: 'UBND_TP',
    unitName: 'Ủy ban nhân dân thành phố',
    validFrom: SINCE_EVER,
    validTo: null,
    basis: 'Chủ tịch UBND cấp tỉnh hoặc người được phân cấp (TT 03/2020 Điều 6)',
  },
];

function validOn(a: RoleUnitAssignment, date: string): boolean {
  if (compareIsoDates(a.validFrom, date) > 0) return false;
  return a.validTo === null || compareIsoDates(date, a.validTo) <= 0;
}

/** The unit acting in `role` on `date` for a project of `kind`; null for the owner or no row. */
export function resolveRoleUnit(
  assignments: readonly RoleUnitAssignment[],
  role: ActorRole,
  date: string,
  kind?: ProjectKind,
): RoleUnitAssignment | null {
  const candidates = assignments.filter((a) => a.role === role && validOn(a, date));
  const specific = kind === undefined ? undefined : candidates.find((a) => a.kinds?.includes(kind));
  return specific ?? candidates.find((a) => a.kinds === undefined) ?? null;
}
