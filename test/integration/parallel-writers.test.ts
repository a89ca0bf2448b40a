import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Twenty writers send the same change from the same version at the same moment, through
 * the HTTP API. Exactly one is accepted, the nineteen others are told in Vietnamese that
 * someone else was first (409), and the audit log has exactly one row for the change. On
 * PGlite the statements run one after another; on PostgreSQL (READ COMMITTED, a pool of
 * connections) they really race, and that run is the one that proves it.
 */
const WRITERS = 20;

describe.each(ENGINES)('parallel writers on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  let coord: Session;
  let officer: Session;
  const unit = new Map<string, string>();
  const u = (code: string) => unit.get(code)!;
  let indicatorId = '';

  async function auditCount(entity: string, action?: string): Promise<number> {
    const rows = await s.db.query<{ n: number }>('select count(*)::int as n from audit_log where entity = $1 and ($2::text is null or action = $2)', [entity, action ?? null]);
    return rows[0]!.n;
  }

  /**
   * Sends `write(i)` twenty times at once and checks the outcome a user sees: one success
   * (200 or 201), nineteen 409 with a message that says someone else changed it, and one
   * audit row of that entity and action. Returns the winner's index and body.
   */
  async function race(entity: string, action: string, write: (i: number) => Promise<LightMyRequestResponse>) {
    const auditBefore = await auditCount(entity, action);
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i)));
    const ok = responses.flatMap((r, i) => (r.statusCode === 200 || r.statusCode === 201 ? [i] : []));
    const conflicts = responses.filter((r) => r.statusCode === 409);
    expect(ok, responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n')).toHaveLength(1);
    expect(conflicts).toHaveLength(WRITERS - 1);
    for (const c of conflicts) expect(c.json().error.message).toMatch(/người khác/);
    expect(await auditCount(entity, action)).toBe(auditBefore + 1);
    const winner = ok[0]!;
    return { winner, body: responses[winner]!.json() };
  }

  /** The last audit row of an entity: an update must carry the image it replaced. */
  async function lastAudit(entity: string) {
    return (await s.db.query<{ action: string; before: unknown; after: unknown }>(
      'select action, before, after from audit_log where entity = $1 order by id desc limit 1', [entity],
    ))[0]!;
  }

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    for (const row of await s.db.query<{ id: string; code: string }>('select id, code from units')) unit.set(row.code, row.id);
    const cat = await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'RACE', name: 'Bộ chỉ số đua ghi', validFrom: '2020-01-01' });
    expect(cat.statusCode, cat.body).toBe(201);
    const ind = await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.json().id, code: 'RACE_COUNT', name: 'Số hồ sơ đua ghi', pillar: 'government', kind: 'raw', unitOfMeasure: 'hồ sơ', unitRule: 'sum',
      timeRule: 'sum', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở Khoa học và Công nghệ', validFrom: '2020-01-01',
    });
    expect(ind.statusCode, ind.body).toBe(201);
    indicatorId = ind.json().id;
  });
  afterAll(async () => s?.close());

  it('indicator value (indicator × unit × period × source): one create from version 0, then one update from version 1', async () => {
    const key = { indicatorId, unitId: u('HP.Q.LECHAN'), period: '2025-M03' };
    const created = await race('indicator_value', 'create', (i) => call(s.app, officer, 'POST', '/api/indicator-values', { ...key, value: 100 + i, version: 0 }));
    expect(created.body).toMatchObject({ value: 100 + created.winner, version: 1 });
    const updated = await race('indicator_value', 'update', (i) => call(s.app, officer, 'POST', '/api/indicator-values', { ...key, value: 200 + i, version: 1 }));
    expect(updated.body).toMatchObject({ value: 200 + updated.winner, version: 2 });
    expect(await lastAudit('indicator_value')).toMatchObject({ action: 'update', before: { value: 100 + created.winner, version: 1 }, after: { value: 200 + updated.winner, version: 2 } });
    const stored = await s.db.query<{ value: number; version: number }>('select value, version from indicator_values where indicator_id = $1', [indicatorId]);
    expect(stored).toEqual([{ value: 200 + updated.winner, version: 2 }]);
  });

  it('indicator target (plan × indicator × level × period): one create from version 0, then one update', async () => {
    const key = { indicatorId, planCode: 'KH-RACE', level: 'city', period: '2026' };
    const created = await race('indicator_target', 'create', (i) => call(s.app, coord, 'PUT', '/api/indicator-targets', { ...key, value: 10 + i, version: 0 }));
    const updated = await race('indicator_target', 'update', (i) => call(s.app, coord, 'PUT', '/api/indicator-targets', { ...key, value: 50 + i, version: 1 }));
    expect(await lastAudit('indicator_target')).toMatchObject({ before: { value: 10 + created.winner, version: 1 }, after: { value: 50 + updated.winner, version: 2 } });
    // Deletes: one removes it; the others learn it is gone (404) or was changed (409 while they raced).
    const deletesBefore = await auditCount('indicator_target', 'delete');
    const removed = await Promise.all(Array.from({ length: WRITERS }, () => call(s.app, coord, 'DELETE', `/api/indicator-targets/${updated.body.id}?version=2`)));
    expect(removed.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(removed.filter((r) => r.statusCode === 404 || r.statusCode === 409)).toHaveLength(WRITERS - 1);
    expect(await auditCount('indicator_target', 'delete')).toBe(deletesBefore + 1);
  });

  it('report submission (regime × unit × period): one draft from version 0, one save from version 1, one submit from version 2', async () => {
    const regime = await call(s.app, coord, 'POST', '/api/report-regimes', {
      code: 'BC-DUA', title: 'Báo cáo đua ghi', reportKind: 'periodic', periodType: 'month', deadlineRule: { kind: 'working_days_after_cutoff', days: 2 },
      receivingUnitId: u('HP.STTTT'), sendingMethod: 'Hệ thống Hải Đăng', validFrom: '2025-01-01', unitIds: [u('HP.Q.LECHAN')], fields: [{ kind: 'text', label: 'Nội dung' }],
    });
    expect(regime.statusCode, regime.body).toBe(201);
    const { id, fields } = regime.json() as { id: string; fields: Array<{ id: string }> };
    const save = (text: string, version: number) =>
      call(s.app, officer, 'PUT', `/api/report-regimes/${id}/submission`, { unitId: u('HP.Q.LECHAN'), period: '2025-M03', answers: { [fields[0]!.id]: { text } }, version });
    const draft = await race('report_submission', 'create', (i) => save(`Bản ${i}`, 0));
    await race('report_submission', 'update', (i) => save(`Sửa ${i}`, 1));
    expect(await lastAudit('report_submission')).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    const sent = await race('report_submission', 'submit', () => call(s.app, officer, 'POST', `/api/report-submissions/${draft.body.id}/submit`, { version: 2 }));
    expect(sent.body).toMatchObject({ status: 'submitted', version: 3 });
    const events = await s.db.query<{ n: number }>(`select count(*)::int as n from report_submission_events where submission_id = $1 and action = 'submit'`, [draft.body.id]);
    expect(events[0]!.n).toBe(1);
    const edited = await race('report_regime', 'update', (i) => call(s.app, coord, 'PATCH', `/api/report-regimes/${id}`, { version: 1, title: `Báo cáo đua ghi ${i}` }));
    expect(edited.body).toMatchObject({ title: `Báo cáo đua ghi ${edited.winner}` });
  });

  it('users, units, indicators, tasks, projects and documents: one edit per version', async () => {
    const user = await call(s.app, admin, 'POST', '/api/users', { username: 'dua.ghi', password: 'Mat-khau-dua-ghi-2026', fullName: 'Người đua ghi', role: 'unit_officer', unitId: u('HP.Q.LECHAN') });
    expect(user.statusCode, user.body).toBe(201);
    await race('user', 'update', (i) => call(s.app, admin, 'PATCH', `/api/users/${user.json().id}`, { version: 1, fullName: `Người đua ghi ${i}` }));
    expect(await lastAudit('user')).toMatchObject({ before: { version: 1 }, after: { version: 2 } });

    const unitRow = (await s.db.query<{ version: number }>('select version from units where id = $1', [u('HP.Q.HAIAN')]))[0]!;
    await race('unit', 'update', (i) => call(s.app, admin, 'PATCH', `/api/units/${u('HP.Q.HAIAN')}`, { version: unitRow.version, shortName: `Hải An ${i}` }));

    await race('indicator', 'update', (i) => call(s.app, coord, 'PATCH', `/api/indicators/${indicatorId}`, { version: 1, name: `Số hồ sơ đua ghi ${i}` }));

    const task = await call(s.app, coord, 'POST', '/api/tasks', { title: 'Nhiệm vụ đua ghi', leadUnitId: u('HP.Q.LECHAN'), assignedOn: '2025-03-01', deadline: '2025-06-30' });
    expect(task.statusCode, task.body).toBe(201);
    await race('task', 'update', (i) => call(s.app, coord, 'PATCH', `/api/tasks/${task.json().id}`, { version: task.json().version, title: `Nhiệm vụ đua ghi ${i}` }));

    const project = await call(s.app, coord, 'POST', '/api/projects', {
      unitId: u('HP.Q.LECHAN'), name: 'Dự án đua ghi', kind: 'recurrent_activity', fiscalYear: 2025, fundingSource: 'recurrent', estimate: 500_000_000, startedOn: '2025-03-03',
    });
    expect(project.statusCode, project.body).toBe(201);
    await race('project', 'update', (i) => call(s.app, coord, 'PATCH', `/api/projects/${project.json().id}`, { version: project.json().version, name: `Dự án đua ghi ${i}` }));

    const doc = await call(s.app, coord, 'POST', '/api/documents', { text: 'UỶ BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSố: 901/UBND-DUA\nV/v thử ghi đồng thời vào văn bản đã đăng ký.' });
    expect(doc.statusCode, doc.body).toBe(201);
    await race('document', 'update', (i) => call(s.app, coord, 'PATCH', `/api/documents/${doc.json().id}`, { version: 1, summary: `Trích yếu ${i}` }));
  });
});
