import { describe, expect, it } from 'vitest';
import { moduleOfPath, tokenAllows } from './api-scopes';

describe('API token scopes', () => {
  it('maps a path to its module, and administration to none', () => {
    expect(moduleOfPath('/api/tasks/123/history')).toBe('tasks');
    expect(moduleOfPath('/api/indicator-values?year=2026')).toBe('indicators');
    expect(moduleOfPath('/api/tasks')).toBe('tasks');
    for (const p of ['/api/users', '/api/audit', '/api/backups', '/api/api-tokens', '/api/me', '/api/auth/logout', '/api/tasksx']) expect(moduleOfPath(p)).toBeUndefined();
  });

  it('lets read scope read and not write; write includes read', () => {
    expect(tokenAllows(['tasks:read'], 'GET', '/api/tasks').ok).toBe(true);
    expect(tokenAllows(['tasks:read'], 'POST', '/api/tasks').ok).toBe(false);
    expect(tokenAllows(['indicators:write'], 'GET', '/api/indicator-values').ok).toBe(true);
    expect(tokenAllows(['indicators:write'], 'POST', '/api/indicator-imports').ok).toBe(true);
    expect(tokenAllows(['tasks:write'], 'GET', '/api/projects').ok).toBe(false);
  });

  it('never reaches administration, whatever the scopes', () => {
    const all = ['units:write', 'tasks:write'];
    expect(tokenAllows(all, 'GET', '/api/users')).toEqual({ ok: false, reason: 'Mã truy cập API không dùng được cho chức năng này' });
    expect(tokenAllows(all, 'POST', '/api/api-tokens').ok).toBe(false);
  });
});
