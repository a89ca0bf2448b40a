/**
 * Canonical forms of unit names, so that two spellings of one body meet ("Sở TT&TT",
 * "Sở Thông tin và Truyền thông"), registry matching, and the group a phrase stands for.
 */
import { foldVietnamese } from '../text/fold';
import { DEPARTMENT_NAMES } from './unit-lexicon';


const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\buy ban(?! nhan dan)(?= (?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong|thi tran|cac)\b)/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bdbqh\b/g, 'dai bieu quoc hoi'],
  [/\bvp\b/g, 'van phong'],
  [/\btp\b/g, 'thanh pho'],
  [/\btt ?& ?tt\b|\btt-tt\b|\btttt\b|\btt va tt\b/g, 'thong tin va truyen thong'],
  [/\bkh ?& ?dt\b|\bkhdt\b|\bkh va dt\b/g, 'ke hoach va dau tu'],
  [/\bgd ?& ?dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\bkh ?[&-] ?cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bnn ?- ?mt\b/g, 'nong nghiep va moi truong'],
  [/\bgd ?- ?dt\b/g, 'giao duc va dao tao'],
  [/\bkh ?- ?dt\b/g, 'ke hoach va dau tu'],
  [/\btn ?- ?mt\b/g, 'tai nguyen va moi truong'],
  [/\bvh ?- ?tt ?[&-] ?dl\b|\bvhtt ?- ?dl\b/g, 'van hoa the thao va du lich'],
  [/\bnn ?- ?ptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\btn ?& ?mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn ?& ?ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bnn ?& ?mt\b/g, 'nong nghiep va moi truong'],
  [/\bld ?-? ?tb ?& ?xh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bgtvt\b/g, 'giao thong van tai'],
  [/\bvh ?, ?tt ?& ?dl\b|\bvhtt ?& ?dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bvh ?& ?tt\b/g, 'van hoa va the thao'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\bcds\b/g, 'chuyen doi so'],
];

const TITLE_FOLDED = /^(?:thu truong|pho giam doc|giam doc|pho chu tich|chu tich|chanh|truong ban|lanh dao|nguoi dung dau|chi huy truong) /;

