import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { notFound } from '../../errors';
import type { Upload } from '../../uploads';
import { checkGeoJson } from './geojson';
import { activeMap, mappableUnits } from './queries';

/** Replaces the active map with a checked upload; the previous one is kept, inactive, for the record. */
export async function uploadMap(deps: Deps, ctx: AuditContext, upload: Upload) {
  const checked = checkGeoJson(upload.buffer, await mappableUnits(deps.db), upload.fields.nameProperty);
  return deps.db.transaction(async (tx) => {
    const before = await tx.query<{ id: string; filename: string }>('update dashboard_maps set active = false where active returning id, filename');
    const [row] = await tx.query<{ id: string }>(
      `insert into dashboard_maps (filename, name_property, geojson, feature_count, matched_count, unmatched, size_bytes, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [upload.filename, checked.nameProperty, JSON.stringify(checked.geojson), checked.featureCount, checked.matchedCount, checked.unmatched, upload.buffer.length, ctx.actorId],
    );
    await recordAudit(tx, ctx, {
      action: 'upload',
      entity: 'dashboard_map',
      entityId: row!.id,
      before: before[0] ?? null,
      after: { filename: upload.filename, nameProperty: checked.nameProperty, features: checked.featureCount, matched: checked.matchedCount, unmatched: checked.unmatched },
    });
    return { map: await activeMap(tx) };
  });
}

export async function removeMap(deps: Deps, ctx: AuditContext) {
  return deps.db.transaction(async (tx) => {
    const before = await tx.query<{ id: string; filename: string }>('update dashboard_maps set active = false where active returning id, filename');
    if (before.length === 0) throw notFound('bản đồ đang dùng');
    await recordAudit(tx, ctx, { action: 'delete', entity: 'dashboard_map', entityId: before[0]!.id, before: before[0] });
    return { ok: true };
  });
}
