import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import { auditContext, authorize, type Deps } from '../../context';
import { notFound } from '../../errors';
import { ZIsoDate, ZName } from '../../../contracts/common';

export async function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/holidays', {
    schema: { tags: ['calendar'], summary: 'Ngày nghỉ lễ, Tết', querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  }, async (req) => {
    authorize(req, 'system.read');
    const rows = await deps.db.query<{ date: string; name: string }>(
      `select date, name from holidays where $1::int is null or extract(year from date) = $1 order by date`,
      [req.query.year ?? null],
    );
    return rows;
  });

  r.put('/api/holidays/:date', {
    schema: { tags: ['calendar'], summary: 'Thêm hoặc sửa ngày nghỉ', params: z.strictObject({ date: ZIsoDate }), body: z.strictObject({ name: ZName }) },
  }, async (req) => {
    authorize(req, 'calendar.manage');
    return deps.db.transaction(async (tx) => {
      const before = (await tx.query<{ date: string; name: string }>('select date, name from holidays where date = $1', [req.params.date]))[0];
      await tx.query('insert into holidays (date, name) values ($1, $2) on conflict (date) do update set name = excluded.name, updated_at = now()', [req.params.date, req.body.name]);
      const after = { date: req.params.date, name: req.body.name };
      await recordAudit(tx, auditContext(req), { action: before ? 'update' : 'create', entity: 'holiday', entityId: req.params.date, before, after });
      return after;
    });
  });

  r.delete('/api/holidays/:date', {
    schema: { tags: ['calendar'], summary: 'Xoá ngày nghỉ', params: z.strictObject({ date: ZIsoDate }) },
  }, async (req) => {
    authorize(req, 'calendar.manage');
    return deps.db.transaction(async (tx) => {
      const before = (await tx.query<{ date: string; name: string }>('delete from holidays where date = $1 returning date, name', [req.params.date]))[0];
      if (!before) throw notFound('ngày nghỉ');
      await recordAudit(tx, auditContext(req), { action: 'delete', entity: 'holiday', entityId: req.params.date, before });
      return { ok: true };
    });
  });
}
