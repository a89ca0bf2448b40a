import { describe, expect, it } from 'vitest';
import { can, type Actor } from './policy';
import { passwordProblems } from './password-policy';

const actor = (role: Actor['role'], scope: string[] = ['u1']): Actor => ({ id: 'a', role, unitId: scope[0]!, scope: new Set(scope) });

describe('can()', () => {
  it('lets only admin manage users and units', () => {
    for (const role of ['coordinator', 'finance', 'unit_officer', 'unit_leader', 'leadership'] as const) {
      expect(can(actor(role), 'user.manage')).toBe(false);
      expect(can(actor(role), 'unit.manage')).toBe(false);
    }
    expect(can(actor('admin'), 'user.manage')).toBe(true);
    expect(can(actor('admin'), 'unit.manage')).toBe(true);
  });

  it('scopes a unit officer to their unit and its subtree', () => {
    const officer = actor('unit_officer', ['district', 'ward-1', 'ward-2']);
    expect(can(officer, 'user.read', { unitId: 'ward-2' })).toBe(true);
    expect(can(officer, 'user.read', { unitId: 'other-district' })).toBe(false);
    expect(can(officer, 'user.read', {})).toBe(false);
  });

  it('lets leadership read users everywhere but not the audit log', () => {
    expect(can(actor('leadership'), 'user.read', { unitId: 'anywhere' })).toBe(true);
    expect(can(actor('leadership'), 'audit.read')).toBe(false);
  });
});

describe('password policy', () => {
  it('rejects short, letter-only and name-containing passwords', () => {
    expect(passwordProblems('abc123')).toHaveLength(1);
    expect(passwordProblems('abcdefghijkl')).toEqual(['Mật khẩu phải có cả chữ và số']);
    expect(passwordProblems('nguyenvan2024', 'nguyenvan')).toHaveLength(1);
    expect(passwordProblems('HaiPhong2024x', 'admin')).toEqual([]);
  });
});
