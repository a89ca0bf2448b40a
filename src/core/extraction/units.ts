/**
 * Unit mentions in Vietnamese administrative text: single bodies ("Sở Tài chính",
 * "Văn phòng UBND tỉnh", "UBND quận Lê Chân") and group phrases ("các Sở, ban, ngành",
 * "UBND các quận, huyện"), found by position so a caller can tell a subject from an
 * object. Department names come from a lexicon because their lower-case words
 * ("Sở Tư pháp khẩn trương …") leave no other clue where the name ends.
 */
import { foldVietnamese } from '../text/fold';
import { looksLikePersonName } from './names';

export type TUnitMention = {
  start: number;
  end: number;
  /** As written, whitespace collapsed. */
  text: string;
  kind: 'unit' | 'group';
  /** End of a leading personal title ("Giám đốc", "Thủ trưởng"), or null. */
  titleEnd: number | null;
};

export type TUnitChain = { start: number; end: number; mentions: TUnitMention[] };

/** Department and ministry names (after "Sở" / "Bộ"), full forms and usual short forms. */
const DEPARTMENT_NAMES: string[] = [
  'Thông tin và Truyền thông',
  'TT&TT',
  'TT và TT',
  'TTTT',
  'TT-TT',
  'Kế hoạch và Đầu tư',
  'KH&ĐT',
  'KHĐT',
  'KH và ĐT',
  'Tài chính',
  'Nội vụ',
  'Tư pháp',
  'Y tế',
  'Xây dựng',
  'Công Thương',
  'Giáo dục và Đào tạo',
  'GD&ĐT',
  'GDĐT',
  'Khoa học và Công nghệ',
  'KH&CN',
  'KHCN',
  'Tài nguyên và Môi trường',
  'TN&MT',
  'TNMT',
  'Nông nghiệp và Phát triển nông thôn',
  'NN&PTNT',
  'NNPTNT',
  'Nông nghiệp và Môi trường',
  'NN&MT',
  'Lao động - Thương binh và Xã hội',
  'Lao động, Thương binh và Xã hội',
  'Lao động Thương binh và Xã hội',
  'LĐ-TB&XH',
  'LĐTB&XH',
  'LĐTBXH',
  'Giao thông vận tải',
  'Giao thông - Vận tải',
  'GTVT',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hoá, Thể thao và Du lịch',
  'VH,TT&DL',
  'VHTT&DL',
  'VHTTDL',
  'Văn hóa và Thể thao',
  'Văn hoá và Thể thao',
  'VH&TT',
  'Du lịch',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
  'Quy hoạch - Kiến trúc',
  'Quy hoạch và Kiến trúc',
];

const MINISTRY_ONLY_NAMES = ['Công an', 'Quốc phòng', 'Ngoại giao', 'Thông tin và Truyền thông', 'TTTT'];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namesAlternation(names: string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      // Case-insensitive on the name only; "i" would also make \p{Lu} match lower case.
      const words = n.split(/\s+/).map((w) =>
        [...w]
          .map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escapeRe(ch)))
          .join('')
          .replace(/&/g, '\\s*&\\s*')
          .replace(/,/g, '\\s*,'),
      );
      return words.join('\\s+').replace(/\\s\+-\\s\+/g, '\\s*[-–]\\s*');
    })
    .join('|');
}

