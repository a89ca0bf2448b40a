import type { Db, Queryable } from '../db/client';
import { addDays, compareIsoDates } from '../core/calendar/dates';
import { addWorkingDays, type HolidaySet } from '../core/calendar/working-days';
import { currentStep, templateInForce, type ActionType, type ProjectKind } from '../core/projects/pipeline';
import { checkTotal, TRIEU, tyDong } from '../core/projects/money';
import { latestStartFor, type FundingSource } from '../core/projects/risk';
import { resolveRoleUnit } from '../core/projects/role-units';
import { recordAudit } from '../server/audit';
import { ensurePipelineSeed } from '../server/modules/pipelines/seed';
import { dong } from '../server/modules/projects/model';
import { projectRowById } from '../server/modules/projects/queries';
import { loadRules, type Rules } from '../server/modules/projects/rules';
import { insertProject } from '../server/modules/projects/service';
import { replay } from '../server/modules/projects/state';
import { storeTransition, type TransitionInput } from '../server/modules/projects/transition';
import { insertTask } from '../server/modules/tasks/create';
import { vnToday } from '../core/calendar/timestamps';

/**
 * Demo portfolio. The 2022 figures are facts from seed 000 (Công văn 139/UBND-KSTTHC of
 * 18/01/2023): 61 tasks, 397 tỷ planned, 20 tỷ disbursed, 86 tỷ carried over to 2023, 116 tỷ
 * cancelled. How they split over projects, the project names, dates and document numbers are
 * sample data, labelled "(dữ liệu mẫu)". The split follows the letter's three lists: units it
 * praised disbursed, units told to learn lessons carried over, units criticised lost money;
 * 13 of 61 tasks (≈ 22 %, seed 001) were approved and funded by July 2022. The rest of the
 * plan never reached allocation: its dossiers sat unsubmitted or in appraisal.
 * The current year's projects are placed relative to `today`, several stuck in appraisal now,
 * one returned twice.
 */

export const FACTS_2022 = {
  tasks: 61,
  planned: tyDong(397),
  disbursed: tyDong(20),
  carriedOver: tyDong(86),
  cancelled: tyDong(116),
  source: 'Công văn số 139/UBND-KSTTHC ngày 18/01/2023 của UBND thành phố Hải Phòng',
} as const;

const SETTING = 'seed.demo_projects';
const SAMPLE = ' (dữ liệu mẫu)';
const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };
const WHO = { id: null, name: 'Dữ liệu mẫu' };
const KH74_DATE = '2022-03-24';
const CLOSED_2022 = '2023-01-18';

type Outcome = 'disbursed' | 'carried' | 'cancelled' | 'open';
/** An action and the working days since the previous event (or the start). */
type Move = [ActionType, number, { amount?: bigint; comment?: string; final?: boolean }?];

interface DemoProject {
  unit: string;
  name: string;
  kind: ProjectKind;
  source: FundingSource;
  /** triệu đồng */
  estimate: number;
  start: string;
  moves: Move[];
  outcome: Outcome;
}

const RETURN_TECH = 'Đề nghị bổ sung thuyết minh giải pháp kỹ thuật, kết nối với nền tảng LGSP của thành phố';
const RETURN_COST = 'Dự toán chưa áp dụng đúng định mức, đơn giá; đề nghị rà soát lại';

/** Recurrent activity (TT 03/2020): submit, technical, cost, approval, allocation. */
const toAllocation = (gaps: [number, number, number, number, number], amount: bigint): Move[] => [
  ['submit', gaps[0]],
  ['appraise', gaps[1]],
  ['appraise', gaps[2]],
  ['approve', gaps[3]],
  ['allocate', gaps[4], { amount }],
];

/** Investment project: policy proposal, policy appraisal and decision, feasibility study, appraisal, decision, capital plan. */
const investmentToAllocation = (gaps: number[], amount: bigint): Move[] => {
  const actions: ActionType[] = ['submit', 'appraise', 'approve', 'submit', 'appraise', 'approve', 'allocate'];
  return actions.map((a, i) => [a, gaps[i] ?? 10, a === 'allocate' ? { amount } : undefined] as Move);
};

const m = (trieu: number): bigint => BigInt(trieu) * TRIEU;

