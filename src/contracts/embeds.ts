import { z } from 'zod';
import { ZPanelKey, ZPanelMeta } from './dashboard';
import { ZId, ZInstant, ZIsoDate, ZName, ZUnitRef } from './common';

/** Panels whose figures are per unit: only these can be narrowed to a unit's subtree. */
export const UNIT_SCOPED_PANELS = ['units', 'attention'] as const;

export const ZEmbedLinkCreate = z.strictObject({
  label: ZName.pipe(z.string().max(100, 'Tên quá dài (tối đa 100 ký tự)')),
  panelKey: ZPanelKey,
  /** Narrows the panel to this unit and its subtree; the whole city when absent. */
  unitId: ZId.optional(),
  /** The last day the link works (Vietnam time), at most a year ahead. */
  expiresOn: ZIsoDate,
});
export type TEmbedLinkCreate = z.input<typeof ZEmbedLinkCreate>;

export const ZEmbedLinkParams = z.strictObject({ id: ZId });

export const ZEmbedLink = z.object({
  id: z.string(),
  label: z.string(),
  /** The first characters of the secret, to tell links apart; the rest is never stored. */
  prefix: z.string(),
  panelKey: ZPanelKey,
  unit: ZUnitRef.nullable(),
  expiresAt: ZInstant,
  revokedAt: ZInstant.nullable(),
  viewCount: z.number().int(),
  lastViewedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  createdBy: z.string().nullable(),
});
export type TEmbedLink = z.infer<typeof ZEmbedLink>;
export const ZEmbedLinkList = z.array(ZEmbedLink);

/** The answer to a creation: the only time the link (and its secret) is shown. */
export const ZEmbedLinkCreated = ZEmbedLink.extend({
  /** Path of the page to put in an iframe, e.g. /embed/tasks/he_…?unit=…; prefix it with the server's address. */
  path: z.string(),
});
export type TEmbedLinkCreated = z.infer<typeof ZEmbedLinkCreated>;

/** Origins allowed to frame an embedded panel: the administrator's list plus EMBED_ORIGINS. */
export const ZEmbedOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Nguồn phải có dạng https://ten-mien hoặc http://ten-mien:cong (không có đường dẫn)');

export const ZEmbedSettingsUpdate = z.strictObject({
  origins: z.array(ZEmbedOrigin).max(20, 'Tối đa 20 nguồn'),
});
export type TEmbedSettingsUpdate = z.input<typeof ZEmbedSettingsUpdate>;

export const ZEmbedSettings = z.object({
  /** Set in the admin screen. */
  origins: z.array(z.string()),
  /** Set by the deployment (EMBED_ORIGINS); shown, not editable here. */
  envOrigins: z.array(z.string()),
});
export type TEmbedSettings = z.infer<typeof ZEmbedSettings>;

// ─── The embedded page's own API (no session: the link's secret is the credential) ───

export const ZEmbedViewParams = z.strictObject({ key: z.string().max(40), token: z.string().max(200) });
export const ZEmbedViewQuery = z.strictObject({ unit: z.string().max(64).optional() });

export const ZEmbedPanel = z.object({
  label: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  unit: ZUnitRef.nullable(),
  panel: ZPanelMeta.extend({ payload: z.unknown() }),
});
export type TEmbedPanel = z.infer<typeof ZEmbedPanel>;