const S = '\\s+';
const CAP_WORD = '\\p{Lu}[\\p{Ll}\\p{Lu}]*';
const PLACE = `(?:${S}${CAP_WORD}(?:${S}(?:-${S})?${CAP_WORD}){0,3})`;
const LEVEL_PROV = '(?:[Tt]ỉnh|[Tt]hành\\s+[Pp]hố|TP\\.?|Tp\\.?)';
const LEVEL_ANY = '(?:[Tt]ỉnh|[Tt]hành\\s+[Pp]hố|TP\\.?|Tp\\.?|[Qq]uận|[Hh]uyện|[Tt]hị\\s+xã|[Xx]ã|[Pp]hường|[Tt]hị\\s+trấn|[Đđ]ặc\\s+khu)';
const LEVEL_PLURAL_WORD = '(?:quận|huyện|thị\\s+xã|thành\\s+phố|xã|phường|thị\\s+trấn|tỉnh|đặc\\s+khu)';
const LEVEL_LIST = `${LEVEL_PLURAL_WORD}(?:\\s*,\\s*(?:và\\s+)?${LEVEL_PLURAL_WORD}|${S}và${S}${LEVEL_PLURAL_WORD})*`;
const UBND_HEAD = '(?:(?:[Ủủ]y|[Uu]ỷ|ỦY|UỶ)\\s+(?:ban|Ban|BAN)(?:\\s+(?:nhân|Nhân)(?:\\s+(?:dân|Dân))?)?|UBND)';
const PROV_QUAL = `(?:${S}${LEVEL_PROV}${PLACE}?)?`;

const UNIT_PATTERNS: RegExp[] = [
  // Office of the People's Committee, of the Delegation of NA deputies and People's Council, …
  new RegExp(`(?:Văn\\s+phòng|VP)${S}${UBND_HEAD}(?:${S}${LEVEL_ANY}${PLACE}?)?`, 'yu'),
  new RegExp(
    `Văn\\s+phòng${S}Đoàn${S}(?:ĐBQH|Đại\\s+biểu\\s+Quốc\\s+hội)(?:\\s*,\\s*|${S}và${S})(?:HĐND|Hội\\s+đồng\\s+nhân\\s+dân)${PROV_QUAL}`,
    'yu',
  ),
  new RegExp(`Văn\\s+phòng${S}(?:HĐND|Hội\\s+đồng\\s+nhân\\s+dân|Tỉnh\\s+ủy|Thành\\s+ủy|Tỉnh\\s+uỷ|Thành\\s+uỷ)${PROV_QUAL}`, 'yu'),
  new RegExp(`Văn\\s+phòng${S}Chính\\s+phủ`, 'yu'),
  // People's Committee of one administrative unit.
  new RegExp(`${UBND_HEAD}${S}${LEVEL_ANY}${PLACE}?`, 'yu'),
  // Departments and ministries.
  new RegExp(`Sở${S}(?:${namesAlternation(DEPARTMENT_NAMES)})(?![\\p{L}])${PROV_QUAL}`, 'yu'),
  new RegExp(`Bộ${S}(?:${namesAlternation([...DEPARTMENT_NAMES, ...MINISTRY_ONLY_NAMES])})(?![\\p{L}])`, 'yu'),
  new RegExp(`Bộ${S}Chỉ${S}huy${S}(?:[Qq]uân${S}sự|Bộ${S}đội${S}[Bb]iên${S}phòng)${PROV_QUAL}`, 'yu'),
  new RegExp(`Công${S}an${S}${LEVEL_ANY}${PLACE}?`, 'yu'),
  new RegExp(`Thanh${S}tra${S}(?:${LEVEL_PROV}${PLACE}?|Chính${S}phủ|Sở(?:${S}${CAP_WORD})?)`, 'yu'),
  new RegExp(`(?:Thành|Tỉnh)${S}(?:ủy|uỷ|đoàn)${PLACE}?`, 'yu'),
  new RegExp(`(?:Hội${S}đồng${S}nhân${S}dân|HĐND)${S}${LEVEL_ANY}${PLACE}?`, 'yu'),
];

const GROUP_UBND: RegExp[] = [
  new RegExp(`${UBND_HEAD}${S}(?:các|Các)${S}${LEVEL_LIST}(?:${S}(?:trên${S}địa${S}bàn|thuộc)${S}${LEVEL_PROV})?`, 'yu'),
  new RegExp(`${UBND_HEAD}${S}cấp${S}(?:huyện|xã|tỉnh)`, 'yu'),
  new RegExp(`Công${S}an${S}các${S}${LEVEL_LIST}`, 'yu'),
];