/** 2022, the year of seed 000. */
function portfolio2022(): DemoProject[] {
  const out: DemoProject[] = [];
  // Praised units: finished and disbursed in full (20 tỷ).
  const disbursed: Array<[string, string, number]> = [
    ['HP.SNV', 'Số hoá hồ sơ, tài liệu lưu trữ lịch sử thành phố', 4_500],
    ['HP.CTHADS', 'Phần mềm quản lý hồ sơ thi hành án dân sự', 2_800],
    ['HP.SKHDT', 'Hệ thống thông tin đăng ký, giám sát đầu tư công', 3_200],
    ['HP.SVHTT', 'Số hoá di tích, bảo tàng và thư viện số', 5_000],
    ['HP.CATP', 'Hạ tầng kết nối dữ liệu dân cư phục vụ dịch vụ công', 1_900],
    ['HP.BQLKKT', 'Cổng dịch vụ công trực tuyến Khu kinh tế', 2_600],
  ];
  disbursed.forEach(([unit, name, e], i) => {
    const amount = m(e);
    out.push({
      unit, name, kind: 'recurrent_activity', source: 'recurrent', estimate: e, start: addDays('2022-03-25', i * 3), outcome: 'disbursed',
      moves: [...toAllocation([14 + i, 12, 8, 6, 10], amount), ['contract', 22], ['accept', 38 + i], ['disburse', 9, { amount }]],
    });
  });
  // Learn-lessons units: allocated late, not disbursed by year end, carried over (86 tỷ).
  const carried: Array<[string, string, number]> = [
    ['HP.SXD', 'Cơ sở dữ liệu quy hoạch, cấp phép xây dựng', 9_000],
    ['HP.SNNPTNT', 'Cơ sở dữ liệu nông nghiệp, nông thôn số', 6_500],
    ['HP.SKHCN', 'Nền tảng quản lý nhiệm vụ khoa học và công nghệ', 4_000],
    ['HP.TTRA', 'Phần mềm quản lý thanh tra, khiếu nại, tố cáo', 3_500],
    ['HP.SCT', 'Hệ thống thông tin thị trường, xúc tiến thương mại', 7_000],
    ['HP.VPDBQHHDND', 'Phòng họp không giấy và hệ thống thông tin HĐND', 2_500],
    ['HP.STNMT', 'Cơ sở dữ liệu đất đai thành phố', 12_000],
    ['HP.BCHQS', 'Phần mềm quản lý quân nhân dự bị, dân quân tự vệ', 3_000],
    ['HP.SXD', 'Hệ thống quản lý nhà ở và thị trường bất động sản', 4_500],
    ['HP.STNMT', 'Hệ thống quan trắc môi trường tự động', 2_000],
    ['HP.SCT', 'Phần mềm quản lý an toàn thực phẩm ngành công thương', 2_000],
  ];
  carried.forEach(([unit, name, e], i) => {
    const amount = m(e);
    const revise: Move[] = i % 3 === 0 ? [['submit', 30], ['return_for_revision', 22, { comment: RETURN_TECH }]] : [];
    out.push({
      unit, name, kind: 'recurrent_activity', source: 'recurrent', estimate: e, start: addDays('2022-03-25', i * 2), outcome: 'carried',
      moves: [...revise, ...toAllocation([28 + i, 26, 18 + (i % 4), 10, 14], amount), ...(i % 2 === 0 ? ([['contract', 25]] as Move[]) : [])],
    });
  });
  out.push({
    unit: 'HP.VPUBND', name: 'Trung tâm giám sát, điều hành thông minh (IOC) giai đoạn 2', kind: 'investment_project', source: 'public_investment',
    estimate: 30_000, start: '2021-11-01', outcome: 'carried', moves: investmentToAllocation([25, 30, 12, 45, 40, 15, 20], m(30_000)),
  });
  // Criticised units: allocated early, dossiers late, money cancelled (116 tỷ).
  out.push(
    {
      unit: 'HP.SYT', name: 'Bệnh án điện tử và nền tảng y tế số dùng chung', kind: 'investment_project', source: 'public_investment',
      estimate: 40_000, start: '2021-09-15', outcome: 'cancelled', moves: investmentToAllocation([20, 22, 10, 40, 28, 10, 15], m(40_000)),
    },
    {
      unit: 'HP.SGDDT', name: 'Hạ tầng và nền tảng trường học số', kind: 'investment_project', source: 'public_investment',
      estimate: 35_000, start: '2021-10-01', outcome: 'cancelled', moves: investmentToAllocation([22, 20, 9, 38, 25, 10, 12], m(35_000)),
    },
  );
  const cancelled: Array<[string, string, number]> = [
    ['HP.SGTVT', 'Cơ sở dữ liệu kết cấu hạ tầng giao thông', 15_000],
    ['HP.BAOHP', 'Toà soạn hội tụ, báo điện tử đa phương tiện', 5_000],
    ['HP.STTTT', 'Mở rộng nền tảng tích hợp, chia sẻ dữ liệu (LGSP)', 12_000],
    ['HP.STP', 'Cơ sở dữ liệu hộ tịch, lý lịch tư pháp', 4_000],
    ['HP.SDL', 'Hệ thống du lịch thông minh Hải Phòng', 5_000],
  ];
  cancelled.forEach(([unit, name, e], i) => {
    out.push({
      unit, name, kind: 'recurrent_activity', source: 'recurrent', estimate: e, start: addDays('2022-03-25', i * 2), outcome: 'cancelled',
      moves: toAllocation([12 + i, 13, 9, 7, 9], m(e)),
    });
  });
  // The rest of the plan never reached allocation (175 tỷ): no dossier, or stuck in appraisal.
  const districts: Array<[string, string]> = [
    ['HP.Q.HONGBANG', 'quận Hồng Bàng'], ['HP.Q.NGOQUYEN', 'quận Ngô Quyền'], ['HP.Q.LECHAN', 'quận Lê Chân'], ['HP.Q.HAIAN', 'quận Hải An'],
    ['HP.Q.KIENAN', 'quận Kiến An'], ['HP.Q.DOSON', 'quận Đồ Sơn'], ['HP.Q.DUONGKINH', 'quận Dương Kinh'], ['HP.H.THUYNGUYEN', 'huyện Thủy Nguyên'],
    ['HP.H.ANDUONG', 'huyện An Dương'], ['HP.H.ANLAO', 'huyện An Lão'], ['HP.H.KIENTHUY', 'huyện Kiến Thụy'], ['HP.H.TIENLANG', 'huyện Tiên Lãng'],
    ['HP.H.VINHBAO', 'huyện Vĩnh Bảo'], ['HP.H.CATHAI', 'huyện Cát Hải'], ['HP.H.BACHLONGVI', 'huyện Bạch Long Vĩ'],
  ];
  const districtAmounts = [3_500, 4_200, 2_800, 5_000, 6_000, 3_000, 4_500, 2_500, 3_800, 5_500];
  const stuck: Array<(i: number) => Move[]> = [
    () => [],
    (i) => [['submit', 25 + (i % 7) * 3]],
    (i) => [['submit', 20 + (i % 5) * 4], ['return_for_revision', 30 + (i % 3) * 5, { comment: RETURN_TECH }]],
    (i) => [['submit', 18 + (i % 4) * 3], ['appraise', 35 + (i % 6) * 4]],
    (i) => [['submit', 15 + (i % 3) * 2], ['appraise', 25 + (i % 4) * 3], ['appraise', 20 + (i % 5) * 2]],
  ];
  const STUCK_ORDER = [0, 1, 1, 2, 3, 1, 0, 4, 1, 3, 0, 1, 2, 1, 4];
  let k = 0;
  for (const [code, place] of districts) {
    for (const [j, title] of [`Nâng cấp hạ tầng CNTT, bộ phận một cửa ${place}`, `Số hoá hồ sơ, dữ liệu hộ tịch, đất đai ${place}`].entries()) {
      const e = districtAmounts[k % districtAmounts.length]!;
      const stuckKind = STUCK_ORDER[(k + j) % STUCK_ORDER.length]!;
      out.push({ unit: code, name: title, kind: 'recurrent_activity', source: 'recurrent', estimate: e, start: addDays('2022-03-28', k % 10), outcome: 'open', moves: stuck[stuckKind]!(k) });
      k += 1;
    }
  }
  const departments: Array<[string, string, number, number]> = [
    ['HP.SYT', 'Phần mềm quản lý khám chữa bệnh tuyến cơ sở', 14_000, 3],
    ['HP.SGDDT', 'Hệ thống quản lý học bạ và hồ sơ học sinh', 12_000, 1],
    ['HP.SGTVT', 'Hệ thống giám sát giao thông thông minh', 9_600, 2],
    ['HP.STTTT', 'Trung tâm giám sát an toàn thông tin (SOC)', 8_000, 4],
    ['HP.SXD', 'Bản đồ số quy hoạch đô thị', 5_000, 1],
    // Its dossier went in (a unit told to learn lessons carried money over; it did not leave a task without a dossier).
    ['HP.SCT', 'Sàn thương mại điện tử sản phẩm OCOP', 4_000, 1],
  ];
  for (const [i, [unit, name, e, stuckKind]] of departments.entries()) {
    out.push({ unit, name, kind: 'recurrent_activity', source: 'recurrent', estimate: e, start: addDays('2022-03-29', i), outcome: 'open', moves: stuck[stuckKind]!(i + 3) });
  }
  return out;
}

