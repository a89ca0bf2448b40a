import { addDays, diffDays, formatVnDate } from '../../../core/calendar/dates';
import { periodLabelVi } from '../../../core/deliveries/schedule';
import { formatNumber, formatPercent } from '../../../core/format/number';
import type { TBudgetPayload, TPanelKey, TPillarsPayload, TReportsPayload } from '../../../contracts/dashboard';
import type { TTask } from '../../../contracts/tasks';
import type { TDeliveryKind } from '../../../contracts/deliveries';
import type { Queryable } from '../../../db/client';
import { today as todayOf, type Deps } from '../../context';
import { XLSX_MIME } from '../../excel';
import { panelWorkbook } from '../dashboard/export';
import { defaultYear, storedPanel } from '../dashboard/service';
import { exportTasks } from '../tasks/excel';
import { findTasks } from '../tasks/read';
import { selectLeadership, selectOwnProvince, selectUnitLeaders } from './queries';

export interface Attachment {
  filename: string;
  mime: string;
  content: Buffer;
}

export interface Composed {
  to: string[];
  audience: string;
  subject: string;
  body: string;
  attachments: Attachment[];
}

export interface Composition {
  emails: Composed[];
  skipped: string[];
}

const ty = (dong: number) => `${formatNumber(dong / 1e9, { decimals: 2 })} tỷ đồng`;

/**
 * To each unit's leaders: its open tasks past their deadline or due within `horizonDays`, with
 * the same .xlsx list the task screen exports. A unit with none gets nothing.
 */
export async function composeDigest(db: Queryable, today: string, period: string, horizonDays: number): Promise<Composition> {
  const tasks = await findTasks(db, { state: 'open', deadlineTo: addDays(today, horizonDays) }, today);
  const byUnit = new Map<string, { name: string; tasks: TTask[] }>();
  for (const t of tasks) {
    const u = byUnit.get(t.leadUnit.id) ?? { name: t.leadUnit.name, tasks: [] };
    u.tasks.push(t);
    byUnit.set(t.leadUnit.id, u);
  }
  const leaders = await selectUnitLeaders(db, [...byUnit.keys()]);
  const emails: Composed[] = [];
  const skipped: string[] = [];
  for (const [unitId, u] of [...byUnit.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'vi'))) {
    const to = leaders.filter((l) => l.unit_id === unitId && l.email).map((l) => l.email!);
    if (to.length === 0) {
      skipped.push(`${u.name}: không có lãnh đạo đơn vị nào có địa chỉ thư điện tử`);
      continue;
    }
    const overdue = u.tasks.filter((t) => t.deadline !== null && t.deadline < today);
    const soon = u.tasks.filter((t) => t.deadline !== null && t.deadline >= today);
    const line = (t: TTask) =>
      t.deadline && t.deadline < today
        ? `- ${t.title} — hạn ${formatVnDate(t.deadline)}, quá hạn ${t.overdueDays || diffDays(t.deadline, today)} ngày`
        : `- ${t.title} — hạn ${formatVnDate(t.deadline!)}${t.deadline === today ? ' (hôm nay)' : `, còn ${diffDays(today, t.deadline!)} ngày`}`;
    const body = [
      `Kính gửi lãnh đạo ${u.name},`,
      '',
      `Tính đến ngày ${formatVnDate(today)}, đơn vị có ${overdue.length} nhiệm vụ quá hạn và ${soon.length} nhiệm vụ đến hạn trong ${horizonDays} ngày tới.`,
      ...(overdue.length ? ['', 'Nhiệm vụ quá hạn:', ...overdue.map(line)] : []),
      ...(soon.length ? ['', `Nhiệm vụ đến hạn trong ${horizonDays} ngày:`, ...soon.map(line)] : []),
      '',
      'Danh sách chi tiết trong tệp Excel đính kèm.',
      'Hải Đăng — hệ thống điều hành chuyển đổi số',
    ].join('\n');
    emails.push({
      to,
      audience: `Lãnh đạo ${u.name}`,
      subject: `Nhiệm vụ quá hạn và sắp đến hạn (${periodLabelVi(period)}): ${overdue.length} quá hạn, ${soon.length} sắp đến hạn`,
      body,
      attachments: [{ filename: `nhiem-vu-${today}.xlsx`, mime: XLSX_MIME, content: await exportTasks(u.tasks, today, `Đơn vị chủ trì: ${u.name}`) }],
    });
  }
  return { emails, skipped };
}

