import { formatVnDate } from '../../../core/calendar/dates';
import { ACTOR_ROLE_LABEL_VI, PROJECT_KIND_LABEL_VI } from '../../../core/projects/pipeline-labels';
import { writeSheet } from '../../excel/write';
import { FUNDING_SOURCE_LABEL_VI, STATUS_LABEL_VI } from './model';
import type { TProjectItem, TRiskRow } from '../../../contracts/projects';

const sampleNote = (sample: boolean) => (sample ? 'Dữ liệu mẫu' : '');

/** The portfolio as the Văn phòng sends it: one line per project, money in đồng. */
export function exportPortfolio(items: readonly TProjectItem[], today: string, filterNote: string): Promise<Buffer> {
  return writeSheet<TProjectItem>({
    sheetName: 'Danh mục dự án',
    title: 'DANH MỤC DỰ ÁN, NHIỆM VỤ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN',
    subtitle: `Tính đến ngày ${formatVnDate(today)}${filterNote ? ` — ${filterNote}` : ''} — Đơn vị tiền: đồng`,
    columns: [
      { header: 'Tên dự án, nhiệm vụ', value: 'name', width: 48 },
      { header: 'Đơn vị chủ trì', value: 'unitName', width: 32 },
      { header: 'Loại', value: (r) => PROJECT_KIND_LABEL_VI[r.kind], width: 28 },
      { header: 'Năm ngân sách', value: 'fiscalYear', type: 'integer', width: 10 },
      { header: 'Nguồn vốn', value: (r) => FUNDING_SOURCE_LABEL_VI[r.fundingSource], width: 22 },
      { header: 'Quy trình', value: (r) => `${r.template.code} (${r.template.law})`, width: 26 },
      { header: 'Kế hoạch (dự toán)', value: 'estimate', type: 'money', width: 18 },
      { header: 'Đã phân bổ', value: 'allocated', type: 'money', width: 18 },
      { header: 'Đã giải ngân', value: 'disbursed', type: 'money', width: 18 },
      { header: 'Chuyển nguồn', value: 'carriedOver', type: 'money', width: 18 },
      { header: 'Huỷ nguồn', value: 'cancelled', type: 'money', width: 18 },
      { header: 'Tình trạng', value: (r) => STATUS_LABEL_VI[r.status], width: 18 },
      { header: 'Bước hiện tại', value: (r) => r.step?.name ?? '', width: 34 },
      { header: 'Đang xử lý tại', value: (r) => r.holder?.unitName ?? (r.holder ? ACTOR_ROLE_LABEL_VI[r.holder.role] : ''), width: 30 },
      { header: 'Từ ngày', value: (r) => (r.step ? r.stepStartedOn : null), type: 'date' },
      { header: 'Số ngày làm việc', value: 'workingDaysInStep', type: 'integer', width: 10 },
      { header: 'Thời hạn (ngày LV)', value: (r) => r.step?.limit ?? null, type: 'integer', width: 10 },
      { header: 'Quá hạn (ngày LV)', value: (r) => (r.overdueBy > 0 ? r.overdueBy : null), type: 'integer', width: 10 },
      { header: 'Số lần trả lại', value: 'revisions', type: 'integer', width: 10 },
      { header: 'Ghi chú', value: (r) => sampleNote(r.sample), width: 14 },
    ],
    rows: items,
  });
}

/** "Cảnh báo sớm": money that cannot reach disbursement before its legal deadline, largest first. */
export function exportRisk(items: readonly TRiskRow[], today: string): Promise<Buffer> {
  return writeSheet<TRiskRow>({
    sheetName: 'Cảnh báo sớm',
    title: 'DANH SÁCH KINH PHÍ CÓ NGUY CƠ KHÔNG GIẢI NGÂN KỊP',
    subtitle: `Tính đến ngày ${formatVnDate(today)} — sắp xếp theo số tiền — Đơn vị tiền: đồng`,
    columns: [
      { header: 'Tên dự án, nhiệm vụ', value: 'name', width: 48 },
      { header: 'Đơn vị chủ trì', value: 'unitName', width: 32 },
      { header: 'Năm ngân sách', value: 'fiscalYear', type: 'integer', width: 10 },
      { header: 'Nguồn vốn', value: (r) => FUNDING_SOURCE_LABEL_VI[r.fundingSource], width: 22 },
      { header: 'Số tiền chưa giải ngân', value: 'amount', type: 'money', width: 20 },
      { header: 'Đang nằm ở bước', value: (r) => r.currentStep.name, width: 34 },
      { header: 'Đơn vị đang giữ hồ sơ', value: (r) => r.holder.unitName ?? ACTOR_ROLE_LABEL_VI[r.holder.role], width: 30 },
      { header: 'Đã nằm (ngày LV)', value: 'elapsedInCurrentStep', type: 'integer', width: 10 },
      { header: 'Phải chuyển bước trước ngày', value: 'mustMoveBy', type: 'date', width: 14 },
      { header: 'Dự kiến giải ngân', value: 'projectedDisbursement', type: 'date', width: 14 },
      { header: 'Hạn giải ngân theo luật', value: 'legalDeadline', type: 'date', width: 14 },
      { header: 'Dư / thiếu (ngày LV)', value: 'slackWorkingDays', type: 'integer', width: 12 },
      { header: 'Nguy cơ', value: (r) => (r.atRisk ? 'Có nguy cơ' : 'Còn kịp'), width: 12 },
      { header: 'Ghi chú', value: (r) => sampleNote(r.sample), width: 14 },
    ],
    rows: items,
  });
}