/** The current year, laid out backwards from today: [project, moves, working days already spent at the current step]. */
function currentYear(): Array<Omit<DemoProject, 'start' | 'outcome'> & { elapsed: number }> {
  const full = (e: number): Move[] => [...toAllocation([15, 10, 8, 6, 10], m(e)), ['contract', 20], ['accept', 25], ['disburse', 8, { amount: m(e) }]];
  return [
    { unit: 'HP.SYT', name: 'Nền tảng hồ sơ sức khoẻ điện tử người dân', kind: 'recurrent_activity', source: 'recurrent', estimate: 12_000, moves: [['submit', 25]], elapsed: 45 },
    { unit: 'HP.SGDDT', name: 'Hệ thống học bạ số và chuyển trường trực tuyến', kind: 'recurrent_activity', source: 'recurrent', estimate: 8_000, moves: [['submit', 20], ['appraise', 14]], elapsed: 32 },
    {
      unit: 'HP.SXD', name: 'Cơ sở dữ liệu công trình xây dựng và nhà ở', kind: 'recurrent_activity', source: 'recurrent', estimate: 6_500,
      moves: [['submit', 20], ['return_for_revision', 12, { comment: RETURN_TECH }], ['submit', 15], ['return_for_revision', 10, { comment: 'Chưa làm rõ phương án bảo đảm an toàn thông tin cấp độ 3' }], ['submit', 12]],
      elapsed: 9,
    },
    { unit: 'HP.SNV', name: 'Số hoá hồ sơ cán bộ, công chức, viên chức', kind: 'recurrent_activity', source: 'recurrent', estimate: 3_200, moves: [['submit', 15]], elapsed: 5 },
    { unit: 'HP.VPUBND', name: 'Trung tâm giám sát, điều hành thông minh (IOC) giai đoạn 3', kind: 'investment_project', source: 'public_investment', estimate: 25_000, moves: [['submit', 30]], elapsed: 40 },
    { unit: 'HP.SCT', name: 'Sàn giao dịch thương mại điện tử thành phố', kind: 'recurrent_activity', source: 'recurrent', estimate: 3_000, moves: full(3_000), elapsed: 20 },
    { unit: 'HP.STP', name: 'Thuê dịch vụ chữ ký số và xác thực điện tử', kind: 'service_rental', source: 'recurrent', estimate: 2_000, moves: [['submit', 15], ['appraise', 12], ['appraise', 9]], elapsed: 12 },
    { unit: 'HP.P.LECHAN', name: 'Wifi công cộng và bộ phận một cửa phường Lê Chân', kind: 'recurrent_activity', source: 'recurrent', estimate: 1_200, moves: [], elapsed: 60 },
    {
      unit: 'HP.BQLKKT', name: 'Hệ thống quản lý doanh nghiệp trong khu kinh tế', kind: 'recurrent_activity', source: 'recurrent', estimate: 5_000,
      moves: [...toAllocation([15, 12, 10, 6, 10], m(5_000)), ['contract', 20], ['accept', 30], ['disburse', 5, { amount: m(2_000) }]],
      elapsed: 10,
    },
    { unit: 'HP.SYT', name: 'Phần mềm quản lý trạm y tế xã, phường', kind: 'recurrent_activity', source: 'recurrent', estimate: 4_500, moves: toAllocation([10, 14, 10, 7, 12], m(4_500)), elapsed: 40 },
    { unit: 'HP.STC', name: 'Phần mềm quản lý ngân sách, tài sản công cấp xã', kind: 'recurrent_activity', source: 'recurrent', estimate: 7_000, moves: [['submit', 18], ['appraise', 20]], elapsed: 22 },
    { unit: 'HP.SNV', name: 'Mua sắm thiết bị họp trực tuyến cho xã, phường', kind: 'purchase', source: 'other', estimate: 1_800, moves: [['submit', 10]], elapsed: 3 },
  ];
}

