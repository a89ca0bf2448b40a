import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type Actor } from '../../src/core/auth/policy';
import { ROLES, type Role } from '../../src/core/auth/roles';
import { provinceOf, SCOPE_SQL } from '../../src/server/modules/auth/sessions';
import { call, login, type Session } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Every API route × every role. Each route names the policy action it must enforce;
 * the test proves the route answers 403 exactly when the policy says no. A new route
 * that is not listed here fails the first test, so nobody adds an unguarded route.
 */
interface RouteCase {
  method: string;
  url: string;
  /** null: public (no session needed). */
  action: Action | null;
  path?: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** The policy is scoped: which unit the request concerns. */
  resourceUnit?: (ids: Ids) => string;
}
interface Ids {
  unitId: string;
  officerUnitId: string;
  userId: string;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', action: null },
  { method: 'POST', url: '/api/auth/login', action: null },
  { method: 'POST', url: '/api/auth/logout', action: 'system.read' },
  { method: 'GET', url: '/api/me', action: 'system.read' },
  { method: 'GET', url: '/api/setup', action: null },
  { method: 'GET', url: '/api/setup/provinces', action: null },
  { method: 'POST', url: '/api/setup/claim', action: null, body: () => ({ code: 'SAI', provinceCode: '31', username: 'khongai', fullName: 'Không ai', password: 'KhongAi-2026-xyz' }) },
  { method: 'PUT', url: '/api/setup/steps/:step', action: 'unit.manage', path: () => '/api/setup/steps/letters', body: () => ({ state: 'todo' }) },
  { method: 'POST', url: '/api/setup/communes', action: 'unit.manage' },
  { method: 'GET', url: '/api/units/import-template', action: 'unit.manage' },
  { method: 'POST', url: '/api/units/import', action: 'unit.manage' },
  { method: 'GET', url: '/api/auth/oidc', action: null },
  { method: 'GET', url: '/api/auth/oidc/start', action: null },
  { method: 'GET', url: '/api/auth/oidc/callback', action: null },
  { method: 'GET', url: '/api/api-tokens', action: 'user.manage' },
  { method: 'POST', url: '/api/api-tokens', action: 'user.manage', body: () => ({ name: `Mã thử ${Math.random().toString(36).slice(2, 8)}`, role: 'leadership', scopes: ['tasks:read'], expiresOn: '2027-01-01' }) },
  { method: 'POST', url: '/api/api-tokens/:id/revoke', action: 'user.manage', path: () => '/api/api-tokens/00000000-0000-4000-8000-000000000000/revoke' },
  { method: 'GET', url: '/api/auth/throttles', action: 'user.manage' },
  { method: 'POST', url: '/api/auth/throttles/release', action: 'user.manage', body: () => ({ account: 'khong.ai', address: '192.0.2.1' }) },
  { method: 'GET', url: '/api/units', action: 'unit.read' },
  { method: 'POST', url: '/api/units', action: 'unit.manage', body: (ids) => ({ code: `HP.M.${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'Đơn vị thử', kind: 'agency', parentId: ids.unitId, validFrom: '2020-01-01' }) },
  { method: 'PATCH', url: '/api/units/:id', action: 'unit.manage', path: (ids) => `/api/units/${ids.officerUnitId}`, body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/users', action: 'user.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/users', action: 'user.manage', body: (ids) => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'CanBo-2026-xyz', fullName: 'Người thử', role: 'unit_officer', unitId: ids.unitId }) },
  { method: 'PATCH', url: '/api/users/:id', action: 'user.manage', path: (ids) => `/api/users/${ids.userId}`, body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/audit', action: 'audit.read' },
  { method: 'GET', url: '/api/notifications', action: 'system.read' },
  { method: 'POST', url: '/api/notifications/:id/read', action: 'system.read', path: () => '/api/notifications/1/read' },
  { method: 'POST', url: '/api/notifications/read-all', action: 'system.read' },
  { method: 'GET', url: '/api/holidays', action: 'system.read' },
  { method: 'PUT', url: '/api/holidays/:date', action: 'calendar.manage', path: () => '/api/holidays/2030-12-24', body: () => ({ name: 'Ngày thử' }) },
  { method: 'DELETE', url: '/api/holidays/:date', action: 'calendar.manage', path: () => '/api/holidays/2030-12-25' },
  { method: 'GET', url: '/api/tasks', action: 'task.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/inbox', action: 'task.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/summary', action: 'task.read', path: () => '/api/tasks/summary?from=2020-01-01&to=2030-12-31', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/export', action: 'task.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/import-template', action: 'task.manage' },
  { method: 'POST', url: '/api/tasks/import', action: 'task.manage' },
  { method: 'GET', url: '/api/tasks/settings', action: 'task.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'PUT', url: '/api/tasks/settings', action: 'task.manage', body: () => ({ escalateAfterOverdueDays: 7 }) },
  { method: 'POST', url: '/api/tasks', action: 'task.manage', body: (ids) => ({ title: 'Nhiệm vụ thử quyền', leadUnitId: ids.officerUnitId }) },
  { method: 'POST', url: '/api/tasks/bulk', action: 'task.manage', body: () => ({ action: 'extend', deadline: '2030-12-31', tasks: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }) },
  { method: 'GET', url: '/api/tasks/:id', action: 'task.read', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/:id/history', action: 'task.read', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/history', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/tasks/:id/files/:fileId', action: 'task.read', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/files/00000000-0000-4000-8000-000000000000', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'PATCH', url: '/api/tasks/:id', action: 'task.update', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/tasks/:id/progress', action: 'task.progress', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/progress', body: () => ({ version: 999, percent: 10, note: 'Thử' }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/tasks/:id/progress-file', action: 'task.progress', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/progress-file', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/tasks/:id/complete', action: 'task.update', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/complete', body: () => ({ version: 999 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/tasks/:id/reopen', action: 'task.manage', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/reopen', body: () => ({ version: 999, note: 'Thử' }) },
  { method: 'POST', url: '/api/tasks/:id/extensions', action: 'task.update', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/extensions', body: () => ({ version: 999, requestedDeadline: '2030-01-01', reason: 'Thử' }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/tasks/:id/extensions/:extensionId/decision', action: 'task.manage', path: () => '/api/tasks/00000000-0000-4000-8000-000000000000/extensions/00000000-0000-4000-8000-000000000000/decision', body: () => ({ version: 999, approve: true }) },
  { method: 'GET', url: '/api/national', action: 'national.read' },
  { method: 'GET', url: '/api/documents', action: 'document.read' },
  { method: 'POST', url: '/api/documents', action: 'document.manage', body: () => ({ text: 'Công văn thử quyền: giao Sở Tài chính rà soát kinh phí trước ngày 30/6/2030.' }) },
  { method: 'POST', url: '/api/documents/upload', action: 'document.manage' },
  { method: 'GET', url: '/api/documents/:id', action: 'document.read', path: () => '/api/documents/00000000-0000-4000-8000-000000000000' },
  { method: 'GET', url: '/api/documents/:id/file', action: 'document.read', path: () => '/api/documents/00000000-0000-4000-8000-000000000000/file' },
  { method: 'PATCH', url: '/api/documents/:id', action: 'document.manage', path: () => '/api/documents/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/documents/gold', action: 'document.manage' },
  { method: 'GET', url: '/api/documents/:id/gold', action: 'document.manage', path: () => '/api/documents/00000000-0000-4000-8000-000000000000/gold' },
  { method: 'POST', url: '/api/documents/:id/proposal', action: 'document.manage', path: () => '/api/documents/00000000-0000-4000-8000-000000000000/proposal' },
  { method: 'POST', url: '/api/documents/:id/confirm', action: 'document.manage', path: () => '/api/documents/00000000-0000-4000-8000-000000000000/confirm', body: (ids) => ({ version: 999, assignments: [{ title: 'Thử', lead: { unitId: ids.officerUnitId } }] }) },
  { method: 'POST', url: '/api/documents/:id/withdraw', action: 'document.manage', path: () => '/api/documents/00000000-0000-4000-8000-000000000000/withdraw', body: () => ({ version: 999, reason: 'Thử quyền thu hồi văn bản', cancelTaskIds: [] }) },
  { method: 'GET', url: '/api/pipeline-templates', action: 'system.read' },
  { method: 'POST', url: '/api/pipeline-templates', action: 'pipeline.manage', body: () => ({ code: `T.${Math.random().toString(36).slice(2, 8).toUpperCase()}`, law: 'Văn bản thử', name: 'Quy trình thử', kind: 'purchase', validFrom: '2030-01-01', steps: [{ code: 'thanh_toan', name: 'Thanh toán', phase: 'close_out', actorRole: 'owner', action: 'disburse', requiredDocuments: [], timeLimitWorkingDays: 5 }] }) },
  { method: 'PATCH', url: '/api/pipeline-templates/:id', action: 'pipeline.manage', path: () => '/api/pipeline-templates/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/pipeline-role-units', action: 'system.read' },
  { method: 'POST', url: '/api/pipeline-role-units', action: 'pipeline.manage', body: (ids) => ({ role: 'approver', unitId: ids.unitId, validFrom: '2030-01-01', validTo: '2030-01-02' }) },
  { method: 'PATCH', url: '/api/pipeline-role-units/:id', action: 'pipeline.manage', path: () => '/api/pipeline-role-units/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/projects', action: 'project.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/export.xlsx', action: 'project.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/at-risk', action: 'project.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/at-risk.xlsx', action: 'project.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/bottlenecks', action: 'project.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/task-options', action: 'task.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/projects', action: 'project.manage', body: (ids) => ({ unitId: ids.officerUnitId, name: 'Dự án thử quyền', kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 500_000_000, startedOn: '2024-03-01' }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/projects/:id', action: 'project.read', path: () => '/api/projects/00000000-0000-4000-8000-000000000000', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'PATCH', url: '/api/projects/:id', action: 'project.manage', path: () => '/api/projects/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/projects/:id/transitions', action: 'project.read', path: () => '/api/projects/00000000-0000-4000-8000-000000000000/transitions', body: () => ({ version: 999, type: 'submit', date: '2024-03-01' }), resourceUnit: (ids) => ids.officerUnitId }, // then project.manage / project.appraise by step (test/integration/projects.test.ts)
  { method: 'PUT', url: '/api/projects/:id/closing', action: 'budget.manage', path: () => '/api/projects/00000000-0000-4000-8000-000000000000/closing', body: () => ({ version: 999, closedOn: null, carriedOver: 0, cancelled: 0 }) },
  { method: 'GET', url: '/api/budget', action: 'budget.read' },
  { method: 'GET', url: '/api/budget/:year', action: 'budget.read', path: () => '/api/budget/2022' },  { method: 'GET', url: '/api/indicator-catalogues', action: 'indicator.read' },
  { method: 'POST', url: '/api/indicator-catalogues', action: 'indicator.manage', body: () => ({ code: `PM.${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'Bộ chỉ số thử quyền', validFrom: '2022-01-01' }) },
  { method: 'GET', url: '/api/indicator-catalogues/national', action: 'indicator.read' },
  // NQ 71/NQ-CP has no sourced target yet: an allowed role gets 400 (nothing loaded), the others 403.
  { method: 'POST', url: '/api/indicator-catalogues/national/:code', action: 'indicator.manage', path: () => '/api/indicator-catalogues/national/NQ71-CP-2025' },
  { method: 'GET', url: '/api/indicators', action: 'indicator.read' },
  { method: 'GET', url: '/api/indicators/:id', action: 'indicator.read', path: () => '/api/indicators/00000000-0000-4000-8000-000000000000' },
  { method: 'POST', url: '/api/indicators', action: 'indicator.manage', body: () => ({ catalogueId: '00000000-0000-4000-8000-000000000000', code: `PM_${Math.random().toString(36).slice(2, 8)}`, name: 'Chỉ số thử quyền', pillar: 'other', kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2022-01-01' }) },
  { method: 'PATCH', url: '/api/indicators/:id', action: 'indicator.manage', path: () => '/api/indicators/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/indicators/:id/rollup', action: 'indicator.read', path: (ids) => `/api/indicators/00000000-0000-4000-8000-000000000000/rollup?unitId=${ids.unitId}&period=2022` },
  { method: 'GET', url: '/api/indicators/:id/series', action: 'indicator.read', path: (ids) => `/api/indicators/00000000-0000-4000-8000-000000000000/series?unitId=${ids.unitId}&from=2022-M01&to=2024-M12` },
  { method: 'GET', url: '/api/indicator-summary', action: 'indicator.read', path: (ids) => `/api/indicator-summary?unitId=${ids.unitId}&period=2022` },
  { method: 'GET', url: '/api/indicator-targets', action: 'indicator.read' },
  { method: 'PUT', url: '/api/indicator-targets', action: 'indicator.manage', body: () => ({ indicatorId: '00000000-0000-4000-8000-000000000000', planCode: '74/KH-UBND', level: 'city', period: '2022', value: 60 }) },
  { method: 'DELETE', url: '/api/indicator-targets/:id', action: 'indicator.manage', path: () => '/api/indicator-targets/00000000-0000-4000-8000-000000000000?version=1' },
  { method: 'GET', url: '/api/indicator-values', action: 'indicator.read' },
  { method: 'POST', url: '/api/indicator-values', action: 'indicator.enter', body: (ids) => ({ indicatorId: '00000000-0000-4000-8000-000000000000', unitId: ids.officerUnitId, period: '2022-M06', value: 1 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/indicator-values/batch', action: 'indicator.enter', body: (ids) => ({ values: [{ indicatorId: '00000000-0000-4000-8000-000000000000', unitId: ids.officerUnitId, period: '2022-M06', value: 1 }] }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/indicator-imports', action: 'indicator.manage' },
  { method: 'GET', url: '/api/indicator-imports/template', action: 'indicator.manage' },
  { method: 'GET', url: '/api/indicator-imports/:id', action: 'indicator.manage', path: () => '/api/indicator-imports/00000000-0000-4000-8000-000000000000' },
  { method: 'POST', url: '/api/indicator-imports', action: 'indicator.manage' },
  { method: 'POST', url: '/api/indicator-imports/:id/cancel', action: 'indicator.manage', path: () => '/api/indicator-imports/00000000-0000-4000-8000-000000000000/cancel' },
  { method: 'GET', url: '/api/report-regimes', action: 'report.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/report-regimes', action: 'indicator.manage', body: (ids) => ({ code: `PM.${Math.random().toString(36).slice(2, 8).toUpperCase()}`, title: 'Chế độ báo cáo thử quyền', reportKind: 'periodic', periodType: 'month', deadlineRule: { kind: 'working_days_after_cutoff', days: 2 }, receivingUnitId: ids.unitId, sendingMethod: 'Hệ thống', validFrom: '2022-01-01', unitIds: [ids.officerUnitId], fields: [{ kind: 'text', label: 'Nội dung' }] }) },
  { method: 'GET', url: '/api/report-regimes/:id', action: 'report.read', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'PATCH', url: '/api/report-regimes/:id', action: 'indicator.manage', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000', body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/report-regimes/:id/periods', action: 'report.read', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000/periods?year=2022', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/report-regimes/:id/timeliness', action: 'report.read', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000/timeliness?period=2022-M06', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/report-regimes/:id/submission', action: 'report.read', path: (ids) => `/api/report-regimes/00000000-0000-4000-8000-000000000000/submission?unitId=${ids.officerUnitId}&period=2022-M06`, resourceUnit: (ids) => ids.officerUnitId },
  { method: 'PUT', url: '/api/report-regimes/:id/submission', action: 'report.submit', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000/submission', body: (ids) => ({ unitId: ids.officerUnitId, period: '2022-M06', answers: {} }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/report-submissions/:id/submit', action: 'report.submit', path: () => '/api/report-submissions/00000000-0000-4000-8000-000000000000/submit', body: () => ({ version: 1 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/report-submissions/:id/return', action: 'report.approve', path: () => '/api/report-submissions/00000000-0000-4000-8000-000000000000/return', body: () => ({ version: 1, reason: 'Lý do trả lại thử quyền' }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/report-submissions/:id/approve', action: 'report.approve', path: () => '/api/report-submissions/00000000-0000-4000-8000-000000000000/approve', body: () => ({ version: 1 }), resourceUnit: (ids) => ids.officerUnitId },
  { method: 'GET', url: '/api/report-regimes/:id/export', action: 'report.read', path: () => '/api/report-regimes/00000000-0000-4000-8000-000000000000/export?period=2022-M06&format=xlsx', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/dossier-imports', action: 'indicator.manage' },
  { method: 'GET', url: '/api/dossier-imports', action: 'indicator.manage' },
  { method: 'GET', url: '/api/dossier-imports/:id', action: 'indicator.manage', path: () => '/api/dossier-imports/00000000-0000-4000-8000-000000000000' },
  { method: 'POST', url: '/api/dossier-imports/:id/cancel', action: 'indicator.manage', path: () => '/api/dossier-imports/00000000-0000-4000-8000-000000000000/cancel' },
  { method: 'GET', url: '/api/dossier-stats', action: 'indicator.read', path: (ids) => `/api/dossier-stats?unitId=${ids.unitId}&period=2022` },
  { method: 'GET', url: '/api/dashboard', action: 'dashboard.read', path: () => '/api/dashboard?year=2022' },
  { method: 'GET', url: '/api/dashboard/stream', action: 'dashboard.read', path: () => '/api/dashboard/stream?once=1' },
  { method: 'GET', url: '/api/dashboard/panels/:key/xlsx', action: 'dashboard.read', path: () => '/api/dashboard/panels/tasks/xlsx?year=2022' },
  { method: 'GET', url: '/api/dashboard/map', action: 'dashboard.read' },
  { method: 'PUT', url: '/api/dashboard/map', action: 'unit.manage' },
  { method: 'DELETE', url: '/api/dashboard/map', action: 'unit.manage' },
  { method: 'GET', url: '/api/evaluation/rules', action: 'evaluation.read' },
  { method: 'POST', url: '/api/evaluation/rule-sets', action: 'evaluation.manage', body: () => ({ code: `thu-${Math.random().toString(36).slice(2, 8)}`, name: 'Bộ quy tắc thử quyền', unitLevel: 'commune', criteria: [{ code: 'on_time_rate', name: 'Tỷ lệ đúng hạn', weight: 10, direction: 'higher_better', unit: 'percent', thresholds: { zero: 0, full: 100 } }], classRules: [{ class: 'ghi_nhan', ground: 'thử', all: [{ measure: 'score', op: '>=', value: 80 }] }], source: 'thử quyền', validFrom: '2040-01-01' }) },
  { method: 'GET', url: '/api/evaluation/runs', action: 'evaluation.read' },
  { method: 'POST', url: '/api/evaluation/runs', action: 'evaluation.manage', body: () => ({ period: '2039' }) },
  { method: 'GET', url: '/api/evaluation/runs/:id', action: 'evaluation.read', path: () => '/api/evaluation/runs/00000000-0000-4000-8000-000000000000' },
  { method: 'GET', url: '/api/evaluation/runs/:id/xlsx', action: 'evaluation.read', path: () => '/api/evaluation/runs/00000000-0000-4000-8000-000000000000/xlsx' },
  { method: 'GET', url: '/api/evaluation/runs/:id/letter', action: 'evaluation.read', path: () => '/api/evaluation/runs/00000000-0000-4000-8000-000000000000/letter' },
  { method: 'PUT', url: '/api/evaluation/runs/:id/letter', action: 'evaluation.manage', path: () => '/api/evaluation/runs/00000000-0000-4000-8000-000000000000/letter', body: () => ({ version: 0, draft: { issuerLines: ['ỦY BAN NHÂN DÂN'], numberSuffix: 'UBND-VP', place: 'Hải Phòng', date: null, subject: 'thử quyền', recipients: [], opening: '', ghiNhan: { intro: '', units: [] }, rutKinhNghiem: { intro: '', units: [] }, pheBinh: { intro: '', units: [] }, instructionsIntro: '', instructions: [], closing: '', copyTo: [], signer: { authority: '', onBehalfOf: '', title: 'CHỦ TỊCH', name: '' } } }) },
  { method: 'GET', url: '/api/search', action: 'system.read', path: () => '/api/search?q=ho+tich' },

  { method: 'GET', url: '/api/embed-links', action: 'embed.manage' },
  { method: 'POST', url: '/api/embed-links', action: 'embed.manage', body: () => ({ label: 'Nhúng thử', panelKey: 'tasks', expiresOn: '2026-12-31' }) },
  { method: 'POST', url: '/api/embed-links/:id/revoke', action: 'embed.manage', path: () => '/api/embed-links/00000000-0000-4000-8000-000000000000/revoke' },
  { method: 'GET', url: '/api/embed-settings', action: 'embed.manage' },
  { method: 'PUT', url: '/api/embed-settings', action: 'embed.manage', body: () => ({ origins: [] }) },
  // The embedded page's own reads: the link's secret is the credential (test/integration/embeds.test.ts).
  { method: 'GET', url: '/api/embed/:key/:token', action: null },
  { method: 'GET', url: '/api/embed/:key/:token/stream', action: null },
  { method: 'GET', url: '/api/deliveries', action: 'delivery.manage' },
  { method: 'POST', url: '/api/deliveries', action: 'delivery.manage', body: () => ({ name: `Lịch thử ${Math.random().toString(36).slice(2, 8)}`, kind: 'unit_digest', cadence: 'daily' }) },
  { method: 'PUT', url: '/api/deliveries/:id/active', action: 'delivery.manage', path: () => '/api/deliveries/00000000-0000-4000-8000-000000000000/active', body: () => ({ active: false }) },
  { method: 'GET', url: '/api/deliveries/:id/preview', action: 'delivery.manage', path: () => '/api/deliveries/00000000-0000-4000-8000-000000000000/preview' },
  { method: 'GET', url: '/api/backups', action: 'backup.manage' },
  { method: 'POST', url: '/api/backups', action: 'backup.manage' },
  { method: 'GET', url: '/api/evaluation/runs/:id/letter.docx', action: 'evaluation.read', path: () => '/api/evaluation/runs/00000000-0000-4000-8000-000000000000/letter.docx' },
];

const USER_OF_ROLE: Record<Role, string> = {
  admin: 'admin',
  coordinator: 'dieuphoi',
  finance: 'taichinh',
  unit_officer: 'canbo.lechan',
  unit_leader: 'lanhdao.lechan',
  leadership: 'lanhdao',
  national: 'quocgia',
};

describe('every route × every role follows the policy', () => {
  let s: TestServer;
  const sessions = new Map<Role, Session>();
  const actors = new Map<Role, Actor>();
  let ids: Ids;

  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    for (const role of ROLES) {
      const sess = await login(s.app, USER_OF_ROLE[role]);
      sessions.set(role, sess);
      const me = (await call(s.app, sess, 'GET', '/api/me')).json().user;
      const scope = await s.db.query<{ id: string }>(SCOPE_SQL, [me.unitId]);
      const { province } = await provinceOf(s.db, me.unitId, role);
      actors.set(role, { id: me.id, role, unitId: me.unitId, scope: new Set(scope.map((r) => r.id)), province });
    }
    const root = (await s.db.query<{ id: string }>("select id from units where parent_id is null and province_id = 'HP' and valid_to is null"))[0]!.id;
    const officer = actors.get('unit_officer')!;
    const someUser = (await s.db.query<{ id: string }>("select id from users where username = 'lanhdao'"))[0]!.id;
    ids = { unitId: root, officerUnitId: officer.unitId, userId: someUser };
  });
  afterAll(async () => s?.close());

  it('lists every registered API route', () => {
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.url}`));
    const registered = s.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !listed.has(r))).toEqual([]);
  });

  for (const route of ROUTES.filter((r) => r.action && r.url !== '/api/auth/logout')) {
    for (const role of ROLES) {
      it(`${route.method} ${route.url} as ${role}`, async () => {
        const actor = actors.get(role)!;
        const unitId = route.resourceUnit?.(ids);
        const allowed = can(actor, route.action!, unitId ? { unitId } : {});
        const url = route.path?.(ids) ?? route.url;
        const res = await call(s.app, sessions.get(role)!, route.method as 'GET', url, route.body?.(ids));
        if (allowed) expect(res.statusCode, res.body).not.toBe(403);
        else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
      });
    }
  }

  it('refuses every protected route without a session', async () => {
    for (const route of ROUTES.filter((r) => r.action)) {
      const res = await call(s.app, null, route.method as 'GET', route.path?.(ids) ?? route.url, route.body?.(ids));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
