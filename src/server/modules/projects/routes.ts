import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../core/auth/policy';
import { sumDong } from '../../../core/projects/money';
import { foldVietnamese } from '../../../core/text/fold';
import { attachmentHeader, XLSX_MIME } from '../../excel/write';
import { auditContext, authorize, requireActor, type Deps } from '../../context';
import { ZId, ZIsoDate, ZName } from '../../../contracts/common';
import { canRead } from './access';
import { bottleneckView, riskList } from './analysis';
import { projectDetail } from './detail';
import { exportPortfolio, exportRisk } from './excel';
import { dong, FUNDING_SOURCES, FUNDING_SOURCE_LABEL_VI, money } from './model';
import { loadPortfolio, presentItem, type PortfolioItem } from './portfolio';
import { projectRowById } from './queries';
import { closeProject, createProject, updateProject } from './service';
import { transitionProject } from './transition';
import { PROJECT_KINDS } from '../pipelines/routes';
import { vnToday } from '../../../core/calendar/timestamps';

const ZMoney = z.number().int('Số tiền phải là số nguyên đồng').min(0, 'Số tiền không được âm').max(Number.MAX_SAFE_INTEGER, 'Số tiền quá lớn');
const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZLongText = z.string().trim().max(4000, 'Quá dài (tối đa 4000 ký tự)');
const ZDocNumber = z.string().trim().max(100, 'Số văn bản quá dài');

const ZListQuery = z.strictObject({
  year: ZYear.optional(),
  source: z.enum(FUNDING_SOURCES).optional(),
  unitId: ZId.optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  status: z.enum(['active', 'finished', 'closed']).optional(),
  holderRole: z.enum(['owner', 'technical_appraiser', 'finance_appraiser', 'approver']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
});
type TListQuery = z.infer<typeof ZListQuery>;

const ZProjectCreate = z.strictObject({
  unitId: ZId,
  name: ZName,
  description: ZLongText.nullish(),
  kind: z.enum(PROJECT_KINDS),
  fiscalYear: z.number().int().min(2000).max(2100),
  fundingSource: z.enum(FUNDING_SOURCES),
  estimate: ZMoney.positive('Kinh phí dự kiến phải lớn hơn 0'),
  startedOn: ZIsoDate.optional(),
  taskIds: z.array(ZId).max(50).optional(),
});

const ZProjectPatch = z.strictObject({
  version: z.number().int().min(1),
  name: ZName.optional(),
  description: ZLongText.nullish(),
  fiscalYear: z.number().int().min(2000).max(2100).optional(),
  fundingSource: z.enum(FUNDING_SOURCES).optional(),
  estimate: ZMoney.positive('Kinh phí dự kiến phải lớn hơn 0').optional(),
  taskIds: z.array(ZId).max(50).optional(),
});

const ZTransition = z.strictObject({
  version: z.number().int().min(1),
  type: z.enum(['submit', 'appraise', 'return_for_revision', 'approve', 'allocate', 'contract', 'accept', 'disburse']),
  date: ZIsoDate,
  documentNumber: ZDocNumber.nullish(),
  comment: ZLongText.nullish(),
  amount: ZMoney.nullish(),
  final: z.boolean().optional(),
});

const ZClosing = z.strictObject({
  version: z.number().int().min(1),
  closedOn: ZIsoDate.nullable(),
  carriedOver: ZMoney,
  cancelled: ZMoney,
  note: ZLongText.nullish(),
});

const ZParams = z.strictObject({ id: ZId });

function applyListFilter(items: PortfolioItem[], q: TListQuery): PortfolioItem[] {
  return items.filter(
    (p) =>
      (!q.status || p.status === q.status) &&
      (!q.holderRole || p.holder?.role === q.holderRole) &&
      (q.overdue !== 'true' || p.overdueBy > 0),
  );
}

function filterNote(q: TListQuery): string {
  const parts: string[] = [];
  if (q.year) parts.push(`năm ${q.year}`);
  if (q.source) parts.push(FUNDING_SOURCE_LABEL_VI[q.source]);
  return parts.join(', ');
}

function sendXlsx(reply: FastifyReply, name: string, buffer: Buffer) {
  reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(name));
  return reply.send(buffer);
}

