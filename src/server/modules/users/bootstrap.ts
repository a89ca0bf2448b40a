import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../audit';
import { hashPassword } from '../auth/service';
import { insertUser, selectRootUnitId, usernameTaken } from './queries';

const SYSTEM = { actorId: null, actorName: 'hệ thống' };

export interface AdminBootstrap {
  created: boolean;
  /** Only when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/** Creates `admin` on first start, with ADMIN_PASSWORD or a generated password. */
export async function ensureAdmin(db: Db, password?: string): Promise<AdminBootstrap> {
  if (await usernameTaken(db, 'admin')) return { created: false };
  const generated = password ? undefined : `Hd-${randomBytes(9).toString('base64url')}7`;
  const hash = await hashPassword(password ?? generated!);
  await db.transaction(async (tx) => {
    const rootId = await selectRootUnitId(tx);
    if (!rootId) throw new Error('Chưa có đơn vị gốc: hãy nạp cơ cấu tổ chức trước khi tạo quản trị');
    const id = await insertUser(tx, { username: 'admin', password_hash: hash, full_name: 'Quản trị hệ thống', role: 'admin', unit_id: rootId });
    await recordAudit(tx, SYSTEM, { action: 'create', entity: 'user', entityId: id, after: { username: 'admin', role: 'admin' } });
  });
  return { created: true, generatedPassword: generated };
}