/** Heads of bodies whose names continue with capitalised words ("Ban Quản lý Khu Kinh tế …"). */
const GENERIC_HEADS = new RegExp(
  `(?:Ban${S}[Qq]uản${S}lý|Ban${S}[Cc]hỉ${S}đạo|Văn${S}phòng|Phòng|Trung${S}tâm|Đài|Báo|Cục|Chi${S}cục|Tổng${S}cục|Liên${S}hiệp${S}các${S}Hội|Hội${S}đồng|Viễn${S}thông|Bưu${S}điện|Viettel|VNPT|MobiFone|Trường|Bệnh${S}viện|Viện|Tổ${S}công${S}tác|Sở|Ủy${S}ban|Công${S}ty|Tập${S}đoàn|Tổng${S}công${S}ty)(?![\\p{L}])`,
  'yu',
);

/** Heads that are a whole name by themselves ("Kho bạc Nhà nước tỉnh"). */
const COMPLETE_HEADS = new RegExp(
  `(?:Ban${S}[Cc]hỉ${S}đạo|Ban${S}[Dd]ân${S}tộc|Ban${S}[Tt]uyên${S}giáo|Ban${S}[Tt]ổ${S}chức|Kho${S}bạc${S}[Nn]hà${S}nước|Bảo${S}hiểm${S}[Xx]ã${S}hội|Ngân${S}hàng${S}[Nn]hà${S}nước|Liên${S}đoàn${S}[Ll]ao${S}động|Ủy${S}ban${S}Mặt${S}trận${S}Tổ${S}quốc(?:${S}Việt${S}Nam)?|Mặt${S}trận${S}Tổ${S}quốc(?:${S}Việt${S}Nam)?|Viettel|VNPT|Bưu${S}điện|Cục${S}[Tt]huế|Cục${S}[Tt]hống${S}kê|Cục${S}[Hh]ải${S}quan)(?![\\p{L}])`,
  'yu',
);

/** Lower-case words that begin a predicate, so a name cannot continue through them. */
const NAME_STOP = new Set(
  (
    'chủ phối tổ thực triển xây tham khẩn tích tiếp có chịu báo đề hướng kiểm rà đẩy tăng nghiên bảo đảm hoàn ' +
    'theo đôn trình gửi là được đã đang sẽ cần phải với về trong tại để của cho các những nghiêm thông ghi biểu ' +
    'phê và hoặc nhằm từ trên dưới khi nếu thì mà đến sau trước lập tập cung chỉ sử làm đưa chuẩn rút quan mở ' +
    'tạo phục thẩm cập duy vận giám ban tiến đánh nâng chấn tuyên phát kịp xin lấy cùng đồng như gồm'
  ).split(' '),
);

const TITLE_RE = new RegExp(
  `(?:Thủ${S}trưởng|thủ${S}trưởng|Phó${S}Giám${S}đốc|Giám${S}đốc|giám${S}đốc|Phó${S}Chủ${S}tịch|Chủ${S}tịch|chủ${S}tịch|Chánh|Trưởng${S}ban|Lãnh${S}đạo|lãnh${S}đạo|Người${S}đứng${S}đầu|người${S}đứng${S}đầu|Chỉ${S}huy${S}trưởng)${S}`,
  'yu',
);

const GROUP_CATEGORY =
  `(?:thành${S}viên${S}Ban${S}[Cc]hỉ${S}đạo|cơ${S}quan${S}báo${S}chí|cơ${S}quan${S}chuyên${S}môn|cơ${S}quan|đơn${S}vị${S}sự${S}nghiệp|` +
  `đơn${S}vị|địa${S}phương|[Ss]ở|[Bb]an|[Nn]gành|[Bb]ộ|cấp|quận|huyện|thị${S}xã|thành${S}phố|xã|phường|thị${S}trấn|` +
  `doanh${S}nghiệp|tổ${S}chức|đoàn${S}thể|hội|hiệp${S}hội)(?![\\p{L}])`;