export async function projectRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => vnToday(deps.now());

  /** Rows this person may read (policy `project.read` on each), after the list filters. */
  async function portfolio(req: Parameters<typeof requireActor>[0], q: TListQuery) {
    const actor = requireActor(req);
    const day = today();
    const { rules, items } = await loadPortfolio(deps.db, actor, day, {
      fiscalYear: q.year,
      fundingSource: q.source,
      unitId: q.unitId,
      kind: q.kind,
      q: q.q ? foldVietnamese(q.q) : undefined,
    });
    return { day, rows: applyListFilter(items.map((p) => presentItem(rules, p)), q) };
  }

  r.get('/api/projects', { schema: { tags: ['projects'], summary: 'Danh mục dự án, nhiệm vụ CNTT', querystring: ZListQuery } }, async (req) => {
    const { day, rows } = await portfolio(req, req.query);
    const sum = (f: (p: PortfolioItem) => number | null) => money(sumDong(rows.map((p) => dong(f(p)))));
    return {
      today: day,
      items: rows,
      totals: {
        count: rows.length,
        estimate: sum((p) => p.estimate),
        allocated: sum((p) => p.allocated),
        disbursed: sum((p) => p.disbursed),
        carriedOver: sum((p) => p.carriedOver),
        cancelled: sum((p) => p.cancelled),
      },
    };
  });

  r.get('/api/projects/export.xlsx', { schema: { tags: ['projects'], summary: 'Xuất danh mục dự án (.xlsx)', querystring: ZListQuery } }, async (req, reply) => {
    const { day, rows } = await portfolio(req, req.query);
    return sendXlsx(reply, `Danh mục dự án ${day}.xlsx`, await exportPortfolio(rows, day, filterNote(req.query)));
  });

  const ZRiskQuery = z.strictObject({ year: ZYear.optional(), atRiskOnly: z.enum(['true', 'false']).optional() });

  async function risk(req: Parameters<typeof requireActor>[0], q: z.infer<typeof ZRiskQuery>) {
    const actor = requireActor(req);
    const day = today();
    // Paces are observed over the whole city; the list shows what this person may read.
    const { rules, items } = await loadPortfolio(deps.db, null, day);
    const scope = items.filter((p) => canRead(actor, p) && (!q.year || p.row.fiscal_year === q.year));
    const list = riskList(rules, items, scope, day).filter((x) => q.atRiskOnly !== 'true' || x.atRisk);
    return { day, list };
  }

  r.get('/api/projects/at-risk', {
    schema: { tags: ['projects'], summary: 'Cảnh báo sớm: kinh phí có nguy cơ không giải ngân kịp', querystring: ZRiskQuery },
  }, async (req) => {
    const { day, list } = await risk(req, req.query);
    const atRisk = list.filter((x) => x.atRisk);
    return {
      today: day,
      items: list,
      totals: {
        count: list.length,
        amount: money(sumDong(list.map((x) => dong(x.amount)))),
        atRiskCount: atRisk.length,
        atRiskAmount: money(sumDong(atRisk.map((x) => dong(x.amount)))),
      },
    };
  });

  r.get('/api/projects/at-risk.xlsx', { schema: { tags: ['projects'], summary: 'Xuất danh sách cảnh báo sớm (.xlsx)', querystring: ZRiskQuery } }, async (req, reply) => {
    const { day, list } = await risk(req, req.query);
    return sendXlsx(reply, `Cảnh báo sớm ${day}.xlsx`, await exportRisk(list, day));
  });

  r.get('/api/projects/bottlenecks', {
    schema: { tags: ['projects'], summary: 'Điểm nghẽn: số ngày làm việc theo bước, cơ quan thẩm định, đơn vị chủ trì', querystring: z.strictObject({ from: ZIsoDate.optional(), to: ZIsoDate.optional() }) },
  }, async (req) => {
    const actor = requireActor(req);
    const day = today();
    const { rules, items } = await loadPortfolio(deps.db, actor, day);
    return { today: day, ...bottleneckView(rules, items, day, req.query.from, req.query.to) };
  });

  r.get('/api/projects/task-options', {
    schema: { tags: ['projects'], summary: 'Nhiệm vụ có thể liên kết với dự án', querystring: z.strictObject({ q: z.string().trim().max(200).optional() }) },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await deps.db.query<{ id: string; title: string; lead_unit_id: string; lead_unit_name: string; assigned_on: string; coordinators: string[] }>(
      `select t.id, t.title, t.lead_unit_id, u.name as lead_unit_name, t.assigned_on,
              coalesce((select array_agg(c.unit_id::text) from task_coordinators c where c.task_id = t.id), '{}') as coordinators
         from tasks t join units u on u.id = t.lead_unit_id
        where $1::text is null or t.search_folded like '%' || $1 || '%'
        order by t.assigned_on desc, t.title limit 200`,
      [req.query.q ? foldVietnamese(req.query.q) : null],
    );
    return rows
      .filter((t) => can(actor, 'task.read', { unitId: t.lead_unit_id, participantUnitIds: t.coordinators }))
      .slice(0, 50)
      .map((t) => ({ id: t.id, title: t.title, leadUnitName: t.lead_unit_name, assignedOn: t.assigned_on }));
  });

  r.post('/api/projects', { schema: { tags: ['projects'], summary: 'Đăng ký dự án, nhiệm vụ CNTT', body: ZProjectCreate } }, async (req, reply) => {
    const actor = authorize(req, 'project.manage', { unitId: req.body.unitId });
    const day = today();
    reply.status(201);
    return createProject(deps, auditContext(req), { ...req.body, startedOn: req.body.startedOn ?? day, createdBy: actor.id }, day);
  });

  r.get('/api/projects/:id', { schema: { tags: ['projects'], summary: 'Hồ sơ dự án: các bước, thời gian, lịch sử', params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    return projectDetail(deps.db, actor, req.params.id, today());
  });

  r.patch('/api/projects/:id', { schema: { tags: ['projects'], summary: 'Sửa thông tin dự án', params: ZParams, body: ZProjectPatch } }, async (req) => {
    // Who may manage projects at all; then the project's own unit decides.
    authorize(req, 'project.manage', { unitId: requireActor(req).unitId });
    const row = await projectRowById(deps.db, req.params.id);
    if (row) authorize(req, 'project.manage', { unitId: row.unit_id });
    const day = today();
    return updateProject(deps, auditContext(req), req.params.id, req.body, day);
  });

  r.post('/api/projects/:id/transitions', {
    schema: { tags: ['projects'], summary: 'Chuyển bước hồ sơ (nộp, thẩm định, trả lại, phê duyệt, phân bổ, ký hợp đồng, nghiệm thu, giải ngân)', params: ZParams, body: ZTransition },
  }, async (req) => {
    const actor = requireActor(req);
    const day = today();
    await transitionProject(deps, auditContext(req), actor, req.params.id, req.body, day);
    return projectDetail(deps.db, actor, req.params.id, day);
  });

  r.put('/api/projects/:id/closing', {
    schema: { tags: ['projects'], summary: 'Khoá sổ năm ngân sách: chuyển nguồn, huỷ nguồn', params: ZParams, body: ZClosing },
  }, async (req) => {
    authorize(req, 'budget.manage');
    return closeProject(deps, auditContext(req), req.params.id, req.body, today());
  });
}
