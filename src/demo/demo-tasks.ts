/**
 * Demo directives and tasks. The metadata of the five source documents and their
 * assignments (lead, coordinators, task in short, deadline as written) are facts
 * transcribed from the documents; their full texts are not copied here. Group leads
 * ("các Sở, ngành, địa phương") are expanded to the units valid on the document's date,
 * as a confirmation in the product does. Progress, completion dates and the extension
 * are invented so the lists and statistics have something to show: every such row is
 * marked `sample` and its notes say "(dữ liệu mẫu)".
 */
import type { Db, Queryable } from '../db/client';
import { addDays, diffDays } from '../core/calendar/dates';
import { expandGroup } from '../core/extraction/units';
import type { Pillar } from '../core/tasks/pillars';
import type { Recurrence } from '../core/tasks/recurrence';
import { foldVietnamese } from '../core/text/fold';
import { recordAudit } from '../server/audit';
import { insertTask } from '../server/modules/tasks/create';
import { groupMembers, loadRegistry, resolveUnit, type RegistryUnit } from '../server/modules/tasks/registry';
import { vnToday } from '../core/calendar/timestamps';

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };
const SAMPLE = '(dữ liệu mẫu)';

interface DemoAssignment {
  lead: string;
  coordinators: string[];
  task: string;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  pillar: Pillar;
}

interface DemoDocument {
  number: string | null;
  type: string;
  issuedOn: string;
  issuer: string;
  summary: string;
  signer: string;
  note?: string;
  assignments: DemoAssignment[];
}

