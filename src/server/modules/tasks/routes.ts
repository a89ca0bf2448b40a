import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../../core/auth/policy';
import { addDays, formatVnDate } from '../../../core/calendar/dates';
import { auditContext, authorize, today as todayOf, type Deps, type SessionActor } from '../../context';
import { AppError, notFound } from '../../errors';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { ATTACHMENT_RESPONSE, XLSX_RESPONSE } from '../../responses';
import { ZErrorBody } from '../../../contracts/common';
import { readUpload } from '../../uploads';
import { changeBus } from '../../events';
import { AnswerCache, answerKey, sendAnswer } from '../../read-cache';
import { authorizeTask, gate, readScope } from './access';
import { bulkTasks } from './bulk';
import { taskExtensions, taskHistory, taskOccurrences, taskUpdates } from './detail';
import { exportTasks, importTasks, importTemplate } from './excel';
import { presentTask } from './model';
import { taskChangeVersion, taskFile, taskRowById } from './queries';
import { findTasks, listTasks, summarize, type ListOptions } from './read';
import {
  ZComplete,
  ZExtensionDecision,
  ZExtensionParams,
  ZExtensionRequest,
  ZInbox,
  ZInboxQuery,
  ZProgress,
  ZProgressFields,
  ZProgressRecorded,
  ZReopen,
  ZSummaryQuery,
  ZTask,
  ZTaskBulk,
  ZTaskBulkResult,
  ZTaskCreate,
  ZTaskDetail,
  ZTaskExportQuery,
  ZTaskFileParams,
  ZTaskHistory,
  ZTaskImported,
  ZTaskList,
  ZTaskListQuery,
  ZTaskParams,
  ZTaskSettings,
  ZTaskSettingsInput,
  ZTaskSummary,
  ZTaskUpdate,
  type TInbox,
  type TTask,
  type TTaskDetail,
  type TTaskFilter,
} from '../../../contracts/tasks';
import { addProgress, completeTask, createTask, decideExtension, MANAGED_FIELDS, reopenTask, requestExtension, updateTask } from './service';
import { getTaskSettings, setTaskSettings } from './settings';

const ATTACHMENT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.xlsx', '.xls', '.odt', '.ods', '.txt', '.png', '.jpg', '.jpeg', '.zip'] as const;
const TASK_IMPORT_EXTENSIONS = ['.xlsx', '.csv'] as const;

function listOptions(q: TTaskFilter, actor: SessionActor): ListOptions {
  return {
    visibleTo: readScope(actor),
    q: q.q,
    statuses: q.status,
    state: q.state,
    bucket: q.bucket,
    stale: q.stale === undefined ? undefined : q.stale === 'true',
    pendingExtension: q.pendingExtension === undefined ? undefined : q.pendingExtension === 'true',
    leadUnitIds: q.leadUnitId ? [q.leadUnitId] : undefined,
    coordinatorUnitId: q.coordinatorUnitId,
    documentId: q.documentId,
    pillar: q.pillar,
    deadlineFrom: q.deadlineFrom,
    deadlineTo: q.deadlineTo,
    assignedFrom: q.assignedFrom,
    assignedTo: q.assignedTo,
  };
}

/** Loads a task the actor may act on: 404 when it does not exist, 403 when it is not theirs. */
async function loadTask(deps: Deps, req: FastifyRequest, id: string, today: string): Promise<TTask> {
  const row = await taskRowById(deps.db, id);
  if (!row) throw notFound('nhiệm vụ');
  const task = presentTask(row, today);
  authorizeTask(req, 'task.read', task);
  return task;
}

/** What the screens may offer on this task; the routes check again on every request. */
function rightsOn(actor: SessionActor, task: TTask): TTaskDetail['can'] {
  const r = { unitId: task.leadUnit.id, participantUnitIds: task.coordinators.map((c) => c.id) };
  return {
    update: can(actor, 'task.update', r),
    progress: can(actor, 'task.progress', r),
    manage: can(actor, 'task.manage', r),
  };
}

