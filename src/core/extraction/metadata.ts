/**
 * Metadata of an official document (NĐ 30/2020/NĐ-CP): số/ký hiệu, place and date,
 * issuing body, type, trích yếu and signer. Copies in the wild lose parts of the layout
 * (web pages drop the header, PDFs wrap lines), so each field has a fallback read from
 * the title ("Kết luận của Phó Chủ tịch UBND tỉnh …") or the first paragraph.
 */
import { foldVietnamese } from '../text/fold';
import { CLOSING, isAttachmentStart } from './attachment';
import { applyCaseHints, capitalize, findFoldedOccurrence, sentenceCase, titleCase } from './casing';
import { isoDate } from './dates';
import { isNameLine, looksLikePersonName, PERSON_NAME_PATTERN } from './names';
import { recaseDepartment } from './units';

export type TDocumentMetadata = {
  soKyHieu: string | null;
  ngayBanHanh: string | null;
  coQuan: string | null;
  nguoiKy: string | null;
  loai: string | null;
  trichYeu: string | null;
  /** Place written before the date ("Hải Phòng"), or null. */
  diaDanh: string | null;
};

const TYPE_CODES: Record<string, string> = {
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  KH: 'Kế hoạch',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  CĐ: 'Công điện',
  NQ: 'Nghị quyết',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KL: 'Kết luận',
  ĐA: 'Đề án',
  PA: 'Phương án',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  TC: 'Thông cáo',
  BB: 'Biên bản',
  HĐ: 'Hợp đồng',
  GUQ: 'Giấy ủy quyền',
  BGN: 'Bản ghi nhớ',
  TT: 'Thông tư',
  NĐ: 'Nghị định',
};

const TYPE_NAMES = [...new Set(Object.values(TYPE_CODES)), 'Công văn'];
const TYPE_BY_FOLDED = new Map(TYPE_NAMES.map((t) => [foldVietnamese(t), t]));
/** Types whose title names a thing ("Kế hoạch Chuyển đổi số …") rather than a subject. */
const NAMED_TYPES = new Set(['Kế hoạch', 'Chương trình', 'Đề án', 'Phương án']);

/** Type of a document from its số/ký hiệu: the first code after the number, else Công văn. */
export function documentTypeFromSymbol(symbol: string): string {
  const parts = symbol.split('/').slice(1);
  const code = parts[parts.length - 1]?.split('-')[0]?.trim() ?? '';
  return TYPE_CODES[code] ?? 'Công văn';
}

type TLine = { text: string; start: number };

function linesOf(text: string): TLine[] {
  const out: TLine[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.trim(), start });
    start += raw.length + 1;
  }
  return out;
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const MOTTO = /^(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập|ĐỘC\s+LẬP)/u;
const BODY_START = /^(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Ngày\s+\d|Sau\s+khi|Theo\s+đề\s+nghị|Xét\s+)/u;

/** The first lines, up to where the letter's own text starts. */
function headerLines(lines: TLine[]): TLine[] {
  const out: TLine[] = [];
  for (const line of lines) {
    if (out.length >= 40) break;
    if (BODY_START.test(line.text) || line.text.length > 160) break;
    out.push(line);
  }
  return out;
}

function findSymbol(header: TLine[]): string | null {
  for (const line of header) {
    const m = /^Số\s*[:.]?\s*(\d+[\p{L}]?)\s*\/\s*([\p{L}\p{N}&./\- ]+?)\s*$/u.exec(line.text);
    if (!m) continue;
    const code = (m[2] ?? '').replace(/\s*([/-])\s*/g, '$1').replace(/\s+.*$/, '');
    if (!/^[\p{Lu}\p{N}][\p{L}\p{N}&./-]*$/u.test(code)) continue;
    return `${m[1]}/${code}`;
  }
  return null;
}

const DATE_LINE = /(?:^|\n)[ \t]*([\p{Lu}][\p{L}.\- ]{1,40}?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

function findDate(text: string, headerText: string): { date: string | null; place: string | null } {
  const m = DATE_LINE.exec(headerText) ?? DATE_LINE.exec(text.slice(0, 3000));
  if (m) return { date: isoDate(Number(m[4]), Number(m[3]), Number(m[2])), place: (m[1] ?? '').trim() };
  // Without a dated heading (a notice copied from a web page), the meeting date opens the text.
  const meeting =
    /(?:^|\n)\s*Ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(text.slice(0, 3000)) ??
    /(?:^|\n)\s*Ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text.slice(0, 3000));
  if (meeting) return { date: isoDate(Number(meeting[3]), Number(meeting[2]), Number(meeting[1])), place: null };
  return { date: null, place: null };
}

function findTypeLine(header: TLine[]): { index: number; type: string } | null {
  for (let i = 0; i < header.length; i++) {
    const t = header[i]?.text ?? '';
    if (!isAllCaps(t)) continue;
    const type = TYPE_BY_FOLDED.get(foldVietnamese(t));
    if (type) return { index: i, type };
  }
  return null;
}

