import { roundHalfAway } from '../../../core/format/number';
import { formatVnDate } from '../../../core/calendar/dates';
import { writeSheet, type SheetColumn } from '../../excel';
import type {
  TAnyPanel,
  TAttentionPayload,
  TBudgetPayload,
  TEvaluationPanelPayload,
  TPanelKey,
  TPillarsPayload,
  TReportsPayload,
  TTasksPayload,
  TTrendsPayload,
  TUnitsPayload,
} from '../../../contracts/dashboard';

export const PANEL_TITLE_VI: Readonly<Record<TPanelKey, string>> = {
  pillars: 'CHỈ TIÊU CHỦ YẾU THEO TRỤ CỘT CHUYỂN ĐỔI SỐ',
  tasks: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ',
  budget: 'KINH PHÍ CHUYỂN ĐỔI SỐ',
  reports: 'TÌNH HÌNH GỬI BÁO CÁO ĐỊNH KỲ',
  units: 'SỐ LIỆU THEO ĐƠN VỊ HÀNH CHÍNH',
  attention: 'ĐƠN VỊ CẦN LƯU Ý',
  trends: 'DIỄN BIẾN THEO THÁNG',
  evaluation: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐƠN VỊ',
};

interface Line {
  label: string;
  value: number | string | null;
  unit: string;
}

const lineColumns: SheetColumn<Line>[] = [
  { header: 'Nội dung', value: 'label', width: 52 },
  { header: 'Giá trị', value: 'value', type: 'number', width: 20 },
  { header: 'Đơn vị tính', value: 'unit', width: 16 },
];

const dong = (n: number) => roundHalfAway(n);

