import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHoliday, ZHolidayInput, ZHolidayList, ZHolidayParams, ZHolidayQuery, ZHolidayRemoved } from '../../../contracts/calendar';
import { auditContext, authorize, type Deps } from '../../context';
import { holidaysOfYear } from './queries';
import { removeHoliday, saveHoliday } from './service';

export async function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/holidays', {
    schema: { tags: ['calendar'], summary: 'Ngày nghỉ lễ, Tết', querystring: ZHolidayQuery, response: { 200: ZHolidayList } },
  }, async (req) => {
    authorize(req, 'system.read');
    return holidaysOfYear(deps.db, req.query.year ?? null);
  });

  r.put('/api/holidays/:date', {
    schema: { tags: ['calendar'], summary: 'Thêm hoặc sửa ngày nghỉ', params: ZHolidayParams, body: ZHolidayInput, response: { 200: ZHoliday } },
  }, async (req) => {
    authorize(req, 'calendar.manage');
    return saveHoliday(deps, auditContext(req), { date: req.params.date, name: req.body.name, working: req.body.working });
  });

  r.delete('/api/holidays/:date', {
    schema: { tags: ['calendar'], summary: 'Xoá ngày nghỉ', params: ZHolidayParams, response: { 200: ZHolidayRemoved } },
  }, async (req) => {
    authorize(req, 'calendar.manage');
    return removeHoliday(deps, auditContext(req), req.params.date);
  });
}
