import { randomBytes } from 'node:crypto';
import { addDays, formatVnDate } from '../../../core/calendar/dates';
import { toInstant, vnDateOfInstant } from '../../../core/calendar/timestamps';
import { PANEL_KEYS, type TAttentionPayload, type TPanelKey, type TUnitsPayload } from '../../../contracts/dashboard';
import { UNIT_SCOPED_PANELS, type TEmbedLink, type TEmbedLinkCreate, type TEmbedLinkCreated, type TEmbedPanel, type TEmbedSettings } from '../../../contracts/embeds';
import { getSetting, setSetting } from '../../app-settings';
import { recordAudit, type AuditContext } from '../../audit';
import { today, type Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { hashToken } from '../auth/sessions';
import { PANEL_TITLE_VI } from '../dashboard/export';
import { defaultYear, storedPanel } from '../dashboard/service';
import { countEmbedView, insertEmbedLink, revokeEmbedLink, selectEmbedLink, selectEmbedLinkByHash, selectEmbedLinks, selectSubtreeIds, selectUnitName, type EmbedLinkRow } from './queries';

/** Embed secrets are told apart from API tokens (hd_) and sessions at a glance. */
const TOKEN_PREFIX = 'he_';
const ORIGINS_SETTING = 'embed.origins';

const panelName = (key: string) => (PANEL_KEYS as readonly string[]).includes(key) ? `«${PANEL_TITLE_VI[key as TPanelKey].toLowerCase()}»` : `«${key}»`;

export function presentEmbedLink(r: EmbedLinkRow): TEmbedLink {
  return {
    id: r.id,
    label: r.label,
    prefix: r.prefix,
    panelKey: r.panel_key as TPanelKey,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    expiresAt: new Date(r.expires_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    viewCount: r.view_count,
    lastViewedAt: r.last_viewed_at ? new Date(r.last_viewed_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
  };
}

export const embedPath = (key: string, token: string, unitId: string | null) => `/embed/${key}/${token}${unitId ? `?unit=${unitId}` : ''}`;

export async function listEmbedLinks(deps: Deps): Promise<TEmbedLink[]> {
  return (await selectEmbedLinks(deps.db)).map(presentEmbedLink);
}

/** A random 32-byte secret of which only the sha-256 is kept; the link is in this answer and nowhere else. */
export async function createEmbedLink(deps: Deps, ctx: AuditContext, input: TEmbedLinkCreate): Promise<TEmbedLinkCreated> {
  const day = today(deps);
  if (input.expiresOn <= day) throw new AppError('VALIDATION', 'Ngày hết hạn phải sau hôm nay', 'expiresOn');
  if (input.expiresOn > addDays(day, 366)) throw new AppError('VALIDATION', 'Liên kết nhúng có hạn tối đa một năm', 'expiresOn');
  if (input.unitId && !(UNIT_SCOPED_PANELS as readonly string[]).includes(input.panelKey)) {
    throw new AppError('VALIDATION', `Khối ${panelName(input.panelKey)} là số liệu toàn thành phố, không giới hạn theo đơn vị được; chỉ khối bản đồ đơn vị và đơn vị cần lưu ý có phạm vi đơn vị`, 'unitId');
  }
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const label = input.label.trim();
  const id = await deps.db.transaction(async (tx) => {
    if (input.unitId && !(await selectUnitName(tx, input.unitId))) throw new AppError('VALIDATION', 'Không tìm thấy đơn vị', 'unitId');
    const linkId = await insertEmbedLink(tx, {
      label,
      token_hash: hashToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      panel_key: input.panelKey,
      unit_id: input.unitId ?? null,
      expires_at: new Date(toInstant(input.expiresOn, 'end') + 1).toISOString(),
      created_by: ctx.actorId,
      created_at: deps.now().toISOString(),
    });
    await recordAudit(tx, ctx, { action: 'create', entity: 'embed_link', entityId: linkId, after: { label, panelKey: input.panelKey, unitId: input.unitId ?? null, expiresOn: input.expiresOn } });
    return linkId;
  });
  const row = (await selectEmbedLink(deps.db, id))!;
  return { ...presentEmbedLink(row), path: embedPath(row.panel_key, secret, row.unit_id) };
}

export async function revokeEmbed(deps: Deps, ctx: AuditContext, id: string): Promise<TEmbedLink> {
  await deps.db.transaction(async (tx) => {
    const before = await selectEmbedLink(tx, id);
    if (!before) throw notFound('liên kết nhúng');
    if (!(await revokeEmbedLink(tx, id, deps.now().toISOString()))) return;
    await recordAudit(tx, ctx, { action: 'revoke', entity: 'embed_link', entityId: id, before: { label: before.label, panelKey: before.panel_key } });
  });
  return presentEmbedLink((await selectEmbedLink(deps.db, id))!);
}

export async function getEmbedSettings(deps: Deps): Promise<TEmbedSettings> {
  const origins = await getSetting<string[]>(deps.db, ORIGINS_SETTING);
  return { origins: Array.isArray(origins) ? origins : [], envOrigins: deps.config.EMBED_ORIGINS };
}

export async function setEmbedSettings(deps: Deps, ctx: AuditContext, origins: readonly string[]): Promise<TEmbedSettings> {
  const next = [...new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()))];
  await deps.db.transaction(async (tx) => {
    const before = await getSetting<string[]>(tx, ORIGINS_SETTING);
    await setSetting(tx, ORIGINS_SETTING, next);
    await recordAudit(tx, ctx, { action: 'update', entity: 'embed_settings', before: { origins: before ?? [] }, after: { origins: next } });
  });
  return getEmbedSettings(deps);
}

/** The CSP frame-ancestors of an embedded panel's page: the allowlist, or 'none' when it is empty. */
export async function frameAncestors(deps: Deps): Promise<string> {
  const s = await getEmbedSettings(deps);
  const all = [...new Set([...s.envOrigins, ...s.origins])];
  return all.length ? all.join(' ') : "'none'";
}

/** Refusals name what is wrong with the link, so the other centre's operator knows whom to ask. */
export async function verifyEmbed(deps: Deps, key: string, token: string, unit: string | undefined): Promise<EmbedLinkRow> {
  const refuse = (message: string) => new AppError('FORBIDDEN', message);
  const link = token.startsWith(TOKEN_PREFIX) ? await selectEmbedLinkByHash(deps.db, hashToken(token)) : undefined;
  if (!link) throw refuse('Liên kết nhúng không hợp lệ: mã bí mật không đúng hoặc liên kết đã bị sửa. Hãy xin quản trị hệ thống Hải Đăng cấp liên kết mới.');
  if (link.revoked_at) throw refuse(`Liên kết nhúng «${link.label}» đã bị thu hồi ngày ${formatVnDate(vnDateOfInstant(Date.parse(new Date(link.revoked_at).toISOString())))}.`);
  const expires = Date.parse(new Date(link.expires_at).toISOString());
  if (deps.now().getTime() >= expires) throw refuse(`Liên kết nhúng «${link.label}» đã hết hạn sau ngày ${formatVnDate(vnDateOfInstant(expires - 1))}.`);
  if (link.panel_key !== key) throw refuse(`Liên kết này chỉ dùng cho khối ${panelName(link.panel_key)}, không dùng cho khối ${panelName(key)}.`);
  if ((unit ?? null) !== link.unit_id) {
    throw refuse(link.unit_id ? `Liên kết này chỉ dùng cho phạm vi đơn vị «${link.unit_name}».` : 'Liên kết này dùng cho toàn thành phố, không dùng cho phạm vi một đơn vị.');
  }
  return link;
}

/** Each view of an embedded page: counted on the link and written to the audit log under its name. */
export async function recordEmbedView(deps: Deps, link: EmbedLinkRow, ip: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await countEmbedView(tx, link.id, deps.now().toISOString());
    await recordAudit(tx, { actorId: null, actorName: `embed:${link.label}`.slice(0, 120), ip }, { action: 'embed_view', entity: 'embed_link', entityId: link.id, after: { panelKey: link.panel_key, unitId: link.unit_id } });
  });
}

