/**
 * What an API token may reach. A token acts as a service account with a role (the policy in
 * `policy.ts` still decides every action); its scopes narrow that further to some modules,
 * read or write. Administration (users, audit, backups, tokens, sign-in) is never reachable
 * with a token, whatever its scopes.
 */
export const API_TOKEN_MODULES = ['units', 'calendar', 'documents', 'tasks', 'indicators', 'reports', 'projects', 'budget', 'dossiers', 'dashboard', 'evaluation'] as const;
export type ApiTokenModule = (typeof API_TOKEN_MODULES)[number];
export const API_TOKEN_ACCESS = ['read', 'write'] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];
export type ApiTokenScope = `${ApiTokenModule}:${ApiTokenAccess}`;

export const API_TOKEN_SCOPES: readonly ApiTokenScope[] = API_TOKEN_MODULES.flatMap((m) => API_TOKEN_ACCESS.map((a) => `${m}:${a}` as const));

// The first path segment after /api/ that belongs to each module.
const SEGMENTS: Record<ApiTokenModule, readonly string[]> = {
  units: ['units'],
  calendar: ['holidays'],
  documents: ['documents'],
  tasks: ['tasks'],
  indicators: ['indicators', 'indicator-catalogues', 'indicator-imports', 'indicator-summary', 'indicator-targets', 'indicator-values'],
  reports: ['report-regimes', 'report-submissions'],
  projects: ['projects'],
  budget: ['budget'],
  dossiers: ['dossier-imports', 'dossier-stats'],
  dashboard: ['dashboard'],
  evaluation: ['evaluation'],
};
const MODULE_OF_SEGMENT = new Map<string, ApiTokenModule>(API_TOKEN_MODULES.flatMap((m) => SEGMENTS[m].map((s) => [s, m] as const)));

/** The module an API path belongs to, or undefined for paths no token may reach. */
export function moduleOfPath(path: string): ApiTokenModule | undefined {
  const m = /^\/api\/([a-z-]+)(?:\/|$|\?)/.exec(path);
  return m ? MODULE_OF_SEGMENT.get(m[1]!) : undefined;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type TokenDecision = { ok: true; module: ApiTokenModule; access: ApiTokenAccess } | { ok: false; reason: string };

/** Whether a token with `scopes` may send `method path`. Write includes read. */
export function tokenAllows(scopes: readonly string[], method: string, path: string): TokenDecision {
  const module = moduleOfPath(path);
  if (!module) return { ok: false, reason: 'Mã truy cập API không dùng được cho chức năng này' };
  const access: ApiTokenAccess = READ_METHODS.has(method.toUpperCase()) ? 'read' : 'write';
  const ok = scopes.includes(`${module}:write`) || (access === 'read' && scopes.includes(`${module}:read`));
  return ok ? { ok, module, access } : { ok: false, reason: `Mã truy cập API không có quyền ${access === 'read' ? 'đọc' : 'ghi'} mục "${module}"` };
}
