import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can, type Action } from '../../../core/auth/policy';
import { foldVietnamese } from '../../../core/text/fold';
import { readReach, requireActor, type Deps, type SessionActor } from '../../context';
import { SEARCH_KINDS, ZSearchQuery, ZSearchResult, type SearchKind, type TSearchResult } from '../../../contracts/search';
import { likePatterns, searchKind } from './queries';

/** The policy action that lets a person read each kind, and the kinds read within a unit scope. */
const READ_ACTION: Record<SearchKind, Action> = {
  task: 'task.read',
  document: 'document.read',
  project: 'project.read',
  indicator: 'indicator.read',
  unit: 'unit.read',
};

/**
 * The kinds this person may search, each with the units it is limited to (null: everything).
 * Province-wide readers read every task and project of their province; a unit's staff those
 * their units take part in; the national role everything (readReach, as the lists do).
 */
function searchable(actor: SessionActor): Array<{ kind: SearchKind; scope: string[] | null }> {
  return SEARCH_KINDS.flatMap((kind): Array<{ kind: SearchKind; scope: string[] | null }> => {
    const action = READ_ACTION[kind];
    if (!can(actor, action, { unitId: '*' }) && !can(actor, action, { unitId: actor.unitId })) return [];
    const reach = readReach(actor, action);
    return [{ kind, scope: reach ? [...reach] : null }];
  });
}

export async function searchRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/search', {
    schema: { tags: ['search'], summary: 'Tìm một lần trong nhiệm vụ, văn bản, dự án, chỉ số và đơn vị (gõ không dấu cũng được)', querystring: ZSearchQuery, response: { 200: ZSearchResult } },
  }, async (req): Promise<TSearchResult> => {
    const actor = requireActor(req);
    const words = foldVietnamese(req.query.q).split(' ').filter(Boolean).slice(0, 8);
    const patterns = likePatterns(words);
    const groups = await Promise.all(
      searchable(actor).map(async ({ kind, scope }) => {
        const rows = await searchKind(deps.db, kind, patterns, req.query.limit, scope, actor.province === null ? null : actor.provinceId);
        return { kind, total: rows[0]?.total ?? 0, items: rows.map((x) => ({ id: x.id, title: x.title, detail: x.detail })) };
      }),
    );
    return { q: req.query.q, groups };
  });
}