export async function taskRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => todayOf(deps);

  // A list answer is reused while no task changed (taskChangeVersion, any process; cleared at
  // once by this process's own writes), for the same filter, the same visible units and the
  // same day: 300 requests a second then cost a version read each (issue 11).
  const lists = new AnswerCache({ maxEntries: 500, maxAgeMs: 2_000 });
  changeBus(deps.db).onData(() => lists.clear());
  r.get('/api/tasks', { schema: { tags: ['tasks'], summary: 'Danh sách nhiệm vụ (lọc, tìm kiếm không dấu)', querystring: ZTaskListQuery, response: { 200: ZTaskList } } }, async (req, reply) => {
    const actor = gate(req, 'task.read');
    const o: ListOptions = { ...listOptions(req.query, actor), limit: req.query.limit, offset: req.query.offset };
    const day = today();
    const key = answerKey(o, day);
    const version = await taskChangeVersion(deps.db);
    const hit = lists.get(key, version);
    if (hit) return sendAnswer(req, reply, hit);
    // Encoded by the route's own schema, as the serializer would (the text then skips it).
    const json = JSON.stringify(ZTaskList.encode(await listTasks(deps.db, o, day)));
    return sendAnswer(req, reply, lists.set(key, version, json));
  });

  r.get('/api/tasks/inbox', {
    schema: { tags: ['tasks'], summary: 'Việc của đơn vị tôi: nhiệm vụ đơn vị chủ trì hoặc phối hợp', querystring: ZInboxQuery, response: { 200: ZInbox } },
  }, async (req): Promise<TInbox> => {
    const actor = gate(req, 'task.read');
    const t = today();
    const mine = await findTasks(deps.db, { involvingUnitIds: [actor.unitId], state: req.query.state === 'all' ? undefined : req.query.state }, t);
    const lead = mine.filter((x) => x.leadUnit.id === actor.unitId);
    const coordinating = mine.filter((x) => x.leadUnit.id !== actor.unitId);
    const counts = {
      lead: lead.length,
      coordinating: coordinating.length,
      overdue: mine.filter((x) => x.status === 'in_progress_overdue').length,
      dueSoon: mine.filter((x) => !x.done && x.deadline !== null && x.deadline >= t && x.deadline <= addDays(t, 7)).length,
      stale: mine.filter((x) => x.stale).length,
    };
    return { unit: { id: actor.unitId, name: actor.unitName }, counts, lead, coordinating };
  });

  r.get('/api/tasks/summary', { schema: { tags: ['tasks'], summary: 'Thống kê nhiệm vụ theo đơn vị và tình trạng', querystring: ZSummaryQuery, response: { 200: ZTaskSummary } } }, async (req) => {
    const actor = gate(req, 'task.read');
    const q = req.query;
    if (q.from > q.to) throw new AppError('VALIDATION', 'Ngày bắt đầu phải trước ngày kết thúc', 'from');
    return summarize(deps.db, {
      visibleTo: readScope(actor),
      leadUnitIds: q.leadUnitId ? [q.leadUnitId] : undefined,
      pillar: q.pillar,
      documentId: q.documentId,
      from: q.from,
      to: q.to,
      asOf: q.asOf ?? today(),
    });
  });

  r.get('/api/tasks/export', { schema: { tags: ['tasks'], summary: 'Xuất danh sách nhiệm vụ đã lọc ra tệp Excel', querystring: ZTaskExportQuery, response: { 200: XLSX_RESPONSE } } }, async (req, reply) => {
    const actor = gate(req, 'task.read');
    const t = today();
    const tasks = await findTasks(deps.db, listOptions(req.query, actor), t);
    const note = req.query.q ? `từ khoá "${req.query.q}"` : '';
    const buf = await exportTasks(tasks, t, note);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentHeader(`Danh sách nhiệm vụ ${formatVnDate(t).replace(/\//g, '-')}.xlsx`))
      .send(buf);
  });

  r.get('/api/tasks/import-template', { schema: { tags: ['tasks'], summary: 'Tệp mẫu để nhập nhiệm vụ', response: { 200: XLSX_RESPONSE } } }, async (req, reply) => {
    gate(req, 'task.manage');
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('Mẫu nhập nhiệm vụ.xlsx')).send(await importTemplate());
  });

  r.post('/api/tasks/import', { schema: { tags: ['tasks'], summary: 'Nhập nhiệm vụ từ Excel: lỗi ở bất kỳ dòng nào thì không ghi gì', consumes: ['multipart/form-data'], response: { 201: ZTaskImported, 400: ZErrorBody } } }, async (req, reply) => {
    const actor = authorize(req, 'task.manage');
    const file = await readUpload(req, { extensions: TASK_IMPORT_EXTENSIONS });
    let outcome;
    try {
      outcome = await importTasks(deps, auditContext(req), actor.id, file);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION') {
        return reply.status(400).send({ error: { code: 'VALIDATION', message: err.message, rows: [] } });
      }
      throw err;
    }
    if (!outcome.ok) return reply.status(400).send({ error: { code: 'VALIDATION', message: outcome.message, rows: outcome.errors } });
    reply.status(201);
    return { created: outcome.created, message: outcome.message };
  });

  r.get('/api/tasks/settings', { schema: { tags: ['tasks'], summary: 'Cài đặt nhắc việc', response: { 200: ZTaskSettings } } }, async (req) => {
    gate(req, 'task.read');
    return getTaskSettings(deps.db);
  });

  r.put('/api/tasks/settings', { schema: { tags: ['tasks'], summary: 'Sửa số ngày quá hạn thì báo lãnh đạo đơn vị', body: ZTaskSettingsInput, response: { 200: ZTaskSettings } } }, async (req) => {
    authorize(req, 'task.manage');
    return deps.db.transaction((tx) => setTaskSettings(tx, auditContext(req), req.body));
  });

  r.post('/api/tasks', { schema: { tags: ['tasks'], summary: 'Giao một nhiệm vụ', body: ZTaskCreate, response: { 201: ZTask } } }, async (req, reply) => {
    const actor = authorize(req, 'task.manage');
    const b = req.body;
    const task = await createTask(deps, auditContext(req), {
      ...b,
      assignedOn: b.assignedOn ?? today(),
      createdBy: actor.id,
    });
    reply.status(201);
    return task;
  });

  r.post('/api/tasks/bulk', {
    schema: { tags: ['tasks'], summary: 'Giao lại đơn vị chủ trì, gia hạn hoặc đóng nhiều nhiệm vụ một lần (nhiệm vụ đã bị sửa thì báo lại, không ghi đè)', body: ZTaskBulk, response: { 200: ZTaskBulkResult } },
  }, async (req) => {
    authorize(req, 'task.manage');
    return bulkTasks(deps, auditContext(req), req.body);
  });

  r.get('/api/tasks/:id', { schema: { tags: ['tasks'], summary: 'Chi tiết nhiệm vụ', params: ZTaskParams, response: { 200: ZTaskDetail } } }, async (req): Promise<TTaskDetail> => {
    const actor = gate(req, 'task.read');
    const task = await loadTask(deps, req, req.params.id, today());
    const [updates, extensions, occurrences] = await Promise.all([taskUpdates(deps.db, task.id), taskExtensions(deps.db, task.id), taskOccurrences(deps.db, task.id)]);
    return { task, updates, extensions, occurrences, can: rightsOn(actor, task) };
  });

  r.get('/api/tasks/:id/history', { schema: { tags: ['tasks'], summary: 'Toàn bộ lịch sử của nhiệm vụ', params: ZTaskParams, response: { 200: ZTaskHistory } } }, async (req) => {
    gate(req, 'task.read');
    const task = await loadTask(deps, req, req.params.id, today());
    return { items: await taskHistory(deps.db, task) };
  });

  r.get('/api/tasks/:id/files/:fileId', { schema: { tags: ['tasks'], summary: 'Tải tệp đính kèm báo cáo tiến độ', params: ZTaskFileParams, response: { 200: ATTACHMENT_RESPONSE } } }, async (req, reply) => {
    gate(req, 'task.read');
    await loadTask(deps, req, req.params.id, today());
    const f = await taskFile(deps.db, req.params.id, req.params.fileId);
    if (!f) throw notFound('tệp đính kèm');
    return reply.header('content-type', f.mime_type || 'application/octet-stream').header('content-disposition', attachmentHeader(f.filename)).send(Buffer.from(f.content));
  });

  r.patch('/api/tasks/:id', { schema: { tags: ['tasks'], summary: 'Sửa nhiệm vụ', params: ZTaskParams, body: ZTaskUpdate, response: { 200: ZTask } } }, async (req) => {
    gate(req, 'task.update');
    const managed = MANAGED_FIELDS.some((f) => req.body[f] !== undefined);
    return updateTask(deps, auditContext(req), req.params.id, req.body, (task) => {
      authorizeTask(req, managed ? 'task.manage' : 'task.update', task);
    });
  });

  r.post('/api/tasks/:id/progress', { schema: { tags: ['tasks'], summary: 'Báo cáo tiến độ', params: ZTaskParams, body: ZProgress, response: { 200: ZProgressRecorded } } }, async (req) => {
    const actor = gate(req, 'task.progress');
    return addProgress(deps, auditContext(req), actor, req.params.id, req.body, (t) => authorizeTask(req, 'task.progress', t));
  });

  r.post('/api/tasks/:id/progress-file', { schema: { tags: ['tasks'], summary: 'Báo cáo tiến độ kèm tệp (multipart: file, version, percent, note)', consumes: ['multipart/form-data'], params: ZTaskParams, response: { 200: ZProgressRecorded } } }, async (req) => {
    const actor = gate(req, 'task.progress');
    const upload = await readUpload(req, { extensions: ATTACHMENT_EXTENSIONS });
    const parsed = ZProgressFields.safeParse(upload.fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('VALIDATION', `Dữ liệu không hợp lệ — trường "${String(issue?.path[0] ?? '')}": ${issue?.message ?? ''}`, String(issue?.path[0] ?? ''));
    }
    return addProgress(
      deps,
      auditContext(req),
      actor,
      req.params.id,
      { ...parsed.data, file: { filename: upload.filename, mimetype: upload.mimetype, buffer: upload.buffer } },
      (t) => authorizeTask(req, 'task.progress', t),
    );
  });

  r.post('/api/tasks/:id/complete', { schema: { tags: ['tasks'], summary: 'Báo cáo hoàn thành', params: ZTaskParams, body: ZComplete, response: { 200: ZTask } } }, async (req) => {
    const actor = gate(req, 'task.update');
    return completeTask(deps, auditContext(req), actor, req.params.id, req.body, (t) => authorizeTask(req, 'task.update', t));
  });

  r.post('/api/tasks/:id/reopen', { schema: { tags: ['tasks'], summary: 'Mở lại nhiệm vụ đã báo hoàn thành', params: ZTaskParams, body: ZReopen, response: { 200: ZTask } } }, async (req) => {
    const actor = gate(req, 'task.manage');
    return reopenTask(deps, auditContext(req), actor, req.params.id, req.body, (t) => authorizeTask(req, 'task.manage', t));
  });

  r.post('/api/tasks/:id/extensions', { schema: { tags: ['tasks'], summary: 'Đề nghị gia hạn', params: ZTaskParams, body: ZExtensionRequest, response: { 201: ZTask } } }, async (req, reply) => {
    const actor = gate(req, 'task.update');
    const task = await requestExtension(deps, auditContext(req), actor, req.params.id, req.body, (t) => authorizeTask(req, 'task.update', t));
    reply.status(201);
    return task;
  });

  r.post('/api/tasks/:id/extensions/:extensionId/decision', {
    schema: { tags: ['tasks'], summary: 'Đồng ý hoặc không đồng ý gia hạn (giữ hạn ban đầu)', params: ZExtensionParams, body: ZExtensionDecision, response: { 200: ZTask } },
  }, async (req) => {
    const actor = gate(req, 'task.manage');
    return decideExtension(deps, auditContext(req), actor, req.params.id, req.params.extensionId, req.body, (t) => authorizeTask(req, 'task.manage', t));
  });
}

