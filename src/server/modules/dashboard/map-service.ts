import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { notFound } from '../../errors';
import type { Upload } from '../../uploads';
import { checkGeoJson } from './geojson';
import { activeMap, deactivateMap, insertMap, mappableUnits } from './queries';
import type { TDashboardMap } from '../../../contracts/dashboard';

/** Replaces the active map with a checked upload; the previous one is kept, inactive, for the record. */
export async function uploadMap(deps: Deps, ctx: AuditContext, upload: Upload): Promise<TDashboardMap> {
  const checked = checkGeoJson(upload.buffer, await mappableUnits(deps.db), upload.fields.nameProperty);
  return deps.db.transaction(async (tx) => {
    const before = await deactivateMap(tx);
    const id = await insertMap(tx, {
      filename: upload.filename,
      name_property: checked.nameProperty,
      geojson: JSON.stringify(checked.geojson),
      feature_count: checked.featureCount,
      matched_count: checked.matchedCount,
      unmatched: checked.unmatched,
      size_bytes: upload.buffer.length,
      uploaded_by: ctx.actorId,
    });
    await recordAudit(tx, ctx, {
      action: 'upload',
      entity: 'dashboard_map',
      entityId: id,
      before: before ?? null,
      after: { filename: upload.filename, nameProperty: checked.nameProperty, features: checked.featureCount, matched: checked.matchedCount, unmatched: checked.unmatched },
    });
    return { map: await activeMap(tx) };
  });
}

export async function removeMap(deps: Deps, ctx: AuditContext): Promise<{ ok: true }> {
  return deps.db.transaction(async (tx) => {
    const before = await deactivateMap(tx);
    if (!before) throw notFound('bản đồ đang dùng');
    await recordAudit(tx, ctx, { action: 'delete', entity: 'dashboard_map', entityId: before.id, before });
    return { ok: true as const };
  });
}
