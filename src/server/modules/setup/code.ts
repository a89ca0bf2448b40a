import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import { getSetting, setSetting } from '../../app-settings';
import { setupClosed } from './queries';

const digest = (code: string) => createHash('sha256').update(code.trim()).digest();

export type SetupCode = { open: false } | { open: true; code: string; fromEnv: boolean };

/**
 * At start of an install that nobody has claimed: the code that claims it. ADMIN_PASSWORD
 * when set (the operator already holds it); otherwise a new random code, printed in the
 * server log at each start. Only its hash is stored, so several processes sharing the
 * database accept the code the last one printed.
 */
export async function prepareSetupCode(db: Queryable, adminPassword?: string): Promise<SetupCode> {
  if (await setupClosed(db)) return { open: false };
  const code = adminPassword ?? randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toUpperCase().replace(/(.{4})(?!$)/g, '$1-');
  await setSetting(db, 'setup.code', { sha256: digest(code).toString('hex') });
  return { open: true, code, fromEnv: adminPassword !== undefined };
}

export async function setupCodeMatches(db: Queryable, code: string): Promise<boolean> {
  const stored = await getSetting<{ sha256: string }>(db, 'setup.code');
  if (!stored) return false;
  return timingSafeEqual(Buffer.from(stored.sha256, 'hex'), digest(code));
}
