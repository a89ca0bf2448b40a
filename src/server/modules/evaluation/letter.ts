import { componentValueVi, formatNumberVi } from '../../../core/evaluation/reason';
import { MEASURE } from '../../../core/evaluation/criteria';
import { parsePeriodKey, periodLabel } from '../../../core/periods/period-key';
import { formatMoneyVi } from '../../../core/projects/money';
import type { Queryable } from '../../../db/client';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { notFound, staleVersion, alreadyCreated } from '../../errors';
import { existingTables } from '../dashboard/panels/context';
import { runView } from './run';
import type { EvaluationClass, LetterDraft, LetterSection, LetterView, ResultView, RunView } from '../../../contracts/evaluation';

/** A component as a letter writes it; null when it says nothing about the unit. */
function componentPhrase(c: ResultView['components'][number]): string | null {
  if (!c.applicable || c.raw === null) return null;
  switch (c.code) {
    case MEASURE.disbursedAmount:
      return c.raw > 0 ? `giải ngân ${componentValueVi(c)}` : 'không giải ngân được';
    case MEASURE.carriedOverAmount:
      return c.raw > 0 ? `chuyển nguồn ${componentValueVi(c)}` : null;
    case MEASURE.cancelledAmount:
      return c.raw > 0 ? `huỷ nguồn ${componentValueVi(c)}` : null;
    case MEASURE.tasksWithoutDossier:
      return c.raw > 0 ? `${formatNumberVi(c.raw)} nhiệm vụ chưa có hồ sơ đề nghị phân bổ kinh phí` : null;
    case MEASURE.onTimeRate:
      return `hoàn thành đúng hạn ${componentValueVi(c)} nhiệm vụ`;
    case MEASURE.overdueTasks:
      return c.raw === 0 ? 'không có nhiệm vụ quá hạn' : `${formatNumberVi(c.raw)} nhiệm vụ quá hạn`;
    case MEASURE.reportTimeliness:
      return `báo cáo đúng hạn ${componentValueVi(c)}`;
    case MEASURE.indicatorAchievement:
      return `đạt ${componentValueVi(c)} chỉ tiêu`;
    default:
      return null;
  }
}

const LETTER_ORDER: readonly string[] = [MEASURE.cancelledAmount, MEASURE.tasksWithoutDossier, MEASURE.carriedOverAmount, MEASURE.disbursedAmount, MEASURE.onTimeRate, MEASURE.overdueTasks, MEASURE.reportTimeliness, MEASURE.indicatorAchievement];

/** A unit's reason in the letter: its score when weighted, then the figures behind its class. */
export function unitReason(r: ResultView): string {
  const ordered = [...r.components].sort((a, b) => (LETTER_ORDER.indexOf(a.code) + 99) % 99 - (LETTER_ORDER.indexOf(b.code) + 99) % 99);
  const phrases = ordered.map(componentPhrase).filter((p): p is string => p !== null).slice(0, 3);
  const score = r.score === null ? '' : `${formatNumberVi(r.score)}/100 điểm`;
  return [score, ...phrases].filter(Boolean).join('; ');
}

/** The ground a list shares: the class rule's, as the run recorded it. */
function sharedWeakness(results: readonly ResultView[]): string {
  return results.find((r) => r.ground)?.ground ?? 'chưa bảo đảm tiến độ theo kế hoạch';
}

function section(results: readonly ResultView[], cls: EvaluationClass, intro: (weak: string) => string): LetterSection {
  const members = results.filter((r) => r.class === cls);
  return { intro: intro(sharedWeakness(members)), units: members.map((r) => ({ unitId: r.unitId, name: r.unitName, reason: unitReason(r) })) };
}