const GROUP_SEP = `(?:\\s*,\\s*(?:và${S})?(?:các${S})?|${S}và${S}(?:các${S})?)`;
const GROUP_CORE = new RegExp(`(?:[Cc]ác|CÁC)${S}${GROUP_CATEGORY}(?:${GROUP_SEP}${GROUP_CATEGORY})*`, 'yu');
const GROUP_RELATED = new RegExp(`(?:[Cc]ơ${S}quan|[Đđ]ơn${S}vị)(?:\\s*,\\s*đơn${S}vị)?${S}(?:có${S})?liên${S}quan`, 'yu');
const QUAL_RELATED = new RegExp(`${S}(?:có${S})?liên${S}quan`, 'yu');
const QUAL_UNDER = new RegExp(`${S}(?:trực${S}thuộc|thuộc)${S}`, 'yu');
const QUAL_PLACE = new RegExp(
  `${S}(?:${LEVEL_PROV}|cấp${S}(?:tỉnh|thành${S}phố|huyện|xã)|thuộc${S}${LEVEL_PROV}|trên${S}địa${S}bàn(?:${S}${LEVEL_PROV})?)(?![\\p{L}])${PLACE}?`,
  'yu',
);
const QUAL_FOLLOWING = new RegExp(`${S}sau(?:${S}đây)?(?![\\p{L}])`, 'yu');

function execAt(re: RegExp, text: string, pos: number, limit: number): number | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return null;
  const end = pos + m[0].length;
  return end <= limit ? end : null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function genericNameEnd(text: string, pos: number, limit: number): number | null {
  const completeEnd = execAt(COMPLETE_HEADS, text, pos, limit);
  const headEnd = completeEnd ?? execAt(GENERIC_HEADS, text, pos, limit);
  if (headEnd === null) return null;
  const wordRe = /\s+([\p{L}\p{N}&]+(?:-[\p{L}\p{N}]+)?)/uy;
  let end = headEnd;
  let words = 0;
  let lowerRun = 0;
  for (;;) {
    wordRe.lastIndex = end;
    const m = wordRe.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const w = m[1] ?? '';
    const isCap = /^\p{Lu}/u.test(w);
    if (/^(?:tỉnh|thành|quận|huyện|TP|Tỉnh|Thành)$/u.test(w)) {
      const q = execAt(new RegExp(`${S}${LEVEL_ANY}${PLACE}?`, 'yu'), text, end, limit);
      if (q !== null) {
        end = q;
        words++;
      }
      break;
    }
    if (words === 0 && !isCap && completeEnd === null) return null;
    if (isCap) {
      end = m.index + m[0].length;
      lowerRun = 0;
    } else if (w === 'và' || w === '-') {
      wordRe.lastIndex = m.index + m[0].length;
      const next = wordRe.exec(text);
      if (!next || !/^\p{Lu}/u.test(next[1] ?? '')) break;
      end = next.index + next[0].length;
      lowerRun = 0;
    } else if (NAME_STOP.has(w) || lowerRun >= 4 || (completeEnd !== null && words === 0)) {
      break;
    } else {
      end = m.index + m[0].length;
      lowerRun++;
    }
    words++;
    if (words >= 12) break;
  }
  if (words === 0 && completeEnd === null) return null;
  return end;
}

function groupEnd(text: string, pos: number, limit: number): number | null {
  const ubnd = GROUP_UBND.map((re) => execAt(re, text, pos, limit)).filter((e): e is number => e !== null);
  let end: number | null = ubnd.length ? Math.max(...ubnd) : null;
  if (end === null) end = execAt(GROUP_CORE, text, pos, limit);
  if (end === null) end = execAt(GROUP_RELATED, text, pos, limit);
  if (end === null) return null;
  const related = execAt(QUAL_RELATED, text, end, limit);
  if (related !== null) end = related;
  const under = execAt(QUAL_UNDER, text, end, limit);
  if (under !== null) {
    const inner = unitAt(text, under, limit);
    if (inner) end = inner.end;
  }
  const place = execAt(QUAL_PLACE, text, end, limit);
  if (place !== null) end = place;
  const following = execAt(QUAL_FOLLOWING, text, end, limit);
  if (following !== null) end = following;
  return end;
}