function docNumber(action: ActionType, n: number, year: number): string | undefined {
  switch (action) {
    case 'submit': return `${100 + n}/TTr-ĐV`;
    case 'appraise': return `${200 + n}/TĐ-${year}`;
    case 'approve': return `${1000 + n}/QĐ-UBND`;
    case 'allocate': return `${2000 + n}/QĐ-UBND`;
    case 'contract': return `${n}/${year}/HĐ-CNTT`;
    case 'accept': return `${n}/BBNT`;
    case 'disburse': return `UNC-${year}-${n}`;
    default: return undefined;
  }
}

async function unitIds(tx: Queryable): Promise<Map<string, { id: string; validFrom: string }>> {
  const rows = await tx.query<{ id: string; code: string; valid_from: string }>('select id, code, valid_from from units');
  return new Map(rows.map((r) => [r.code, { id: r.id, validFrom: r.valid_from }]));
}

interface Placed {
  project: DemoProject;
  fiscalYear: number;
  /** Tasks are assigned by the plan (KH 74/KH-UBND for 2022), not when a project happens to start. */
  assignedOn: string;
}

async function insertOne(tx: Queryable, rules: Rules, units: Map<string, { id: string; validFrom: string }>, holidays: HolidaySet, placed: Placed, n: number, today: string): Promise<string> {
  const { project: d, fiscalYear } = placed;
  const unit = units.get(d.unit);
  if (!unit) throw new Error(`Dữ liệu mẫu: không có đơn vị ${d.unit}`);
  const name = `${d.name}${SAMPLE}`;
  const task = await insertTask(tx, SYSTEM, {
    title: `${d.name} (nhiệm vụ năm ${fiscalYear})${SAMPLE}`,
    leadUnitId: unit.id,
    assignedOn: placed.assignedOn,
    deadline: `${fiscalYear}-12-31`,
    deadlineText: `trong năm ${fiscalYear}`,
    pillar: 'digital_government',
    sample: true,
  }, new Date(), today);
  const id = await insertProject(tx, SYSTEM, {
    unitId: unit.id, name, kind: d.kind, fiscalYear, fundingSource: d.source, estimate: Number(m(d.estimate)), startedOn: d.start, taskIds: [task.id], sample: true,
  }, today);
  let row = (await projectRowById(tx, id))!;
  const { template } = rules.templates.get(row.template_id)!;
  let state = replay(template, row, []);
  let date = d.start;
  let seq = 1;
  let acceptedOn: string | null = null;
  for (const [action, gap, extra] of d.moves) {
    date = addWorkingDays(date, gap, holidays);
    const step = currentStep(template, state);
    const holder = step && step.actorRole !== 'owner' ? resolveRoleUnit(rules.roleUnits, step.actorRole, date, d.kind)?.unitCode ?? null : unit.id;
    const input: TransitionInput = {
      version: row.version,
      type: action,
      date,
      documentNumber: docNumber(action, n * 10 + seq, Number(date.slice(0, 4))) ?? null,
      comment: extra?.comment ?? null,
      amount: extra?.amount !== undefined ? Number(extra.amount) : null,
      final: extra?.final ?? false,
    };
    if (action === 'accept') acceptedOn = date;
    const stored = await storeTransition(tx, { id, template, state, seq }, input, WHO, holder);
    state = stored.state;
    seq += 1;
  }
  row = (await projectRowById(tx, id))!;
  if (d.outcome === 'disbursed' && acceptedOn) {
    // A task paid out in full was done when its work was accepted, before its deadline: the task
    // screen shows it done on time, as the evaluation's ground "hoàn thành nhiệm vụ" reads it.
    await tx.query('update tasks set completed_on = $2, progress_percent = 100, last_progress_at = $3 where id = $1', [task.id, acceptedOn, `${acceptedOn}T02:00:00Z`]);
  }
  if (fiscalYear === 2022) {
    const left = dong(row.allocated) - dong(row.disbursed);
    const carried = d.outcome === 'carried' ? left : 0n;
    const cancelled = d.outcome === 'cancelled' ? left : 0n;
    await tx.query(
      `update projects set carried_over = $2, cancelled = $3, closed_on = $4, closing_note = $5 where id = $1`,
      [id, Number(carried), Number(cancelled), CLOSED_2022, `Khoá sổ năm 2022 theo ${FACTS_2022.source}; phân bổ theo dự án là dữ liệu mẫu.`],
    );
  }
  return id;
}