/** Folded, abbreviations spelled out, punctuation dropped: two spellings of a name meet here. */
export function canonicalUnitName(s: string): string {
  let f = foldVietnamese(s).replace(/[–—]/g, '-');
  for (const [re, rep] of ABBREVIATIONS) f = f.replace(re, rep);
  f = f.replace(/&/g, ' va ').replace(/[-,;.:()"“”]/g, ' ').replace(/\s+/g, ' ').trim();
  return f;
}

/** Canonical name without a leading personal title and without the trailing province/city. */
export function coreUnitName(s: string): string {
  return canonicalUnitName(s)
    .replace(TITLE_FOLDED, '')
    .replace(/ (?:tinh|thanh pho)(?: [a-z ]+)?$/, '')
    .trim();
}

function initials(canonical: string): string {
  return canonical
    .split(' ')
    .filter((w) => w !== 'va' && w !== '')
    .map((w) => w[0] ?? '')
    .join('');
}

function tokenDice(a: string, b: string): number {
  const ta = new Set(a.split(' ').filter(Boolean));
  const tb = new Set(b.split(' ').filter(Boolean));
  if (!ta.size || !tb.size) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return (2 * inter) / (ta.size + tb.size);
}

/** How well two spellings name the same body, in [0, 1]. */
export function unitNameSimilarity(a: string, b: string): number {
  const ca = canonicalUnitName(a);
  const cb = canonicalUnitName(b);
  if (!ca || !cb) return 0;
  if (ca === cb) return 1;
  const ka = coreUnitName(a);
  const kb = coreUnitName(b);
  if (ka && ka === kb) return 0.95;
  const compactA = ca.replace(/ /g, '');
  const compactB = cb.replace(/ /g, '');
  if (!ca.includes(' ') && compactA.length >= 3 && (compactA === initials(cb) || compactA === initials(kb))) return 0.9;
  if (!cb.includes(' ') && compactB.length >= 3 && (compactB === initials(ca) || compactB === initials(ka))) return 0.9;
  const headA = ka.split(' ')[0];
  const headB = kb.split(' ')[0];
  if (headA !== headB) return 0;
  return 0.85 * tokenDice(ka, kb);
}

export type TRegistryUnit = { id: string; name: string; aliases: string[] };

/** The registry unit a mention names, or null; group phrases never match one unit. */
export function matchUnit<T extends TRegistryUnit>(mention: string, registry: T[]): T | null {
  if (expandGroup(mention) !== null) return null;
  let best: T | null = null;
  let bestScore = 0;
  for (const unit of registry) {
    for (const name of [unit.name, ...unit.aliases]) {
      const score = unitNameSimilarity(mention, name);
      if (score > bestScore) {
        bestScore = score;
        best = unit;
      }
    }
  }
  return bestScore >= 0.75 ? best : null;
}

export type TGroupKey =
  | 'all_departments_and_localities'
  | 'all_departments'
  | 'all_districts'
  | 'all_communes'
  | 'all_agencies'
  | 'related_agencies'
  | 'steering_committee'
  | 'press_agencies';

/**
 * The group a phrase stands for, or null when it names one body. The server expands a
 * key to the members valid on the document's date.
 */
export function expandGroup(mention: string): TGroupKey | null {
  // What a group is "under" ("… trực thuộc Bộ X") does not change which kind of members it has.
  const f = canonicalUnitName(mention)
    .replace(TITLE_FOLDED, '')
    .replace(/ (?:truc thuoc|thuoc) .*$/, '');
  const isGroup = /(?:^| )cac /.test(` ${f}`) || /(?:co quan|don vi) (?:co )?lien quan/.test(f) || /uy ban nhan dan cap /.test(f);
  if (!isGroup) return null;
  const localities = /(?<!lien |co )\bquan\b|\b(?:huyen|thi xa|dia phuong|cac cap|cap huyen|phuong|thi tran|dac khu)\b|\bxa\b(?! hoi)/.test(f);
  const communesOnly = /\b(?:xa|phuong|thi tran|cap xa)\b/.test(f) && !/(?<!lien |co )\bquan\b|\b(?:huyen|thi xa|cap huyen)\b/.test(f);
  const departments = /\b(?:so|nganh|bo)\b/.test(f) || /(?<!uy )\bban\b(?! chi dao)/.test(f);
  const agencies = /\b(?:co quan|don vi)\b/.test(f);
  if (/cac cap/.test(f) && /nganh/.test(f)) return 'all_departments_and_localities';
  if (departments && localities) return 'all_departments_and_localities';
  if (agencies && /dia phuong/.test(f)) return 'all_departments_and_localities';
  if (/uy ban nhan dan/.test(f) || /cong an cac/.test(f) || (localities && !departments && !agencies)) {
    return communesOnly ? 'all_communes' : 'all_districts';
  }
  if (/co quan bao chi/.test(f)) return 'press_agencies';
  if (departments) return 'all_departments';
  if (/thanh vien ban chi dao/.test(f)) return 'steering_committee';
  if (agencies) return /lien quan/.test(f) ? 'related_agencies' : 'all_agencies';
  return null;
}

/** "SỞ TÀI CHÍNH" → "Sở Tài chính" when the department is in the lexicon, else null. */
export function recaseDepartment(upper: string): string | null {
  const m = /^(sở|bộ)\s+(.+)$/iu.exec(upper.trim());
  if (!m) return null;
  const folded = foldVietnamese(m[2] ?? '');
  const name = DEPARTMENT_NAMES.find((n) => foldVietnamese(n) === folded);
  if (!name) return null;
  return `${(m[1] ?? '').toLowerCase() === 'sở' ? 'Sở' : 'Bộ'} ${name}`;
}
