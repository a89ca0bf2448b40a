import type { Translate } from './translate';
import { isMessageKey } from './translate';

/**
 * Server codes for entities and actions read as words when the catalogue knows them
 * (`unit` → Đơn vị; `unit.create` or `create` → Tạo mới) and stay as codes otherwise.
 */
export function entityLabel(entity: string, t: Translate): string {
  const key = `entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

export function actionLabel(action: string, t: Translate): string {
  const candidates = [action, action.split('.').pop() ?? action].map((a) => `action.${a}`);
  for (const key of candidates) if (isMessageKey(key)) return t(key);
  return action;
}

export const KNOWN_ENTITIES = ['unit', 'user', 'session', 'organisation', 'backup', 'dashboard_map', 'document', 'dossier', 'evaluation', 'evaluation_criterion', 'evaluation_letter', 'evaluation_measures', 'evaluation_run', 'evaluation_thresholds', 'holiday', 'indicator', 'indicator_catalogue', 'indicator_target', 'indicator_value', 'pipeline_role_unit', 'pipeline_template', 'project', 'report_regime', 'report_submission', 'setting', 'task', 'task_import'] as const;
export const KNOWN_ACTIONS = ['create', 'update', 'update_with_password', 'delete', 'login', 'login_failed', 'logout', 'seed', 'approve', 'backup', 'batch', 'confirm', 'export', 'import', 'return', 'submit', 'transition', 'upload', 'close', 'reopen', 'progress', 'complete', 'extension_request', 'extension_approve', 'extension_refuse', 'bulk_reassign', 'bulk_extend', 'bulk_close'] as const;