/** Checks the 2022 data set against the letter before it is committed: the facts are not negotiable. */
async function check2022(tx: Queryable): Promise<void> {
  const r = (await tx.query<{ n: number; planned: string; disbursed: string; carried: string; cancelled: string; tasks: number }>(
    `select count(*)::int as n, sum(estimate)::text as planned, sum(disbursed)::text as disbursed, sum(carried_over)::text as carried,
            sum(cancelled)::text as cancelled,
            (select count(distinct pt.task_id)::int from project_tasks pt join projects q on q.id = pt.project_id where q.fiscal_year = 2022 and q.sample) as tasks
       from projects where fiscal_year = 2022 and sample`,
  ))[0]!;
  const problems = [
    checkTotal(FACTS_2022.planned, [BigInt(r.planned)]),
    checkTotal(FACTS_2022.disbursed, [BigInt(r.disbursed)]),
    checkTotal(FACTS_2022.carriedOver, [BigInt(r.carried)]),
    checkTotal(FACTS_2022.cancelled, [BigInt(r.cancelled)]),
  ].filter((c) => !c.ok);
  if (problems.length > 0 || r.tasks !== FACTS_2022.tasks || r.n !== FACTS_2022.tasks) {
    throw new Error(`Dữ liệu mẫu 2022 không khớp Công văn 139/UBND-KSTTHC: ${JSON.stringify(r)}`);
  }
}