const ORG_HEAD = /^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|SỞ|BAN|VĂN\s+PHÒNG|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|TRUNG\s+TÂM|PHÒNG|BỘ|CÔNG\s+AN|THANH\s+TRA|HỘI\s+ĐỒNG|ĐẢNG\s+ỦY|TỈNH\s+ỦY|THÀNH\s+ỦY|ĐÀI|BÁO|KHO\s+BẠC|BẢO\s+HIỂM)(?![\p{L}])/u;
const LEVEL_SPLIT = /^(.*?)\s+(TỈNH|THÀNH\s+PHỐ|QUẬN|HUYỆN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN)(?:\s+(.+))?$/u;

/** "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" → "Ủy ban nhân dân thành phố Hải Phòng". */
function recaseOrg(upper: string): string {
  const dept = recaseDepartment(upper);
  if (dept) return dept;
  const m = LEVEL_SPLIT.exec(upper);
  if (!m) return sentenceCase(upper);
  const head = recaseDepartment(m[1] ?? '') ?? sentenceCase(m[1] ?? '');
  const level = (m[2] ?? '').toLowerCase();
  return [head, level, m[3] ? titleCase(m[3]) : ''].filter(Boolean).join(' ');
}

function issuerFromHeader(header: TLine[]): string | null {
  const orgs: string[] = [];
  for (const line of header) {
    const t = line.text;
    if (!t) continue;
    if (MOTTO.test(t) || /^Số\s*[:.]/u.test(t)) break;
    if (!isAllCaps(t)) {
      if (orgs.length) break;
      continue;
    }
    if (TYPE_BY_FOLDED.has(foldVietnamese(t))) break;
    if (ORG_HEAD.test(t) || !orgs.length) orgs.push(t);
    else orgs[orgs.length - 1] = `${orgs[orgs.length - 1]} ${t}`;
  }
  const last = orgs[orgs.length - 1];
  if (!last) return null;
  // The issuer is stored under its full name, as the registry knows it.
  return recaseOrg(last.replace(/\s+/g, ' '))
    .replace(/^UBND(?=\s)/u, 'Ủy ban nhân dân')
    .replace(/^HĐND(?=\s)/u, 'Hội đồng nhân dân');
}

type TLeader = { body: string; level: string; place: string | null; person: string | null; start: number; end: number };

const LEADER_RE = new RegExp(
  `(?:đồng\\s+chí\\s+(${PERSON_NAME_PATTERN})\\s*,\\s*)?(?:Phó\\s+)?Chủ\\s+tịch(?:\\s+Thường\\s+trực)?\\s+(Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân|UBND)\\s+(tỉnh|thành\\s+phố)((?:\\s+\\p{Lu}\\p{Ll}*){0,5})`,
  'u',
);

/** The leader named in the title or opening ("Phó Chủ tịch UBND tỉnh Hồ Quang Bửu"). */
function findLeader(text: string): TLeader | null {
  const m = LEADER_RE.exec(text.slice(0, 2500));
  if (!m) return null;
  const tail = (m[4] ?? '').trim();
  const tailIsPerson = tail !== '' && looksLikePersonName(tail, 2);
  return {
    body: 'Ủy ban nhân dân',
    level: (m[3] ?? '').replace(/\s+/g, ' '),
    place: tail && !tailIsPerson ? tail : null,
    person: m[1] ?? (tailIsPerson ? tail : null),
    start: m.index,
    end: m.index + m[0].length,
  };
}

const AUTHORITY_LINE = /^(?:TM\.|KT\.|TL\.|TUQ\.|Q\.|CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|GIÁM\s+ĐỐC|PHÓ\s+GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|BÍ\s+THƯ)/u;

/** The letter's own lines: a plan or appendix attached after "Nơi nhận" is signed above it. */
function ownLines(lines: TLine[]): TLine[] {
  const closing = lines.findIndex((l) => CLOSING.test(l.text));
  if (closing === -1) return lines;
  const attached = lines.findIndex((l, i) => i > closing && isAttachmentStart(l.text));
  return attached === -1 ? lines : lines.slice(0, attached);
}

function findSigner(all: TLine[]): string | null {
  const lines = ownLines(all);
  const tail = lines.filter((l) => l.text !== '' && !/^\(?(?:đã\s+ký|Đã\s+ký)/u.test(l.text)).slice(-15);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = tail[i]?.text ?? '';
    const above = tail.slice(Math.max(0, i - 4), i).map((l) => l.text);
    const underTitle = above.some((a) => AUTHORITY_LINE.test(a) || isAllCaps(a));
    if (isNameLine(t, !underTitle)) return t.replace(/\s+/g, ' ');
  }
  return null;
}

/** A line that cannot continue a title: a list item, an article, the opening of the text. */
const NOT_TITLE = /^(?:\d{1,2}[.)]\s|[IVX]{1,5}\.\s|[a-zđ]\)\s|[-+•]\s|Điều\s+\d|Để\s|Theo\s|Sau\s+khi\s|Xét\s|Thực\s+hiện\s|Căn\s+cứ\s|Kính\s+gửi)/u;

