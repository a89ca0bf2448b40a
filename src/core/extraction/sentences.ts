/**
 * Layout of an official document as plain text: normalisation, blocks (paragraphs and
 * list items, with hard-wrapped lines joined back) and sentences, all as character
 * offsets into the normalised text so the UI can highlight the source of an assignment.
 */
import { barTabTables } from './table';
import { joinWrappedRows } from './table-wrap';
import { readUnitChain } from './units';
import { departmentAlternation } from './unit-lexicon';

export type TSpan = { start: number; end: number };

/** roman "V.", number "1." / "2.1.", letter "a)", dash "-", plus "+". */
export type TMarkerKind = 'roman' | 'number' | 'letter' | 'dash' | 'plus';

export type TBlock = TSpan & {
  /** Offset where the text after the list marker begins. */
  contentStart: number;
  marker: string | null;
  markerKind: TMarkerKind | null;
  /** Nesting depth of the marker: smaller is outer; 9 for a paragraph without marker. */
  level: number;
};

const MARKER_RES: Array<[TMarkerKind, RegExp]> = [
  ['roman', /^[IVX]{1,5}\.\s+/],
  ['number', /^(?:Điều\s+\d{1,3}[.:]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s+)/],
  ['letter', /^[a-zđ]\)\s*/],
  ['dash', /^[-–—•]\s*/],
  ['plus', /^\+\s*/],
];

/** Depth of a marker: a smaller number is an outer level; "2.1." sits inside "2.". */
export function markerLevel(kind: TMarkerKind | null, marker: string | null = null): number {
  if (kind === 'number' && marker) {
    const dots = (/^\d[\d.]*/.exec(marker)?.[0].replace(/\.$/, '').match(/\./g) ?? []).length;
    return 1 + Math.min(dots, 5) * 0.1;
  }
  switch (kind) {
    case 'roman':
      return 0;
    case 'number':
      return 1;
    case 'letter':
      return 2;
    case 'dash':
      return 3;
    case 'plus':
      return 4;
    default:
      return 9;
  }
}

/**
 * NFC, LF line ends, no markdown emphasis or heading marks, no lone table bars or rules.
 * Word processors and converters add these; they carry no meaning in an official letter.
 * A task table's tab-separated rows are written between bars, so the table survives.
 */
export function normalizeDocument(raw: string): string {
  return joinWrappedRows(barTabTables(raw.normalize('NFC').replace(/\r\n?/g, '\n')))
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/(?<!\()\*+(?!\))/g, '')
    .replace(/(^|\n)[ ]*#{1,6}[ ]+/g, '$1')
    .replace(/(^|\n)[ ]*(?:\||-{3,}|_{3,}|={3,})[ ]*(?=\n|$)/g, '$1')
    .replace(/[ ]+(?=\n|$)/g, '')
    // "Giám đốc các Sở:⏎Tài chính, Xây dựng": the departments belong to the line that names them.
    .replace(DEPARTMENTS_ON_NEXT_LINE, '$1 ')
    // "UBND Tp.Hải Phòng": a place glued to the abbreviation of its level.
    .replace(/(?<![\p{L}])(TP|Tp)\.(?=\p{Lu})/gu, '$1. ');
}

const DEPARTMENTS_ON_NEXT_LINE = new RegExp(`((?:các|Các)\\s+Sở\\s*:)[ ]*\\n[ ]*(?=(?:${departmentAlternation()})(?![\\p{L}]))`, 'gu');

type TLine = { start: number; end: number; text: string };