/**
 * Loads the demo portfolio once (a setting remembers it). Needs the organisation and the
 * pipeline templates; `today` places the current year's projects.
 */
export async function seedDemoProjects(db: Db, today: string = vnToday(new Date())): Promise<boolean> {
  await ensurePipelineSeed(db);
  return db.transaction(async (tx) => {
    if ((await tx.query('select 1 from app_settings where key = $1', [SETTING])).length > 0) return false;
    const units = await unitIds(tx);
    if (!units.has('HP.STTTT')) return false;
    const rules = await loadRules(tx);
    const holidays = rules.holidays;
    let n = 0;
    for (const project of portfolio2022()) {
      await insertOne(tx, rules, units, holidays, { project, fiscalYear: 2022, assignedOn: compareIsoDates(project.start, KH74_DATE) < 0 ? project.start : KH74_DATE }, ++n, today);
    }
    await check2022(tx);
    const year = Number(today.slice(0, 4));
    for (const c of currentYear()) {
      const span = c.moves.reduce((sum, mv) => sum + mv[1], 0) + c.elapsed;
      let start = latestStartFor(today, span, holidays);
      const unit = units.get(c.unit);
      if (unit && start < unit.validFrom) start = unit.validFrom;
      // Early in a year some kinds have no template yet (purchase exists from NĐ 45/2026): leave them out.
      if (!templateInForce(rules.coreTemplates, c.kind, start)) continue;
      await insertOne(tx, rules, units, holidays, { project: { ...c, start, outcome: 'open' }, fiscalYear: year, assignedOn: start }, ++n, today);
    }
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'project', after: { projects: n, facts2022: FACTS_2022.source } });
    await tx.query(
      'insert into app_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()',
      [SETTING, JSON.stringify({ at: new Date().toISOString(), projects: n, today })],
    );
    return true;
  });
}
