import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../audit';
import { hashPassword } from '../auth/service';

const SYSTEM = { actorId: null, actorName: 'hệ thống' };

export interface AdminBootstrap {
  created: boolean;
  /** Only when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/** Creates `admin` on first start, with ADMIN_PASSWORD or a generated password. */
export async function ensureAdmin(db: Db, password?: string): Promise<AdminBootstrap> {
  const existing = await db.query('select 1 from users where lower(username) = $1', ['admin']);
  if (existing.length) return { created: false };
  const generated = password ? undefined : `Hd-${randomBytes(9).toString('base64url')}7`;
  const hash = await hashPassword(password ?? generated!);
  await db.transaction(async (tx) => {
    const root = (await tx.query<{ id: string }>('select id from units where parent_id is null order by valid_to is not null, valid_from limit 1'))[0];
    if (!root) throw new Error('Chưa có đơn vị gốc: hãy nạp cơ cấu tổ chức trước khi tạo quản trị');
    const rows = await tx.query<{ id: string }>(
      `insert into users (username, password_hash, full_name, role, unit_id) values ('admin', $1, 'Quản trị hệ thống', 'admin', $2) returning id`,
      [hash, root.id],
    );
    await recordAudit(tx, SYSTEM, { action: 'create', entity: 'user', entityId: rows[0]!.id, after: { username: 'admin', role: 'admin' } });
  });
  return { created: true, generatedPassword: generated };
}

