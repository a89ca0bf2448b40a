import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZBottleneckQuery,
  ZBottlenecks,
  ZClosing,
  ZProjectCreate,
  ZProjectDetail,
  ZProjectItem,
  ZProjectList,
  ZProjectListQuery,
  ZProjectParams,
  ZProjectPatch,
  ZRiskList,
  ZRiskQuery,
  ZTaskOptionList,
  ZTaskOptionsQuery,
  ZTransition,
  type TProjectFilter,
  type TProjectItem,
  type TProjectList,
  type TRiskList,
} from '../../../contracts/projects';
import { can } from '../../../core/auth/policy';
import { sumDong } from '../../../core/projects/money';
import { foldVietnamese } from '../../../core/text/fold';
import { attachmentHeader, XLSX_MIME } from '../../excel/write';
import { auditContext, authorize, requireActor, today as todayOf, type Deps } from '../../context';
import { XLSX_RESPONSE } from '../../responses';
import { canRead } from './access';
import { bottleneckView, riskList } from './analysis';
import { projectDetail } from './detail';
import { exportPortfolio, exportRisk } from './excel';
import { dong, FUNDING_SOURCE_LABEL_VI, money } from './model';
import { loadPortfolio, presentItem } from './portfolio';
import { projectRowById, taskOptionRows } from './queries';
import { closeProject, createProject, updateProject } from './service';
import { transitionProject } from './transition';

type TListQuery = TProjectFilter;

function applyListFilter(items: TProjectItem[], q: TListQuery): TProjectItem[] {
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
  const today = () => todayOf(deps);

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

  r.get('/api/projects', { schema: { tags: ['projects'], summary: 'Danh mục dự án, nhiệm vụ CNTT', querystring: ZProjectListQuery, response: { 200: ZProjectList } } }, async (req): Promise<TProjectList> => {
    const { day, rows } = await portfolio(req, req.query);
    const sum = (f: (p: TProjectItem) => number | null) => money(sumDong(rows.map((p) => dong(f(p)))));
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

  r.get('/api/projects/export.xlsx', { schema: { tags: ['projects'], summary: 'Xuất danh mục dự án (.xlsx)', querystring: ZProjectListQuery, response: { 200: XLSX_RESPONSE } } }, async (req, reply) => {
    const { day, rows } = await portfolio(req, req.query);
    return sendXlsx(reply, `Danh mục dự án ${day}.xlsx`, await exportPortfolio(rows, day, filterNote(req.query)));
  });

  async function risk(req: Parameters<typeof requireActor>[0], q: { year?: number; atRiskOnly?: 'true' | 'false' }) {
    const actor = requireActor(req);
    const day = today();
    // Paces are observed over the whole city; the list shows what this person may read.
    const { rules, items } = await loadPortfolio(deps.db, null, day);
    const scope = items.filter((p) => canRead(actor, p) && (!q.year || p.row.fiscal_year === q.year));
    const list = riskList(rules, items, scope, day).filter((x) => q.atRiskOnly !== 'true' || x.atRisk);
    return { day, list };
  }

  r.get('/api/projects/at-risk', {
    schema: { tags: ['projects'], summary: 'Cảnh báo sớm: kinh phí có nguy cơ không giải ngân kịp', querystring: ZRiskQuery, response: { 200: ZRiskList } },
  }, async (req): Promise<TRiskList> => {
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

  r.get('/api/projects/at-risk.xlsx', { schema: { tags: ['projects'], summary: 'Xuất danh sách cảnh báo sớm (.xlsx)', querystring: ZRiskQuery, response: { 200: XLSX_RESPONSE } } }, async (req, reply) => {
    const { day, list } = await risk(req, req.query);
    return sendXlsx(reply, `Cảnh báo sớm ${day}.xlsx`, await exportRisk(list, day));
  });

  r.get('/api/projects/bottlenecks', {
    schema: { tags: ['projects'], summary: 'Điểm nghẽn: số ngày làm việc theo bước, cơ quan thẩm định, đơn vị chủ trì', querystring: ZBottleneckQuery, response: { 200: ZBottlenecks } },
  }, async (req) => {
    const actor = requireActor(req);
    const day = today();
    const { rules, items } = await loadPortfolio(deps.db, actor, day);
    return { today: day, ...bottleneckView(rules, items, day, req.query.from, req.query.to) };
  });

  r.get('/api/projects/task-options', {
    schema: { tags: ['projects'], summary: 'Nhiệm vụ có thể liên kết với dự án', querystring: ZTaskOptionsQuery, response: { 200: ZTaskOptionList } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await taskOptionRows(deps.db, req.query.q ? foldVietnamese(req.query.q) : null);
    return rows
      .filter((t) => can(actor, 'task.read', { unitId: t.lead_unit_id, participantUnitIds: t.coordinators }))
      .slice(0, 50)
      .map((t) => ({ id: t.id, title: t.title, leadUnitName: t.lead_unit_name, assignedOn: t.assigned_on }));
  });

  r.post('/api/projects', { schema: { tags: ['projects'], summary: 'Đăng ký dự án, nhiệm vụ CNTT', body: ZProjectCreate, response: { 201: ZProjectItem } } }, async (req, reply) => {
    const actor = authorize(req, 'project.manage', { unitId: req.body.unitId });
    const day = today();
    reply.status(201);
    return createProject(deps, auditContext(req), { ...req.body, startedOn: req.body.startedOn ?? day, createdBy: actor.id }, day);
  });

  r.get('/api/projects/:id', { schema: { tags: ['projects'], summary: 'Hồ sơ dự án: các bước, thời gian, lịch sử', params: ZProjectParams, response: { 200: ZProjectDetail } } }, async (req) => {
    const actor = requireActor(req);
    return projectDetail(deps.db, actor, req.params.id, today());
  });

  r.patch('/api/projects/:id', { schema: { tags: ['projects'], summary: 'Sửa thông tin dự án', params: ZProjectParams, body: ZProjectPatch, response: { 200: ZProjectItem } } }, async (req) => {
    // Who may manage projects at all; then the project's own unit decides.
    authorize(req, 'project.manage', { unitId: requireActor(req).unitId });
    const row = await projectRowById(deps.db, req.params.id);
    if (row) authorize(req, 'project.manage', { unitId: row.unit_id });
    const day = today();
    return updateProject(deps, auditContext(req), req.params.id, req.body, day);
  });

  r.post('/api/projects/:id/transitions', {
    schema: { tags: ['projects'], summary: 'Chuyển bước hồ sơ (nộp, thẩm định, trả lại, phê duyệt, phân bổ, ký hợp đồng, nghiệm thu, giải ngân)', params: ZProjectParams, body: ZTransition, response: { 200: ZProjectDetail } },
  }, async (req) => {
    const actor = requireActor(req);
    const day = today();
    await transitionProject(deps, auditContext(req), actor, req.params.id, req.body, day);
    return projectDetail(deps.db, actor, req.params.id, day);
  });

  r.put('/api/projects/:id/closing', {
    schema: { tags: ['projects'], summary: 'Khoá sổ năm ngân sách: chuyển nguồn, huỷ nguồn', params: ZProjectParams, body: ZClosing, response: { 200: ZProjectItem } },
  }, async (req) => {
    authorize(req, 'budget.manage');
    return closeProject(deps, auditContext(req), req.params.id, req.body, today());
  });
}