function linesOf(panel: TAnyPanel): { columns: SheetColumn<never>[]; rows: unknown[] } {
  const lines = (rows: Line[]) => ({ columns: lineColumns as SheetColumn<never>[], rows });
  switch (panel.key) {
    case 'tasks': {
      const p = panel.payload as TTasksPayload;
      return lines([
        { label: 'Tổng số nhiệm vụ giao trong năm', value: p.total, unit: 'nhiệm vụ' },
        { label: 'Hoàn thành đúng hạn', value: p.doneOnTime, unit: 'nhiệm vụ' },
        { label: 'Hoàn thành quá hạn', value: p.doneLate, unit: 'nhiệm vụ' },
        { label: 'Hoàn thành (không thời hạn)', value: p.doneNoDeadline, unit: 'nhiệm vụ' },
        { label: 'Đang thực hiện trong hạn', value: p.inProgressOnTime, unit: 'nhiệm vụ' },
        { label: 'Đang thực hiện quá hạn', value: p.inProgressOverdue, unit: 'nhiệm vụ' },
        { label: '  — quá hạn đến 30 ngày', value: p.buckets.le30, unit: 'nhiệm vụ' },
        { label: '  — quá hạn trên 30 ngày', value: p.buckets.gt30, unit: 'nhiệm vụ' },
        { label: '  — quá hạn trên 120 ngày', value: p.buckets.gt120, unit: 'nhiệm vụ' },
        { label: 'Đang thực hiện (không thời hạn)', value: p.noDeadlineInProgress, unit: 'nhiệm vụ' },
        { label: 'Không thời hạn, 3 tháng chưa báo cáo tiến độ', value: p.stale, unit: 'nhiệm vụ' },
        { label: 'Tỷ lệ quá hạn trên tổng số', value: p.overdueRateAll.percent, unit: '%' },
        { label: 'Tỷ lệ quá hạn trên số có thời hạn', value: p.overdueRateWithDeadline.percent, unit: '%' },
        { label: 'Tỷ lệ hoàn thành đúng hạn', value: p.onTimeRate.percent, unit: '%' },
      ]);
    }
    case 'budget': {
      const p = panel.payload as TBudgetPayload;
      return lines([
        { label: 'Kế hoạch (dự toán)', value: dong(p.planned), unit: 'đồng' },
        { label: 'Đã phân bổ', value: dong(p.allocated), unit: 'đồng' },
        { label: 'Đã giải ngân', value: dong(p.disbursed), unit: 'đồng' },
        { label: 'Chuyển nguồn', value: dong(p.carriedOver), unit: 'đồng' },
        { label: 'Huỷ nguồn', value: dong(p.cancelled), unit: 'đồng' },
        { label: 'Có nguy cơ không giải ngân kịp', value: dong(p.atRisk), unit: 'đồng' },
        { label: 'Số hồ sơ có nguy cơ', value: p.atRiskCount, unit: 'hồ sơ' },
        { label: 'Tỷ lệ giải ngân trên số đã phân bổ', value: p.disbursementRate, unit: '%' },
        ...p.bySource.flatMap((s) => [
          { label: `${s.label}: kế hoạch`, value: dong(s.planned), unit: 'đồng' },
          { label: `${s.label}: đã phân bổ`, value: dong(s.allocated), unit: 'đồng' },
          { label: `${s.label}: đã giải ngân`, value: dong(s.disbursed), unit: 'đồng' },
        ]),
      ]);
    }
    case 'reports': {
      const p = panel.payload as TReportsPayload;
      type R = TReportsPayload['regimes'][number];
      const columns: SheetColumn<R>[] = [
        { header: 'Chế độ báo cáo', value: 'title', width: 52 },
        { header: 'Số đơn vị phải báo cáo', value: 'expected', type: 'integer' },
        { header: 'Đúng hạn', value: 'onTime', type: 'integer' },
        { header: 'Muộn', value: 'late', type: 'integer' },
        { header: 'Chưa nộp', value: 'missing', type: 'integer' },
      ];
      return { columns: columns as SheetColumn<never>[], rows: p.regimes };
    }
    case 'pillars': {
      const p = panel.payload as TPillarsPayload;
      type R = { pillar: string; code: string; name: string; unit: string; value: number | null; target: number | null; achievement: number | null; rag: string };
      const rag: Record<string, string> = { green: 'Đạt', amber: 'Cần theo dõi', red: 'Không đạt' };
      const rows: R[] = p.pillars.flatMap((x) =>
        x.indicators.map((i) => ({ pillar: x.name, code: i.code, name: i.name, unit: i.unit, value: i.value, target: i.target, achievement: i.achievement, rag: i.rag ? rag[i.rag]! : '' })),
      );
      const columns: SheetColumn<R>[] = [
        { header: 'Trụ cột', value: 'pillar', width: 18 },
        { header: 'Mã', value: 'code', width: 10 },
        { header: 'Chỉ tiêu', value: 'name', width: 52 },
        { header: 'Đơn vị tính', value: 'unit', width: 12 },
        { header: 'Thực hiện', value: 'value', type: 'number' },
        { header: 'Kế hoạch', value: 'target', type: 'number' },
        { header: 'Mức độ hoàn thành (%)', value: 'achievement', type: 'number' },
        { header: 'Đánh giá', value: 'rag', width: 14 },
      ];
      return { columns: columns as SheetColumn<never>[], rows };
    }
    case 'units': {
      const p = panel.payload as TUnitsPayload;
      type R = TUnitsPayload['units'][number];
      const columns: SheetColumn<R>[] = [
        { header: 'Đơn vị', value: 'name', width: 44 },
        ...p.metrics.map((m): SheetColumn<R> => ({ header: `${m.name} (${m.unit})`, value: (r) => r.values[m.key] ?? null, type: 'number', width: 18 })),
      ];
      return { columns: columns as SheetColumn<never>[], rows: p.units };
    }
    case 'attention': {
      const p = panel.payload as TAttentionPayload;
      type R = TAttentionPayload['items'][number];
      const columns: SheetColumn<R>[] = [
        { header: 'Đơn vị', value: 'unitName', width: 44 },
        { header: 'Mức cần lưu ý', value: 'weight', type: 'integer' },
        { header: 'Lý do', value: (r) => r.reasons.join('; '), width: 80 },
      ];
      return { columns: columns as SheetColumn<never>[], rows: p.items };
    }
    case 'trends': {
      const p = panel.payload as TTrendsPayload;
      type R = { month: string; values: Array<number | null> };
      const rows: R[] = p.months.map((m, i) => ({ month: `${m.slice(5, 7)}/${m.slice(0, 4)}`, values: p.series.map((s) => s.values[i] ?? null) }));
      const columns: SheetColumn<R>[] = [
        { header: 'Tháng', value: 'month', width: 12 },
        ...p.series.map((s, j): SheetColumn<R> => ({ header: `${s.name} (${s.unit})`, value: (r) => r.values[j] ?? null, type: 'number', width: 22 })),
      ];
      return { columns: columns as SheetColumn<never>[], rows };
    }
    case 'evaluation': {
      const p = panel.payload as TEvaluationPanelPayload;
      return lines([
        { label: 'Kỳ đánh giá', value: p.period, unit: '' },
        { label: 'Ghi nhận', value: p.counts.ghi_nhan, unit: 'đơn vị' },
        { label: 'Rút kinh nghiệm', value: p.counts.rut_kinh_nghiem, unit: 'đơn vị' },
        { label: 'Phê bình', value: p.counts.phe_binh, unit: 'đơn vị' },
        { label: 'Chưa xếp loại (thiếu số liệu)', value: p.counts.unclassed, unit: 'đơn vị' },
        ...p.lowest.map((u) => ({ label: `Thứ hạng ${u.rank}: ${u.unitName}`, value: u.score, unit: 'điểm' })),
      ]);
    }
  }
}

/** The figures behind one panel as the sheet a Văn phòng would forward. */
export async function panelWorkbook(panel: TAnyPanel, year: number): Promise<Buffer> {
  const { columns, rows } = linesOf(panel);
  // Vietnam time (UTC+7, no daylight saving) of the figures' computation.
  const vn = new Date(Date.parse(panel.computedAt) + 7 * 3_600_000).toISOString();
  const at = vn.slice(11, 16);
  const vnDate = vn.slice(0, 10);
  return writeSheet({
    sheetName: PANEL_TITLE_VI[panel.key].slice(0, 31),
    title: `${PANEL_TITLE_VI[panel.key]} NĂM ${year}`,
    subtitle: `Số liệu tính lúc ${at} ngày ${formatVnDate(vnDate)}${panel.status === 'ok' ? '' : ` — ${panel.message ?? 'chưa có dữ liệu'}`}`,
    columns,
    rows: rows as never[],
  });
}