const G: Pillar = 'digital_government';
const I: Pillar = 'digital_infrastructure';
const S: Pillar = 'digital_society';
const E: Pillar = 'digital_economy';

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    number: '149/TB-UBND',
    type: 'Thông báo',
    issuedOn: '2020-03-24',
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    summary: 'Kết luận của Phó Chủ tịch Thường trực UBND thành phố tại cuộc họp về tình hình thực hiện nhiệm vụ cải cách hành chính và xây dựng Chính quyền điện tử thành phố',
    signer: 'Phạm Hưng Hùng',
    assignments: [
      { lead: 'Sở Nội vụ', coordinators: ['Văn phòng Ủy ban nhân dân thành phố'], task: 'Kiểm tra, rà soát kết quả sắp xếp, kiện toàn các đơn vị sự nghiệp; xác định đơn vị chậm trễ', deadline: '2020-03-25', deadlineText: 'trước ngày 25/3/2020', recurrence: null, pillar: G },
      { lead: 'Sở Nội vụ', coordinators: ['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'], task: 'Rà soát tồn tại về hiện đại hóa nền hành chính, đề xuất khắc phục nội dung bị trừ điểm', deadline: '2020-03-31', deadlineText: 'trước ngày 31/3/2020', recurrence: null, pillar: G },
      { lead: 'Thủ trưởng các sở, ban, ngành thành phố, Chủ tịch Ủy ban nhân dân các quận, huyện, phường, xã, thị trấn', coordinators: [], task: 'Thực hiện nghiêm các quy định về cơ chế một cửa, một cửa liên thông theo Nghị định 61/2018/NĐ-CP', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Nội vụ', coordinators: ['Văn phòng Ủy ban nhân dân thành phố'], task: 'Tăng cường kiểm tra hoạt động của Bộ phận Một cửa', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['Văn phòng Ủy ban nhân dân thành phố'], task: 'Xây dựng lộ trình, tiến độ theo từng quý các nhiệm vụ năm 2020 theo Nghị quyết 17/NQ-CP', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Văn phòng Ủy ban nhân dân thành phố', coordinators: ['các cơ quan, đơn vị liên quan'], task: 'Đề xuất chuẩn hóa chế độ báo cáo, xây dựng Hệ thống thông tin báo cáo thành phố kết nối Hệ thống thông tin báo cáo Chính phủ', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Văn phòng Ủy ban nhân dân thành phố', coordinators: ['Sở Thông tin và Truyền thông'], task: 'Xây dựng lộ trình sử dụng chữ ký số trong gửi, nhận văn bản điện tử', deadline: '2020-03-25', deadlineText: 'trước ngày 25/3/2020', recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['Sở Nội vụ', 'Văn phòng Ủy ban nhân dân thành phố'], task: 'Kiểm tra, đánh giá kết quả tiếp nhận, giải quyết hồ sơ dịch vụ công trực tuyến của từng cơ quan, đơn vị, địa phương', deadline: '2020-03-31', deadlineText: 'trước ngày 31/3/2020', recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['các cơ quan báo chí'], task: 'Tăng cường tuyên truyền, hướng dẫn người dân, tổ chức, doanh nghiệp sử dụng dịch vụ công trực tuyến', deadline: null, deadlineText: null, recurrence: null, pillar: S },
    ],
  },
  {
    number: '74/KH-UBND',
    type: 'Kế hoạch',
    issuedOn: '2022-03-24',
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    summary: 'Kế hoạch Chuyển đổi số thành phố Hải Phòng năm 2022',
    signer: 'Hoàng Minh Cường',
    assignments: [
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['các cấp, các ngành'], task: 'Chủ trì, đôn đốc, hướng dẫn, kiểm tra thực hiện Kế hoạch; tham mưu Ban Chỉ đạo Chuyển đổi số thành phố', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Kế hoạch và Đầu tư', coordinators: ['Sở Thông tin và Truyền thông'], task: 'Đề xuất bố trí kế hoạch vốn đầu tư công cho các dự án ứng dụng CNTT đã được phê duyệt; đôn đốc tiến độ dự án đầu tư công', deadline: null, deadlineText: null, recurrence: null, pillar: I },
      { lead: 'Sở Tài chính', coordinators: ['Sở Thông tin và Truyền thông'], task: 'Tham mưu bố trí kinh phí chi thường xuyên thực hiện các nhiệm vụ của Kế hoạch', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Nội vụ', coordinators: ['Sở Thông tin và Truyền thông'], task: 'Kết hợp triển khai Kế hoạch với Kế hoạch cải cách hành chính; đào tạo, bồi dưỡng cán bộ phụ trách CNTT; quy định thi đua khen thưởng về ứng dụng CNTT', deadline: null, deadlineText: null, recurrence: null, pillar: S },
      { lead: 'Các Sở, ban, ngành, đơn vị liên quan, ủy ban nhân dân các quận, huyện', coordinators: [], task: 'Xây dựng Kế hoạch chuyển đổi số của đơn vị, địa phương', deadline: '2022-04-30', deadlineText: 'hoàn thành trong tháng 4/2022', recurrence: null, pillar: G },
      { lead: 'Các Sở, ban, ngành, đơn vị liên quan, ủy ban nhân dân các quận, huyện', coordinators: [], task: 'Lập báo cáo đề xuất chủ trương đầu tư đối với các nhiệm vụ phải lập dự án, báo cáo Ủy ban nhân dân thành phố', deadline: '2022-06-30', deadlineText: 'trong quý II/2022', recurrence: null, pillar: I },
      { lead: 'Các Sở, ngành, địa phương', coordinators: [], task: 'Báo cáo tổng hợp tình hình thực hiện kế hoạch', deadline: null, deadlineText: 'Định kỳ hàng tháng, quý, năm', recurrence: 'monthly', pillar: G },
    ],
  },
  {
    number: null,
    type: 'Thông báo',
    issuedOn: '2022-07-22',
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    summary: 'Kết luận của Chủ tịch UBND thành phố - Trưởng ban Ban chỉ đạo Chuyển đổi số thành phố tại phiên họp thứ 2 năm 2022',
    signer: 'Nguyễn Ngọc Tú',
    assignments: [
      { lead: 'các thành viên Ban chỉ đạo, các sở, ngành', coordinators: [], task: 'Đẩy nhanh tiến độ thực hiện nhiệm vụ theo Kế hoạch số 74/KH-UBND', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Tài nguyên và Môi trường', coordinators: [], task: 'Đẩy nhanh triển khai nền tảng VBDLIS, đưa dữ liệu lên bản đồ số, dịch vụ công trực tuyến mức độ 3, 4 lĩnh vực đất đai; đẩy nhanh các gói thầu đo đạc', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: [], task: 'Bảo đảm tiến độ dự án chính quyền số, đưa vào hoạt động hạ tầng trung tâm dữ liệu và kho dữ liệu dùng chung', deadline: '2022-12-31', deadlineText: 'trong năm 2022', recurrence: null, pillar: I },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['các đơn vị trực thuộc Bộ Thông tin và Truyền thông'], task: 'Tập huấn cho 30.000 công chức, viên chức trên nền tảng học trực tuyến', deadline: '2022-09-30', deadlineText: 'Hoàn thành trong tháng 9/2022', recurrence: null, pillar: S },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['các cơ quan, đơn vị liên quan'], task: 'Xây dựng hệ thống chỉ số đo lường đánh giá Hạ tầng số, Chính quyền số, Kinh tế số, Xã hội số, theo dõi liên tục tại IOC', deadline: null, deadlineText: null, recurrence: null, pillar: E },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: [], task: 'Đẩy mạnh tuyên truyền về chuyển đổi số, nhân rộng mô hình; phát huy vai trò Tổ công tác Đề án 06CP và công nghệ số cộng đồng', deadline: null, deadlineText: null, recurrence: null, pillar: S },
    ],
  },
  {
    number: '139/UBND-KSTTHC',
    type: 'Công văn',
    issuedOn: '2023-01-18',
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    summary: 'V/v chấn chỉnh công tác triển khai nhiệm vụ chuyển đổi số năm 2022 và triển khai năm 2023',
    signer: 'Nguyễn Văn Tùng',
    assignments: [
      { lead: 'các Sở, ngành, địa phương', coordinators: [], task: 'Hoàn thiện hồ sơ chi tiết các nhiệm vụ đã bố trí kinh phí (chuyển nguồn từ 2022) gửi Sở Thông tin và Truyền thông, Sở Tài chính thẩm định', deadline: '2023-02-28', deadlineText: 'trong tháng 02/2023', recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: [], task: 'Đầu mối thẩm định, trình Ủy ban nhân dân thành phố phê duyệt', deadline: '2023-03-31', deadlineText: 'trong tháng 3/2023', recurrence: null, pillar: G },
      { lead: 'các cơ quan, đơn vị', coordinators: [], task: 'Xây dựng thuyết minh và dự toán sơ bộ các nhiệm vụ mới gửi Sở Thông tin và Truyền thông, Sở Tài chính thẩm định', deadline: '2023-02-28', deadlineText: 'trong tháng 02/2023', recurrence: null, pillar: G },
      { lead: 'Sở Tài chính', coordinators: ['Sở Thông tin và Truyền thông'], task: 'Trình Ủy ban nhân dân thành phố phân bổ kinh phí', deadline: '2023-03-31', deadlineText: 'trong tháng 3/2023', recurrence: null, pillar: G },
    ],
  },
  {
    number: null,
    type: 'Thông báo',
    issuedOn: '2024-03-11',
    issuer: 'Ủy ban nhân dân tỉnh',
    summary: 'Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc tháo gỡ khó khăn, vướng mắc trong việc lập, thẩm định, phê duyệt, triển khai các dự án CNTT',
    signer: 'Hồ Quang Bửu',
    note: 'Văn bản của một tỉnh khác; trong dữ liệu mẫu, các nhiệm vụ được gán cho đơn vị cùng tên của Hải Phòng để minh hoạ.',
    assignments: [
      { lead: 'Văn phòng UBND tỉnh', coordinators: [], task: 'Tham mưu UBND tỉnh có văn bản (lần 2) gửi Bộ Thông tin và Truyền thông, Bộ Tài chính đề nghị hướng dẫn các bước chuẩn bị hoạt động ứng dụng CNTT sử dụng vốn sự nghiệp', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: [], task: 'Báo cáo tình hình xây dựng, triển khai các CSDL chuyên ngành trên địa bàn tỉnh', deadline: null, deadlineText: 'định kỳ 02 tuần/lần', recurrence: 'biweekly', pillar: I },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: [], task: 'Tăng cường nhân lực cho công tác thẩm định các dự án CNTT', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['Sở Tài chính'], task: 'Xin chủ trương UBND tỉnh bố trí kinh phí sự nghiệp cho các bước chuẩn bị hoạt động ứng dụng CNTT', deadline: '2024-03-25', deadlineText: 'hoàn thành trước ngày 25/3/2024', recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['Sở Tài chính'], task: 'Tham mưu UBND tỉnh ban hành danh mục nhiệm vụ chuyển đổi số ưu tiên triển khai năm 2024', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Thông tin và Truyền thông', coordinators: ['cơ quan, đơn vị liên quan'], task: 'Tham mưu UBND tỉnh sửa đổi Quyết định số 2322/QĐ-UBND khi có văn bản trả lời của Bộ Thông tin và Truyền thông, Bộ Tài chính', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Sở Tư pháp', coordinators: [], task: 'Hoàn thiện dự toán số hóa hồ sơ hộ tịch, trình UBND tỉnh phê duyệt', deadline: null, deadlineText: null, recurrence: null, pillar: G },
      { lead: 'Các Sở, ngành, cơ quan, đơn vị', coordinators: [], task: 'Đẩy nhanh tiến độ lập đề cương, dự toán, thẩm định, phê duyệt, triển khai các dự án CNTT, bảo đảm giải ngân', deadline: null, deadlineText: null, recurrence: null, pillar: I },
    ],
  },
];