function splitLines(text: string): TLine[] {
  const lines: TLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

function detectMarker(lineText: string): { kind: TMarkerKind; length: number } | null {
  const trimmed = lineText.replace(/^\s+/, '');
  const lead = lineText.length - trimmed.length;
  for (const [kind, re] of MARKER_RES) {
    const m = re.exec(trimmed);
    if (!m) continue;
    // A dash that joins words ("Hà Nội - Hải Phòng") never starts a line, but a bare
    // "-" followed by a lower-case word is more likely a wrapped hyphenation.
    if ((kind === 'dash' || kind === 'plus') && /^[-–—•+]\s*\p{Ll}/u.test(trimmed) && !/^[-–—•+]\s+/.test(trimmed)) continue;
    return { kind, length: lead + m[0].length };
  }
  return null;
}

/** A line ending like this is cut mid-phrase, so the next line continues it. */
const DANGLING_END =
  /(?:[,&–-]|(?:^|\s)(?:với|của|và|các|cho|tại|theo|về|trong|để|từ|đến|Sở|Bộ|Ban|Văn\s+phòng|Ủy\s+ban|Uỷ\s+ban|UBND|Công\s+an|phối\s+hợp|chủ\s+trì))$/u;

/** "Văn phòng Sở": a heading that names a unit, although it ends like a cut phrase. */
function isWholeUnit(s: string): boolean {
  const t = s.replace(/[\s:]+$/u, '');
  const chain = readUnitChain(t, 0);
  return chain !== null && chain.end === t.length;
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function startsLower(s: string): boolean {
  return /^\s*[\p{Ll}\d(]/u.test(s) && !/^\s*[a-zđ]\)/u.test(s);
}

function endsTerminal(s: string): boolean {
  return /[.;:!?…]["”)]?\s*$/u.test(s);
}

/**
 * Paragraphs and list items. A line joins the previous one when it does not start a
 * list item and either starts in lower case or follows a line without final
 * punctuation (PDF and e-mail copies wrap lines at a fixed width). A short numbered
 * line followed by a capitalised line is a heading ("3. Sở Tài chính" / "Phối hợp …").
 */
export function splitBlocks(text: string): TBlock[] {
  const blocks: TBlock[] = [];
  let current: TBlock | null = null;
  let currentLast = '';
  let currentFirstLineIsShortHeading = false;
  let blankSince = false;

  const close = (): void => {
    if (current) blocks.push(current);
    current = null;
  };

  for (const line of splitLines(text)) {
    if (line.text.trim() === '') {
      blankSince = true;
      continue;
    }
    const marker = detectMarker(line.text);
    const capsTransition = isAllCaps(currentLast) !== isAllCaps(line.text);
    const bothCaps = isAllCaps(currentLast) && isAllCaps(line.text);
    const joinable =
      current !== null &&
      marker === null &&
      ((startsLower(line.text) && (!blankSince || !endsTerminal(currentLast))) ||
        (!blankSince && !endsTerminal(currentLast) && (!currentFirstLineIsShortHeading || bothCaps) && !capsTransition));
    if (joinable && current) {
      current.end = line.end;
      currentLast = line.text;
      currentFirstLineIsShortHeading = false;
      blankSince = false;
      continue;
    }
    close();
    const contentStart = line.start + (marker?.length ?? line.text.length - line.text.replace(/^\s+/, '').length);
    current = {
      start: line.start + (line.text.length - line.text.replace(/^\s+/, '').length),
      end: line.end,
      contentStart,
      marker: marker ? line.text.slice(0, marker.length).trim() : null,
      markerKind: marker?.kind ?? null,
      level: 9,
    };
    current.level = markerLevel(current.markerKind, current.marker);
    currentLast = line.text;
    const content = text.slice(contentStart, line.end).trim();
    currentFirstLineIsShortHeading =
      marker !== null && content.length < 40 && !endsTerminal(content) && (!DANGLING_END.test(content) || isWholeUnit(content));
    blankSince = false;
  }
  close();
  return blocks;
}

const NO_SPLIT_BEFORE_DOT = new Set(['TP', 'Tp', 'TS', 'ThS', 'PGS', 'GS', 'KT', 'TM', 'TL', 'TUQ', 'Q', 'v.v', 'Số', 'St', 'Th', 'BS', 'CN', 'KS']);

/** Sentences of a span: split after . ! ? … when a capital, digit or quote follows. */
export function splitSentences(text: string, span: TSpan): TSpan[] {
  const out: TSpan[] = [];
  let start = span.start;
  while (start < span.end && /\s/.test(text[start] ?? '')) start++;
  const re = /[.!?…]+(?=\s+["“(\p{Lu}\d])/gu;
  re.lastIndex = start;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index >= span.end) break;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(span.start, m.index - 8), m.index))?.[1] ?? '';
    if (m[0] === '.' && (NO_SPLIT_BEFORE_DOT.has(before) || /^\p{Lu}$/u.test(before))) continue;
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
    while (start < span.end && /\s/.test(text[start] ?? '')) start++;
  }
  if (start < span.end) {
    let end = span.end;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The span's text with line breaks and runs of spaces collapsed. */
export function spanText(text: string, span: TSpan): string {
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}