function bareUnitAt(text: string, pos: number, limit: number): { end: number; kind: 'unit' | 'group' } | null {
  const group = groupEnd(text, pos, limit);
  if (group !== null) return { end: group, kind: 'group' };
  let best: number | null = null;
  for (const re of UNIT_PATTERNS) {
    const e = execAt(re, text, pos, limit);
    if (e !== null && (best === null || e > best)) best = e;
  }
  if (best !== null) return { end: best, kind: 'unit' };
  const generic = genericNameEnd(text, pos, limit);
  return generic !== null ? { end: generic, kind: 'unit' } : null;
}

/** The unit mention that starts exactly at `pos` (after any whitespace), or null. */
export function unitAt(text: string, pos: number, limit: number = text.length): TUnitMention | null {
  let start = pos;
  while (start < limit && /\s/.test(text[start] ?? '')) start++;
  if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) return null;
  const titleEnd = execAt(TITLE_RE, text, start, limit);
  const bodyStart = titleEnd ?? start;
  const body = bareUnitAt(text, bodyStart, limit);
  if (!body) return null;
  let end = body.end;
  while (end > bodyStart && /[\s,]/.test(text[end - 1] ?? '')) end--;
  // "UBND tỉnh Hồ Quang Bửu": the capitalised words after the level name a person, not a place.
  const tail = /(?:tỉnh|thành\s+phố|TP\.?|quận|huyện|thị\s+xã|xã|phường|thị\s+trấn)\s+(\p{Lu}[\p{L}\s-]*)$/u.exec(text.slice(bodyStart, end));
  if (tail?.[1] && looksLikePersonName(tail[1], 3)) {
    end = bodyStart + (tail.index + tail[0].length - tail[1].length);
    while (end > bodyStart && /\s/.test(text[end - 1] ?? '')) end--;
  }
  return {
    start,
    end,
    text: collapse(text.slice(start, end)),
    kind: body.kind,
    titleEnd: titleEnd === null ? null : titleEnd,
  };
}

const CHAIN_SEP = /\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)/uy;

/** Unit mentions joined by commas or "và", starting at `pos`: a list of assignees. */
export function readUnitChain(text: string, pos: number, limit: number = text.length): TUnitChain | null {
  const first = unitAt(text, pos, limit);
  if (!first) return null;
  const mentions = [first];
  let end = first.end;
  for (;;) {
    CHAIN_SEP.lastIndex = end;
    const sep = CHAIN_SEP.exec(text);
    if (!sep) break;
    const next = unitAt(text, end + sep[0].length, limit);
    if (!next) break;
    mentions.push(next);
    end = next.end;
  }
  return { start: first.start, end, mentions };
}

/** Every unit mention in [from, to), left to right, not overlapping. */
export function findUnitMentions(text: string, from = 0, to: number = text.length): TUnitMention[] {
  const out: TUnitMention[] = [];
  const wordStart = /(?<![\p{L}\p{N}])[\p{L}]/gu;
  wordStart.lastIndex = from;
  for (;;) {
    const m = wordStart.exec(text);
    if (!m || m.index >= to) break;
    const u = unitAt(text, m.index, to);
    if (u) {
      out.push(u);
      wordStart.lastIndex = u.end;
    }
  }
  return out;
}

/** Text of a mention without a personal title when it names one body. */
export function mentionName(m: TUnitMention, text: string): string {
  if (m.titleEnd === null || m.kind === 'group') return m.text;
  return collapse(text.slice(m.titleEnd, m.end));
}

// ---------------------------------------------------------------------------------------
// Canonical forms for matching

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
  [/\bkh ?& ?cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
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