export async function recordEmbedRefusal(deps: Deps, ip: string, path: string, message: string): Promise<void> {
  // The secret is never written down: only the panel part of the path.
  await recordAudit(deps.db, { actorId: null, actorName: 'embed', ip }, { action: 'embed_refused', entity: 'embed_link', after: { panel: path.split('/')[2] ?? null, message } });
}

/** The panel's stored figures; a unit-scoped link sees only its unit's subtree. */
export async function embedPanel(deps: Deps, link: EmbedLinkRow): Promise<TEmbedPanel> {
  const year = await defaultYear(deps);
  const panel = await storedPanel(deps, link.province_id, year, link.panel_key as TPanelKey);
  if (!panel) throw notFound('khối số liệu');
  let payload = panel.payload;
  if (link.unit_id && payload) {
    const ids = new Set(await selectSubtreeIds(deps.db, link.unit_id));
    if (panel.key === 'units') {
      const p = payload as TUnitsPayload;
      payload = { ...p, units: p.units.filter((u) => ids.has(u.id)) };
    } else if (panel.key === 'attention') {
      const p = payload as TAttentionPayload;
      payload = { ...p, items: p.items.filter((i) => ids.has(i.unitId)) };
    }
  }
  const t = today(deps);
  const end = `${year}-12-31`;
  return {
    label: link.label,
    year,
    asOf: t < end ? t : end,
    unit: link.unit_id ? { id: link.unit_id, name: link.unit_name ?? '' } : null,
    panel: { ...panel, payload },
  };
}