/** "Ủy ban nhân dân thành phố Hải Phòng" → ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], place "Hải Phòng". */
function issuerOf(rootName: string): { lines: string[]; place: string } {
  const m = /^(Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/i.exec(rootName.normalize('NFC'));
  const rest = m?.[2] ?? rootName;
  const place = rest.replace(/^(thành phố|tỉnh)\s+/i, '');
  return { lines: m ? ['ỦY BAN NHÂN DÂN', rest.toLocaleUpperCase('vi')] : [rootName.toLocaleUpperCase('vi')], place };
}

interface Figures {
  projects: number;
  planned: number;
  disbursed: number;
  carriedOver: number;
  cancelled: number;
}

async function yearFigures(q: Queryable, year: number): Promise<Figures | null> {
  if (!(await existingTables(q, ['projects'])).has('projects')) return null;
  const r = (await q.query<Figures>(
    `select count(*)::int as projects, coalesce(sum(estimate), 0)::bigint as planned, coalesce(sum(disbursed), 0)::bigint as disbursed,
            coalesce(sum(carried_over), 0)::bigint as "carriedOver", coalesce(sum(cancelled), 0)::bigint as cancelled
       from projects where fiscal_year = $1`,
    [year],
  ))[0];
  return r && r.projects > 0 ? r : null;
}

const ty = (n: number) => formatMoneyVi(BigInt(Math.round(n)), { decimals: 0 }).replace(' đồng', '');

/** The first draft of the letter, in the form and wording of seed 000 (Công văn 139/UBND-KSTTHC). */
export async function defaultDraft(q: Queryable, run: RunView, coordinatorName: string): Promise<LetterDraft> {
  const root = (await q.query<{ name: string }>(
    'select name from units where parent_id is null and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by valid_to is not null, valid_from limit 1',
    [run.asOf],
  ))[0];
  const issuer = issuerOf(root?.name ?? 'Ủy ban nhân dân thành phố Hải Phòng');
  const { type, year } = parsePeriodKey(run.period);
  const next = year + 1;
  const isYear = type === 'year';
  const label = periodLabel(run.period).toLowerCase();
  const figures = await yearFigures(q, year);
  const twoLevel = run.asOf >= '2025-07-01';
  const n = run.results.filter((r) => r.class !== null).length;
  const money = figures
    ? `; trong đó, triển khai ${figures.projects} nhiệm vụ, dự án có kinh phí với tổng kinh phí là ${ty(figures.planned)} đồng, giải ngân ${ty(figures.disbursed)}/${ty(figures.planned)}, chuyển nguồn ${ty(figures.carriedOver)}, huỷ nguồn ${ty(figures.cancelled)}`
    : '';
  const opening =
    `Thực hiện Kế hoạch chuyển đổi số ${isYear ? `năm ${year}` : label} của thành phố${money}. ` +
    `Kết quả đánh giá, xếp loại ${n} cơ quan, đơn vị theo ${run.ruleSet.name.charAt(0).toLowerCase()}${run.ruleSet.name.slice(1)} (áp dụng từ ngày ${run.ruleSet.validFrom.split('-').reverse().join('/')}) cho thấy: ` +
    `${run.counts.ghi_nhan} đơn vị bảo đảm tiến độ, ${run.counts.rut_kinh_nghiem} đơn vị phải rút kinh nghiệm, ${run.counts.phe_binh} đơn vị còn chậm, thiếu chủ động.\n` +
    `Để kịp thời chấn chỉnh công tác triển khai nhiệm vụ chuyển đổi số${isYear ? ` năm ${next}` : ''} của thành phố; xét báo cáo và đề nghị của ${coordinatorName}, Chủ tịch Ủy ban nhân dân thành phố có ý kiến như sau:`;

  const rutPhe = run.results.filter((r) => r.class === 'rut_kinh_nghiem' || r.class === 'phe_binh');
  const agencies = await q.query<{ name: string }>(
    `select name from units where id = any($1::uuid[]) and kind = 'agency' and not ('departments' = any(groups)) order by name`,
    [run.results.filter((r) => r.class !== null).map((r) => r.unitId)],
  );
  const recipients = [
    ...(run.unitKinds.includes('department') || run.unitKinds.includes('agency') ? ['Các Sở, ban, ngành thành phố'] : []),
    ...(run.unitKinds.includes('district') ? ['UBND các quận, huyện'] : []),
    ...(run.unitKinds.includes('commune') ? ['UBND các xã, phường, đặc khu'] : []),
    ...agencies.map((a) => a.name),
  ];
  const deadlineFeb = `${next}-02-28`;
  return {
    issuerLines: issuer.lines,
    numberSuffix: 'UBND-KSTTHC',
    place: issuer.place,
    date: null,
    subject: isYear
      ? `chấn chỉnh công tác triển khai nhiệm vụ chuyển đổi số năm ${year} và triển khai năm ${next}`
      : `kết quả đánh giá, xếp loại đơn vị thực hiện nhiệm vụ chuyển đổi số ${label}`,
    recipients,
    opening,
    ghiNhan: section(run.results, 'ghi_nhan', () => 'Ghi nhận các đơn vị thực hiện bảo đảm tiến độ, hoàn thành nhiệm vụ, gồm:'),
    rutKinhNghiem: section(run.results, 'rut_kinh_nghiem', (weak) => `Yêu cầu các đơn vị sau nghiêm túc rút kinh nghiệm do ${weak}:`),
    pheBinh: section(run.results, 'phe_binh', (weak) => `Phê bình các đơn vị sau do còn thiếu chủ động, chưa tích cực triển khai — ${weak}:`),
    instructionsIntro: 'Để khắc phục tồn tại, hạn chế nêu trên, Chủ tịch Ủy ban nhân dân thành phố yêu cầu:',
    instructions: [
      {
        text: `Các Sở, ngành, địa phương khẩn trương hoàn thiện hồ sơ chi tiết các nhiệm vụ đã được bố trí kinh phí (chuyển nguồn từ năm ${year}) gửi ${coordinatorName}, Sở Tài chính thẩm định`,
        deadline: deadlineFeb,
        deadlineText: `trong tháng 02/${next}`,
      },
      {
        text: `Giao ${coordinatorName} là đầu mối thẩm định, trình Ủy ban nhân dân thành phố phê duyệt`,
        deadline: `${next}-03-31`,
        deadlineText: `trong tháng 3/${next}`,
      },
      ...(rutPhe.length > 0
        ? [{
            text: `Các đơn vị bị phê bình, phải rút kinh nghiệm tổ chức kiểm điểm, báo cáo rõ nguyên nhân và giải pháp khắc phục, gửi ${coordinatorName} để tổng hợp`,
            deadline: `${next}-02-15`,
            deadlineText: `trước ngày 15/02/${next}`,
          }]
        : []),
      {
        text: `Giao ${coordinatorName} theo dõi, đôn đốc việc thực hiện, tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân thành phố`,
        deadline: `${next}-03-31`,
        deadlineText: `trước ngày 31/3/${next}`,
      },
    ],
    closing: 'Chủ tịch Ủy ban nhân dân thành phố yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc thực hiện./.',
    copyTo: [
      'Như trên;',
      'TTTU (để báo cáo);',
      'TT HĐND TP;',
      'CT, các PCT UBND TP;',
      twoLevel ? 'UBND các xã, phường, đặc khu;' : 'UBND các quận, huyện;',
      'CVP, PCVP UBND thành phố;',
      'Lưu: VT.',
    ],
    signer: { authority: '', onBehalfOf: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' },
  };
}

async function coordinatorNameOf(q: Queryable, actorId: string | null): Promise<string> {
  const row = actorId
    ? (await q.query<{ name: string; kind: string }>('select u.name, u.kind from users s join units u on u.id = s.unit_id where s.id = $1', [actorId]))[0]
    : undefined;
  return row && row.kind === 'department' ? row.name : 'Sở Thông tin và Truyền thông';
}

interface LetterRow {
  draft: LetterDraft;
  version: number;
  updated_by_name: string | null;
  updated_at: string;
  generated_at: string | null;
}

/** The stored draft, or a fresh one (version 0, not stored until the coordinator saves it). */
export async function letterOf(deps: Deps, runId: string): Promise<LetterView> {
  const stored = (await deps.db.query<LetterRow>(
    'select draft, version, updated_by_name, updated_at, generated_at from evaluation_letters where run_id = $1',
    [runId],
  ))[0];
  if (stored) return { runId, draft: stored.draft, version: stored.version, updatedBy: stored.updated_by_name, updatedAt: stored.updated_at, generatedAt: stored.generated_at };
  const run = await runView(deps, runId);
  const creator = (await deps.db.query<{ created_by: string | null }>('select created_by from evaluation_runs where id = $1', [runId]))[0];
  const draft = await defaultDraft(deps.db, run, await coordinatorNameOf(deps.db, creator?.created_by ?? null));
  return { runId, draft, version: 0, updatedBy: null, updatedAt: run.createdAt, generatedAt: null };
}

export async function saveLetter(deps: Deps, ctx: AuditContext, runId: string, version: number, draft: LetterDraft): Promise<LetterView> {
  await deps.db.transaction(async (tx) => {
    const run = await tx.query('select 1 from evaluation_runs where id = $1', [runId]);
    if (run.length === 0) throw notFound('đợt đánh giá');
    // Version 0 creates in one statement that does nothing when another create won; a later
    // version is checked on the locked row by the update itself. Neither loses a write.
    if (version === 0) {
      const created = await tx.query(
        `insert into evaluation_letters (run_id, draft, version, updated_by, updated_by_name, updated_at) values ($1, $2, 1, $3, $4, now())
         on conflict (run_id) do nothing returning run_id`,
        [runId, JSON.stringify(draft), ctx.actorId, ctx.actorName],
      );
      if (created.length === 0) throw alreadyCreated();
    }
    const before = version === 0 ? undefined : (await tx.query<LetterRow>('select draft, version from evaluation_letters where run_id = $1 for update', [runId]))[0];
    if (version !== 0) {
      const updated = await tx.query(
        `update evaluation_letters set draft = $2, version = version + 1, updated_by = $3, updated_by_name = $4, updated_at = now() where run_id = $1 and version = $5 returning run_id`,
        [runId, JSON.stringify(draft), ctx.actorId, ctx.actorName, version],
      );
      if (!before || updated.length === 0) throw staleVersion();
    }
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'evaluation_letter', entityId: runId, before: before?.draft, after: draft });
  });
  return letterOf(deps, runId);
}

/** Marks the draft as generated and records who took the file. */
export async function recordLetterExport(deps: Deps, ctx: AuditContext, runId: string, version: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.query('update evaluation_letters set generated_at = now() where run_id = $1', [runId]);
    await recordAudit(tx, ctx, { action: 'export', entity: 'evaluation_letter', entityId: runId, after: { format: 'docx', version } });
  });
}
