/**
 * Who a clause names as lead: one body, a group phrase kept as written, or several named
 * bodies that each lead their own copy of the task. The issuing People's Committee never
 * leads: it is the one giving the task.
 */
import { canonicalUnitName, mentionName, type TUnitChain } from './units';

export type TAssignmentContext = {
  documentDate: string | null;
  /** Issuing body, e.g. "Ủy ban nhân dân thành phố Hải Phòng". */
  issuer: string | null;
  /** Place of issue, e.g. "Hải Phòng". */
  place: string | null;
  /** The bodies of "Kính gửi", who lead an instruction that names nobody. */
  addressees?: TLead[];
};

export type TLead = { text: string; kind: 'unit' | 'group'; canonical: string };

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function leadOf(text: string, chain: TUnitChain): TLead {
  const only = chain.mentions.length === 1 ? chain.mentions[0] : undefined;
  const leadText = only ? mentionName(only, text) : collapse(text.slice(chain.start, chain.end));
  const kind = !only || only.kind === 'group' ? 'group' : 'unit';
  return { text: leadText, kind, canonical: canonicalUnitName(leadText) };
}

/**
 * A task has exactly one lead unit (QĐ 42/2014). Every named body leads its own copy ("Giao
 * Sở A, Sở B, Đài C …" gives three); group phrases separated by ";" or "và" lead one copy
 * each ("Yêu cầu Thủ trưởng các cơ quan, đơn vị thuộc tỉnh; Chủ tịch UBND các huyện …"
 * gives two); group phrases joined by commas stay one lead, as written ("Thủ trưởng các
 * sở, ban, ngành, Chủ tịch UBND các quận, huyện"), as the seeds' gold has them.
 */
export function leadsOf(text: string, chain: TUnitChain): TLead[] {
  const out: TLead[] = [];
  let group: string[] = [];
  const flush = (): void => {
    if (!group.length) return;
    const written = group.join(', ');
    out.push({ text: written, kind: 'group', canonical: canonicalUnitName(written) });
    group = [];
  };
  chain.mentions.forEach((m, i) => {
    if (m.kind === 'unit') {
      flush();
      const name = mentionName(m, text);
      out.push({ text: name, kind: 'unit', canonical: canonicalUnitName(name) });
      return;
    }
    const previous = chain.mentions[i - 1];
    const joinedByComma = previous?.kind === 'group' && /^\s*,\s*$/.test(text.slice(previous.end, m.start));
    if (!joinedByComma) flush();
    group.push(m.text);
  });
  flush();
  return out;
}

/**
 * The issuing People's Committee (or its chair) speaking of itself. An office that only
 * issues a leader's conclusions (Văn phòng Chính phủ, Văn phòng UBND) can still be assigned.
 */
export function isIssuer(text: string, chain: TUnitChain, ctx: TAssignmentContext): boolean {
  if (chain.mentions.length !== 1) return false;
  const m = chain.mentions[0];
  if (!m || m.kind === 'group') return false;
  const name = canonicalUnitName(text.slice(m.start, m.end)).replace(/^(?:pho )?chu tich (?:thuong truc )?/, '');
  if (name === 'uy ban nhan dan') return true;
  const issuer = ctx.issuer ? canonicalUnitName(ctx.issuer) : null;
  if (issuer && name === issuer && !issuer.startsWith('van phong ')) return true;
  const provincial = /^uy ban nhan dan (?:tinh|thanh pho)(?: (.+))?$/.exec(name);
  if (!provincial) return false;
  const place = provincial[1];
  if (!place) return true;
  return (ctx.place !== null && place === canonicalUnitName(ctx.place)) || (issuer !== null && issuer.endsWith(` ${place}`));
}
