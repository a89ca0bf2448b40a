import { formatMoneyVi } from '../../../../core/projects/money';
import { periodLabel } from '../../../../core/periods/period-key';
import type { TAttentionItem, TAttentionPayload } from '../../../../contracts/dashboard';
import { unitNamesById } from '../queries';
import { budgetFigures } from './budget';
import { noData, ok, type PanelDef } from './context';
import { latestEvaluation } from './evaluation';
import { reportFigures } from './reports';
import { taskFigures } from './tasks';

const SHOWN = 8;

/**
 * The units that most need a leader's attention, with the reasons in words. The weight is a
 * plain sum so it can be explained: 3 per open overdue task (+2 more past 30 days), 2 per report
 * late or missing, 1 per tỷ đồng at risk (at least 2 when any), 5 for a phê bình class and 2 for
 * rút kinh nghiệm in the year's evaluation.
 */
export const attentionPanel: PanelDef<TAttentionPayload> = {
  key: 'attention',
  affectedBy: ['/api/'],
  link: ({ year }) => `/evaluation?period=${year}`,
  async compute(ctx) {
    const [tasks, reports, budget, evaluation] = await Promise.all([taskFigures(ctx), reportFigures(ctx), budgetFigures(ctx), latestEvaluation(ctx)]);
    const items = new Map<string, { weight: number; reasons: string[]; link: string | null }>();
    const add = (unitId: string, weight: number, reason: string, link: string) => {
      const it = items.get(unitId) ?? { weight: 0, reasons: [], link: null };
      it.weight += weight;
      it.reasons.push(reason);
      it.link ??= link;
      items.set(unitId, it);
    };
    for (const [unitId, t] of tasks?.byUnit ?? []) {
      if (t.overdueOpen === 0) continue;
      const extra = t.overdueGt30 > 0 ? ` (${t.overdueGt30} quá hạn trên 30 ngày)` : '';
      add(unitId, 3 * t.overdueOpen + 2 * t.overdueGt30, `${t.overdueOpen} nhiệm vụ quá hạn${extra}`, `/tasks?tab=all&leadUnitId=${unitId}&status=in_progress_overdue`);
    }
    for (const [unitId, r] of reports?.lateByUnit ?? []) {
      const parts = [r.missing > 0 ? `${r.missing} báo cáo chưa nộp` : null, r.late > 0 ? `${r.late} báo cáo nộp muộn` : null].filter(Boolean);
      add(unitId, 2 * (r.late + r.missing), `${parts.join(', ')} (${periodLabel(r.period).toLowerCase()})`, `/reports?period=${r.period}&unit=${unitId}`);
    }
    for (const [unitId, b] of budget?.atRiskByUnit ?? []) {
      add(unitId, Math.max(2, Math.round(b.amount / 1e9)), `${formatMoneyVi(BigInt(b.amount))} có nguy cơ không giải ngân kịp (${b.count} hồ sơ)`, '/projects?tab=warning');
    }
    for (const [unitId, e] of evaluation.byUnit) {
      if (e.class === 'phe_binh') add(unitId, 5, `Bị phê bình trong đánh giá ${evaluation.run?.period_key ?? ctx.year} (${e.score ?? '—'} điểm)`, `/evaluation?run=${evaluation.run?.id}&unit=${unitId}`);
      else if (e.class === 'rut_kinh_nghiem') add(unitId, 2, `Phải rút kinh nghiệm trong đánh giá ${evaluation.run?.period_key ?? ctx.year} (${e.score ?? '—'} điểm)`, `/evaluation?run=${evaluation.run?.id}&unit=${unitId}`);
    }
    if (items.size === 0) return noData<TAttentionPayload>({ items: [] }, 'Không có đơn vị nào cần lưu ý (hoặc chưa có dữ liệu).');
    const ids = [...items.keys()];
    const names = await unitNamesById(ctx.q, ids);
    const list: TAttentionItem[] = ids
      .map((unitId) => {
        const it = items.get(unitId)!;
        return { unitId, unitName: names.get(unitId) ?? unitId, weight: it.weight, reasons: it.reasons, link: it.link ?? '/' };
      })
      .sort((a, b) => b.weight - a.weight || a.unitName.localeCompare(b.unitName, 'vi') || (a.unitId < b.unitId ? -1 : 1))
      .slice(0, SHOWN);
    return ok({ items: list });
  },
};
