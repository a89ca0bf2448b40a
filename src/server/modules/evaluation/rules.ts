import { assertRuleSet, ruleSetInForce, type RuleSet } from '../../../core/evaluation/rule-set';
import { vnToday } from '../../../core/calendar/timestamps';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import type { RuleSetView, RulesView } from '../../../contracts/evaluation';
import { insertRuleSet, listRuleSetRows, presentRuleSet, ruleSetExists, toRuleSet } from './queries';

/** Every rule set, each flagged when it is the one in force today for its level. */
export async function rulesView(deps: Pick<Deps, 'db' | 'now'>): Promise<RulesView> {
  const today = vnToday(deps.now());
  const rows = await listRuleSetRows(deps.db);
  const current = new Set(
    (['city', 'commune'] as const).map((level) => ruleSetInForce(rows.map((r) => ({ ...toRuleSet(r), id: r.id })), level, today)?.id).filter(Boolean),
  );
  return { ruleSets: rows.map((r) => presentRuleSet(toRuleSet(r), r.id, current.has(r.id))) };
}

/**
 * A new rule set, or a new version of one (same code, later validFrom): history is rows, never
 * overwritten, and a run keeps a copy of the one it applied.
 */
export async function createRuleSet(deps: Pick<Deps, 'db' | 'now'>, ctx: AuditContext, input: RuleSet): Promise<RuleSetView> {
  const rs: RuleSet = { ...input, name: normalizeText(input.name), criteria: input.criteria.map((c) => ({ ...c, name: normalizeText(c.name) })) };
  try {
    assertRuleSet(rs);
  } catch (e) {
    throw new AppError('VALIDATION', (e as Error).message, 'classRules');
  }
  const id = await deps.db.transaction(async (tx) => {
    if (await ruleSetExists(tx, rs.code, rs.validFrom)) {
      throw new AppError('DUPLICATE', `Bộ quy tắc «${rs.code}» đã có phiên bản áp dụng từ ngày ${rs.validFrom}.`, 'validFrom');
    }
    const newId = await insertRuleSet(tx, rs, ctx.actorId);
    await recordAudit(tx, ctx, { action: 'create', entity: 'evaluation_rule_set', entityId: newId, after: rs });
    return newId;
  });
  return presentRuleSet(rs, id, false);
}
