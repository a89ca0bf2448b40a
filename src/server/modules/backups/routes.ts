import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZBackupFile, ZBackupList, type TBackupFile, type TBackupList } from '../../../contracts/backups';
import { recordAudit } from '../../audit';
import { auditContext, authorize, type Deps } from '../../context';
import { backupOverview, describeBackup, takeBackup } from './service';

export async function backupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['backups'];

  r.get('/api/backups', {
    schema: { tags, summary: 'Các bản sao lưu trong BACKUP_DIR: kích thước, thời điểm, số dòng từng bảng; lần sao lưu định kỳ gần nhất', response: { 200: ZBackupList } },
  }, async (req): Promise<TBackupList> => {
    authorize(req, 'backup.manage');
    return backupOverview(deps);
  });

  r.post('/api/backups', {
    schema: { tags, summary: 'Sao lưu ngay vào BACKUP_DIR (trên PGlite, cơ sở dữ liệu bận trong lúc sao lưu)', response: { 201: ZBackupFile } },
  }, async (req, reply): Promise<TBackupFile> => {
    authorize(req, 'backup.manage');
    const b = await takeBackup(deps, deps.now());
    const file = describeBackup(b);
    await recordAudit(deps.db, auditContext(req), { action: 'backup', entity: 'backup', entityId: file.name, after: { rows: file.rows, sizeBytes: file.sizeBytes } });
    reply.status(201);
    return file;
  });
}
