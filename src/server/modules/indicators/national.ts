import { NATIONAL_CATALOGUES, nationalCatalogue, type NationalCatalogue } from '../../../core/indicators/national-catalogues';
import { foldVietnamese } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { insertCatalogue } from './catalogue';

/** What the catalogue screen offers to load, with the sources and what they do not give. */
export function presentNationalCatalogue(c: NationalCatalogue) {
  return {
    code: c.code,
    name: c.name,
    issuer: c.issuer,
    documentRef: c.documentRef,
    validFrom: c.validFrom,
    validTo: c.validTo,
    validityNote: c.validityNote,
    sources: c.sources,
    pillars: c.pillars,
    indicators: c.indicators.map((i) => ({ code: i.code, name: i.name, planPillar: i.planPillar, pillar: i.productPillar })),
    missing: c.missing,
    loadable: c.indicators.length > 0,
  };
}

export function listNationalCatalogues() {
  return NATIONAL_CATALOGUES.map(presentNationalCatalogue);
}

/**
 * Loads a national catalogue as an indicator catalogue of this province: its pillars, its
 * sourced indicators (scores of a yearly index, combined over units by mean, over time by the
 * last value), its validity and sources. Nothing beyond the data file is invented: a catalogue
 * whose indicators could not be sourced is refused with the reason.
 */
export async function loadNationalCatalogue(deps: Deps, ctx: AuditContext, code: string) {
  const def = nationalCatalogue(code);
  if (!def) throw notFound('bộ chỉ số quốc gia');
  if (def.indicators.length === 0) {
    throw new AppError('VALIDATION', `Chưa nạp được "${def.name}": ${def.missing}`, 'code');
  }
  const rows = def.indicators.map((ind, i) => ({
    code: ind.code,
    name: ind.name,
    name_folded: foldVietnamese(ind.name),
    pillar: ind.productPillar,
    plan_pillar: ind.planPillar,
    sort_order: i + 1,
  }));
  return deps.db.transaction(async (tx) => {
    const created = await insertCatalogue(tx, ctx, {
      code: def.code,
      name: def.name,
      issuer: def.issuer,
      documentRef: def.documentRef,
      validFrom: def.validFrom,
      validTo: def.validTo,
      pillars: [...def.pillars],
      sources: [...def.sources],
      note: `${def.validityNote} ${def.missing}`,
    });
    const taken = await tx.query<{ code: string }>('select code from indicators where code = any($1::text[])', [rows.map((r) => r.code)]);
    if (taken.length) throw new AppError('DUPLICATE', `Mã chỉ số đã có: ${taken.map((t) => t.code).join(', ')}`, 'code');
    await tx.query(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, plan_pillar, unit_of_measure, kind, unit_rule, time_rule, direction,
                               periodicity, source_agency, description, sort_order, valid_from, valid_to)
       select $2, r.code, r.name, r.name_folded, r.pillar, r.plan_pillar, 'chỉ số (0–1)', 'raw', 'mean', 'last', 'higher_better',
              'year', $3, $4, r.sort_order, $5, $6
         from jsonb_to_recordset($1::jsonb) as r(code text, name text, name_folded text, pillar text, plan_pillar text, sort_order int)`,
      [JSON.stringify(rows), created.id, def.issuer, `Chỉ số chính của ${def.documentRef}. Nguồn: ${def.sources.join(' ; ')}`, def.validFrom, def.validTo],
    );
    await recordAudit(tx, ctx, { action: 'create', entity: 'indicator', entityId: created.id, after: { catalogue: def.code, indicators: rows.length } });
    return { id: created.id, code: def.code, indicators: rows.length };
  });
}
