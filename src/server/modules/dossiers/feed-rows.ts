import { isIsoDate, isYearInRange, parseVnDate } from '../../../core/calendar/dates';
import { toInstant } from '../../../core/calendar/timestamps';
import type { DossierChannel } from '../../../core/indicators/dossier-classify';
import { foldVietnamese } from '../../../core/text/fold';

export function detectSeparator(header: string): string {
  const count = (c: string) => header.split(c).length - 1;
  if (count('\t') > count(',') && count('\t') > count(';')) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

export type FeedField = 'unit' | 'code' | 'procedure' | 'received' | 'channel' | 'fullyOnline' | 'due' | 'finished';

/** Accepted headers, compared without case, diacritics, underscores or extra spaces. */
const HEADERS: Record<FeedField, { label: string; names: string[]; required: boolean }> = {
  unit: { label: 'Đơn vị', names: ['don vi', 'ma don vi', 'co quan', 'unit', 'unit code'], required: true },
  code: { label: 'Mã hồ sơ', names: ['ma ho so', 'so ho so', 'code', 'dossier code', 'dossier id'], required: false },
  procedure: { label: 'Mã thủ tục', names: ['ma thu tuc', 'thu tuc', 'ma tthc', 'procedure', 'procedure code'], required: true },
  received: { label: 'Ngày tiếp nhận', names: ['ngay tiep nhan', 'thoi diem tiep nhan', 'tiep nhan', 'received', 'received at'], required: true },
  channel: { label: 'Kênh tiếp nhận', names: ['kenh', 'kenh tiep nhan', 'hinh thuc', 'hinh thuc nop', 'channel'], required: true },
  fullyOnline: { label: 'Toàn trình', names: ['toan trinh', 'truc tuyen toan trinh', 'fully online'], required: false },
  due: { label: 'Hạn xử lý', names: ['han xu ly', 'han giai quyet', 'han', 'due', 'due at'], required: false },
  finished: { label: 'Ngày hoàn thành', names: ['ngay hoan thanh', 'thoi diem hoan thanh', 'hoan thanh', 'ngay tra ket qua', 'finished', 'finished at'], required: false },
};

const norm = (s: string) => foldVietnamese(s.replace(/^\uFEFF/, '')).replace(/[_\s]+/g, ' ').trim();

export interface FeedHeader {
  positions: Partial<Record<FeedField, number>>;
  /** The header as the file writes it, for error messages. */
  labels: Partial<Record<FeedField, string>>;
  missing: string[];
}

export function mapHeader(cells: readonly string[]): FeedHeader {
  const positions: FeedHeader['positions'] = {};
  const labels: FeedHeader['labels'] = {};
  const folded = cells.map(norm);
  for (const [field, h] of Object.entries(HEADERS) as Array<[FeedField, (typeof HEADERS)[FeedField]]>) {
    const i = folded.findIndex((c) => h.names.includes(c));
    if (i >= 0) {
      positions[field] = i;
      labels[field] = cells[i]!.replace(/^\uFEFF/, '').trim();
    }
  }
  const missing = (Object.keys(HEADERS) as FeedField[]).filter((f) => HEADERS[f].required && positions[f] === undefined).map((f) => HEADERS[f].label);
  return { positions, labels, missing };
}

export function fieldLabel(h: FeedHeader, f: FeedField): string {
  return h.labels[f] ?? HEADERS[f].label;
}

const CHANNELS: Record<string, DossierChannel> = {
  online: 'online',
  'truc tuyen': 'online',
  'dvc truc tuyen': 'online',
  direct: 'direct',
  'truc tiep': 'direct',
  offline: 'direct',
  postal: 'postal',
  'buu chinh': 'postal',
  'buu chinh cong ich': 'postal',
};

export function parseChannel(raw: string): DossierChannel | null {
  return CHANNELS[norm(raw)] ?? null;
}

export function parseFlag(raw: string): boolean | null {
  const s = norm(raw);
  if (s === '' || ['0', 'khong', 'false', 'no', 'n'].includes(s)) return false;
  if (['1', 'co', 'true', 'yes', 'y', 'x'].includes(s)) return true;
  return null;
}

/**
 * A moment as one-stop systems write it, as an ISO instant. Accepted: ISO timestamps with an
 * offset; a date alone (YYYY-MM-DD or dd/mm/yyyy: the start of that day in Vietnam, or its end
 * for a time limit); a local time without offset (YYYY-MM-DD HH:mm[:ss] or dd/mm/yyyy HH:mm[:ss])
 * read as Vietnam time, since the feed comes from the province's own system. Years outside
 * 1900–2100 are refused (null).
 */
export function parseFeedInstant(raw: string, edge: 'start' | 'end'): string | null {
  let s = raw.trim();
  const vn = /^(\d{1,2}\/\d{1,2}\/\d{4})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(s);
  if (vn) {
    let date: string;
    try {
      date = parseVnDate(vn[1]!);
    } catch {
      return null;
    }
    s = vn[2] ? `${date}T${vn[2].replace(/^(\d):/, '0$1:')}` : date;
  }
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}+07:00`;
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s)) s = s.replace(' ', 'T');
  if (!isIsoDate(s) && !/T/.test(s)) return null;
  // One date rule for every input: 0001-01-01 was read as 1901 by Date's two-digit years.
  if (!isYearInRange(s)) return null;
  try {
    return new Date(toInstant(s, edge)).toISOString();
  } catch {
    return null;
  }
}