/** To the city's leadership: the four pillars against their targets, money at risk and report timeliness, with the panels' .xlsx. */
export async function composeSummary(deps: Deps, period: string): Promise<Composition> {
  const today = todayOf(deps);
  const year = await defaultYear(deps);
  // Deliveries are set up for the deployment's own province (the oldest root in force); a
  // summary per province of a multi-province deployment is not built yet.
  const province = await selectOwnProvince(deps.db);
  const panel = (key: TPanelKey) => storedPanel(deps, province, year, key);
  const [pillars, budget, reports] = await Promise.all([panel('pillars'), panel('budget'), panel('reports')]);
  const lines: string[] = [`Kính gửi lãnh đạo thành phố,`, '', `Tổng hợp tình hình chuyển đổi số năm ${year}, số liệu đến ngày ${formatVnDate(today)}.`, ''];

  lines.push('1. Chỉ tiêu theo bốn trụ cột');
  const p = pillars?.status === 'ok' ? (pillars.payload as TPillarsPayload) : null;
  if (!p) lines.push(`   ${pillars?.message ?? 'Chưa có dữ liệu'}`);
  for (const x of p?.pillars ?? []) {
    const reached = x.indicators.filter((i) => i.rag === 'green').length;
    lines.push(`   - ${x.name}: ${reached}/${x.indicators.length} chỉ tiêu đạt kế hoạch${x.indicators.filter((i) => i.rag === 'red').length ? `, ${x.indicators.filter((i) => i.rag === 'red').length} chỉ tiêu không đạt` : ''}`);
  }

  lines.push('', '2. Kinh phí có nguy cơ không giải ngân kịp');
  const b = budget?.status === 'ok' ? (budget.payload as TBudgetPayload) : null;
  if (!b) lines.push(`   ${budget?.message ?? 'Chưa có dữ liệu'}`);
  else {
    lines.push(`   - ${ty(b.atRisk)} của ${formatNumber(b.atRiskCount)} hồ sơ có nguy cơ không giải ngân kịp`);
    lines.push(`   - Đã giải ngân ${ty(b.disbursed)} trên ${ty(b.allocated)} đã phân bổ (${formatPercent(b.disbursementRate)})`);
  }

  lines.push('', '3. Tình hình gửi báo cáo định kỳ');
  const r = reports?.status === 'ok' ? (reports.payload as TReportsPayload) : null;
  if (!r) lines.push(`   ${reports?.message ?? 'Chưa có dữ liệu'}`);
  else {
    lines.push(`   - ${r.periodLabel ?? 'Kỳ gần nhất'}: ${r.onTime}/${r.expected} báo cáo đúng hạn, ${r.late} muộn, ${r.missing} chưa nộp (tỷ lệ đúng hạn ${formatPercent(r.onTimeRate)})`);
  }
  lines.push('', 'Số liệu chi tiết trong các tệp Excel đính kèm.', 'Hải Đăng — hệ thống điều hành chuyển đổi số');

  const attachments: Attachment[] = [];
  for (const x of [pillars, budget, reports]) {
    if (x) attachments.push({ filename: `dieu-hanh-${x.key}-${year}.xlsx`, mime: XLSX_MIME, content: await panelWorkbook(x, year) });
  }
  const people = await selectLeadership(deps.db);
  const to = people.filter((u) => u.email).map((u) => u.email!);
  const skipped = people.filter((u) => !u.email).map((u) => `${u.full_name}: chưa có địa chỉ thư điện tử`);
  if (to.length === 0) skipped.push('Không có lãnh đạo thành phố nào có địa chỉ thư điện tử');
  return {
    emails: to.length ? [{ to, audience: 'Lãnh đạo thành phố', subject: `Tổng hợp chuyển đổi số ${periodLabelVi(period)}`, body: lines.join('\n'), attachments }] : [],
    skipped,
  };
}

export function compose(deps: Deps, kind: TDeliveryKind, period: string, horizonDays: number): Promise<Composition> {
  return kind === 'unit_digest' ? composeDigest(deps.db, todayOf(deps), period, horizonDays) : composeSummary(deps, period);
}