function collectParagraph(lines: TLine[], from: number, stop: (t: string, gathered: string[]) => boolean): string[] {
  const gathered: string[] = [];
  let i = from;
  while (i < lines.length && (lines[i]?.text ?? '') === '') i++;
  for (; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    if (t === '' || stop(t, gathered)) break;
    if (gathered.length && (NOT_TITLE.test(t) || /[.;:]$/.test(gathered[gathered.length - 1] ?? ''))) break;
    gathered.push(t);
    if (gathered.length >= 6) break;
  }
  return gathered;
}

const TITLE_STOP = /^(?:Căn\s+cứ|Ngày\s+\d|Thực\s+hiện|Kính\s+gửi|H[OỎ]A\s+TỐC|Hỏa\s+tốc|Hoả\s+tốc|KHẨN|Khẩn|Số\s*:)/u;

/** Personal names leave the trích yếu: the signer is its own field and people change office. */
function withoutPersonalNames(s: string): string {
  let out = s.replace(new RegExp(`đồng\\s+chí\\s+${PERSON_NAME_PATTERN}\\s*,\\s*`, 'gu'), '');
  const leader = findLeader(out);
  if (leader?.person && out.includes(leader.person)) {
    out = out.replace(new RegExp(`\\s+${leader.person.replace(/\s+/g, '\\s+')}(?=[\\s,.;:]|$)`, 'u'), '');
  }
  return out.replace(/\s+/g, ' ').trim();
}

function findSummary(text: string, lines: TLine[], header: TLine[], typeLine: { index: number; type: string } | null, place: string | null): string | null {
  const vv = header.findIndex((l) => /^(?:V\/v|V\/V|Về\s+việc)\s/u.test(l.text));
  if (vv >= 0) {
    const parts = collectParagraph(header, vv, (t, g) => g.length > 0 && (DATE_LINE.test(`\n${t}`) || TITLE_STOP.test(t) || isAllCaps(t)));
    return parts.join(' ').replace(/\s+/g, ' ').trim() || null;
  }
  let title: string | null = null;
  if (typeLine) {
    const parts = collectParagraph(
      lines,
      typeLine.index + 1,
      (t, g) => TITLE_STOP.test(t) || (g.length > 0 && g.every(isAllCaps) && !isAllCaps(t)),
    );
    title = parts.join(' ').replace(/\s+/g, ' ').trim() || null;
  } else {
    const first = lines.find((l) => l.text !== '');
    if (first && /^(?:Kết\s+luận|Thông\s+báo\s+kết\s+luận|Về\s+việc|V\/v)\s/u.test(first.text)) title = first.text;
  }
  if (!title) return null;
  if (isAllCaps(title)) {
    // The same words in running text keep the proper names' capitals.
    let occ = findFoldedOccurrence(text, title);
    while (occ && isAllCaps(text.slice(occ.start, occ.end))) occ = findFoldedOccurrence(text, title, occ.end);
    title = occ ? text.slice(occ.start, occ.end).replace(/\s+/g, ' ') : applyCaseHints(sentenceCase(title), place ? [place] : []);
  }
  title = withoutPersonalNames(title);
  const type = typeLine?.type;
  if (type && NAMED_TYPES.has(type) && !foldVietnamese(title).startsWith(foldVietnamese(type))) {
    title = `${type} ${title}`;
  }
  return capitalize(title);
}

/** Metadata of a normalised document text (see normalizeDocument). */
export function extractMetadata(text: string): TDocumentMetadata {
  const lines = linesOf(text);
  const header = headerLines(lines);
  const headerText = header.map((l) => l.text).join('\n');
  const soKyHieu = findSymbol(header);
  const { date, place } = findDate(text, headerText);
  const typeLine = findTypeLine(header);
  const leader = findLeader(text);
  const firstText = lines.find((l) => l.text !== '')?.text ?? '';

  let loai: string | null = null;
  if (soKyHieu) loai = documentTypeFromSymbol(soKyHieu);
  if (loai === 'Công văn' && typeLine) loai = typeLine.type;
  if (!loai && typeLine) loai = typeLine.type;
  if (!loai && /^(?:Kết\s+luận|Thông\s+báo\s+kết\s+luận)\s/u.test(firstText)) loai = 'Thông báo';
  if (!loai && header.some((l) => /^(?:V\/v|V\/V)\s/u.test(l.text))) loai = 'Công văn';

  let coQuan = issuerFromHeader(header);
  if (!coQuan && leader) {
    const leaderPlace = leader.place ?? place;
    coQuan = [leader.body, leader.level, leaderPlace ?? ''].filter(Boolean).join(' ');
  }

  return {
    soKyHieu,
    ngayBanHanh: date,
    coQuan,
    nguoiKy: findSigner(lines) ?? leader?.person ?? null,
    loai,
    trichYeu: findSummary(text, lines, header, typeLine, place),
    diaDanh: place,
  };
}