/** Deterministic pseudo-random in [0, 1): the same demo on every machine. */
function rand(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

const PROGRESS_NOTES = [
  'Đã xây dựng dự thảo, đang lấy ý kiến các đơn vị liên quan',
  'Đã ban hành văn bản triển khai tới các phòng, ban chuyên môn',
  'Đang phối hợp với đơn vị tư vấn hoàn thiện hồ sơ',
  'Đã tổ chức hội nghị triển khai; đang tổng hợp vướng mắc',
  'Đã gửi hồ sơ thẩm định; đang chờ ý kiến của cơ quan thẩm định',
];

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

async function sampleUpdate(tx: Queryable, taskId: string, unitId: string, kind: 'progress' | 'complete', percent: number, note: string, on: string) {
  await tx.query(
    `insert into task_updates (task_id, kind, percent, note, author_name, unit_id, sample, created_at) values ($1, $2, $3, $4, $5, $6, true, $7)`,
    [taskId, kind, percent, `${note} ${SAMPLE}`, `Cán bộ đơn vị ${SAMPLE}`, unitId, at(on).toISOString()],
  );
}

/** Invented, plausible progress for one task, as of `today`. */
async function sampleProgress(tx: Queryable, t: { id: string; leadUnitId: string; assignedOn: string; deadline: string | null; recurrence: Recurrence | null }, today: string) {
  const r = rand(t.id.slice(0, 8) + t.assignedOn + t.leadUnitId);
  const note = PROGRESS_NOTES[Math.floor(r * PROGRESS_NOTES.length)]!;
  const mid = (a: string, b: string) => addDays(a, Math.max(1, Math.floor(diffDays(a, b) / 2)));
  let completedOn: string | null = null;
  let percent = 0;
  let lastProgress: string | null = null;
  if (t.deadline && t.deadline < today) {
    if (r < 0.6) completedOn = maxDate(t.assignedOn, addDays(t.deadline, -Math.floor(r * 20)));
    else if (r < 0.85) completedOn = minDate(today, addDays(t.deadline, 5 + Math.floor(r * 80)));
    else {
      percent = 30 + Math.floor(r * 50);
      lastProgress = maxDate(t.assignedOn, addDays(t.deadline, -5));
    }
  } else if (t.deadline) {
    percent = 20 + Math.floor(r * 40);
    lastProgress = minDate(today, addDays(t.assignedOn, 10));
  } else if (r < 0.45 && !t.recurrence) {
    completedOn = minDate(today, addDays(t.assignedOn, 60 + Math.floor(r * 300)));
  } else if (r < 0.8) {
    percent = 40 + Math.floor(r * 40);
    lastProgress = maxDate(t.assignedOn, addDays(today, -20 - Math.floor(r * 30)));
  }
  // r ≥ 0.8 without a deadline: no report since it was assigned, so the task shows as stale.
  if (completedOn) {
    await sampleUpdate(tx, t.id, t.leadUnitId, 'progress', 50, note, mid(t.assignedOn, completedOn));
    await sampleUpdate(tx, t.id, t.leadUnitId, 'complete', 100, 'Đã hoàn thành nhiệm vụ, gửi báo cáo kết quả', completedOn);
    await tx.query('update tasks set completed_on = $2, progress_percent = 100, last_progress_at = $3 where id = $1', [t.id, completedOn, at(completedOn).toISOString()]);
  } else if (lastProgress) {
    await sampleUpdate(tx, t.id, t.leadUnitId, 'progress', percent, note, lastProgress);
    await tx.query('update tasks set progress_percent = $2, last_progress_at = $3 where id = $1', [t.id, percent, at(lastProgress).toISOString()]);
  }
  if (t.recurrence) {
    // Most periodic reports were sent; the last two are still due.
    await tx.query(
      `update task_occurrences set reported_on = due_on where task_id = $1 and due_on < $2
          and due_on not in (select due_on from task_occurrences where task_id = $1 and due_on < $2 order by due_on desc limit 2)`,
      [t.id, today],
    );
  }
}

/** Loads the demo directives and tasks once; later starts leave them (and users' edits) alone. */
export async function seedDemoTasks(db: Db, now: Date = new Date()): Promise<number> {
  const today = vnToday(now);
  return db.transaction(async (tx) => {
    if ((await tx.query("select 1 from app_settings where key = 'seed.demo_tasks'")).length) return 0;
    if (!(await tx.query('select 1 from units limit 1')).length) return 0;
    let count = 0;
    for (const d of DEMO_DOCUMENTS) {
      const body = [
        `${d.issuer.toUpperCase()}`,
        d.number ? `Số: ${d.number}` : '',
        `${d.type}: ${d.summary}`,
        '',
        `Văn bản mẫu ${SAMPLE}: chỉ lưu thông tin văn bản và các nhiệm vụ được giao; toàn văn không kèm theo.`,
        d.note ?? '',
      ].filter((l, i) => l !== '' || i === 3).join('\n');
      const doc = await tx.query<{ id: string }>(
        `insert into documents (doc_number, doc_type, issued_on, issuer, summary, signer, body, sample, confirmed_at, search_folded)
         values ($1, $2, $3, $4, $5, $6, $7, true, now(), $8) returning id`,
        [d.number, d.type, d.issuedOn, d.issuer, d.summary, d.signer, body, foldVietnamese([d.number, d.type, d.issuer, d.summary, d.signer].filter(Boolean).join(' '))],
      );
      const documentId = doc[0]!.id;
      await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'document', entityId: documentId, after: { number: d.number, type: d.type, issuedOn: d.issuedOn } });
      const registry = await loadRegistry(tx, d.issuedOn);
      for (const a of d.assignments) {
        const group = expandGroup(a.lead);
        const leads = group ? groupMembers(group, registry) : [resolveUnit(a.lead, registry)].filter((u): u is RegistryUnit => u !== null);
        if (leads.length === 0) throw new Error(`Dữ liệu mẫu: không tìm thấy đơn vị "${a.lead}" tại ngày ${d.issuedOn}`);
        const coordinatorIds: string[] = [];
        const unresolved: string[] = [];
        for (const c of a.coordinators) {
          const g = expandGroup(c);
          const members = g ? groupMembers(g, registry) : [resolveUnit(c, registry)].filter((u): u is RegistryUnit => u !== null);
          if (members.length && members.length <= 5) coordinatorIds.push(...members.map((u) => u.id));
          else unresolved.push(c);
        }
        for (const lead of leads) {
          const task = await insertTask(
            tx,
            SYSTEM,
            {
              documentId,
              title: a.task,
              description: [unresolved.length ? `Phối hợp: ${unresolved.join('; ')}.` : '', d.note ?? ''].filter(Boolean).join(' ') || null,
              leadUnitId: lead.id,
              leadGroupText: group ? a.lead : null,
              coordinatorUnitIds: coordinatorIds.filter((c) => c !== lead.id),
              assignedOn: d.issuedOn,
              deadline: a.deadline,
              deadlineText: a.deadlineText,
              recurrence: a.recurrence,
              pillar: a.pillar,
              sample: true,
            },
            at(d.issuedOn, 8),
            today,
          );
          await sampleProgress(tx, { id: task.id, leadUnitId: lead.id, assignedOn: d.issuedOn, deadline: a.deadline, recurrence: a.recurrence }, today);
          count++;
        }
      }
    }
    // One extension, approved in time, so the screens show a kept original deadline.
    const ext = (await tx.query<{ id: string; deadline: string; lead_unit_id: string }>(
      `select t.id, t.deadline, t.lead_unit_id from tasks t join units u on u.id = t.lead_unit_id
        where t.sample and t.deadline = '2020-03-31' and u.code = 'HP.SNV' limit 1`,
    ))[0];
    if (ext) {
      await tx.query(
        `insert into task_extensions (task_id, previous_deadline, requested_deadline, reason, status, requested_by_name, requested_at, decided_by_name, decided_at, decision_note)
         values ($1, '2020-03-31', '2020-04-15', $2, 'approved', $3, $4, $5, $6, $7)`,
        [ext.id, `Cần thêm thời gian tổng hợp số liệu của các quận, huyện ${SAMPLE}`, `Cán bộ Sở Nội vụ ${SAMPLE}`, at('2020-03-27').toISOString(), `Đầu mối Sở TT&TT ${SAMPLE}`, at('2020-03-28').toISOString(), `Đồng ý gia hạn ${SAMPLE}`],
      );
      await tx.query(`update tasks set deadline = '2020-04-15', completed_on = case when completed_on is not null then '2020-04-10'::date end where id = $1`, [ext.id]);
    }
    await tx.query(
      "insert into app_settings (key, value) values ('seed.demo_tasks', $1) on conflict (key) do nothing",
      [JSON.stringify({ at: now.toISOString(), documents: DEMO_DOCUMENTS.length, tasks: count })],
    );
    return count;
  });
}
