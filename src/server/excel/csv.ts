interface CsvRecord {
  fields: string[];
  /** Where the next record starts. */
  next: number;
  /** False for a last record that the text ends without a line break. */
  lineBreak: boolean;
}

/** One record from `start`: RFC 4180 quoting, ending at an unquoted CR, LF or CRLF or at the end of `src`. */
function readRecord(src: string, start: number, sep: string): CsvRecord {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = start; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      return { fields, next: ch === '\r' && src[i + 1] === '\n' ? i + 2 : i + 1, lineBreak: true };
    } else field += ch;
  }
  fields.push(field);
  return { fields, next: src.length, lineBreak: false };
}

/** One line of a delimited file, for feeds read a line at a time (one record a line: no line breaks inside fields). */
export function splitCsvLine(line: string, sep: string): string[] {
  return readRecord(line, 0, sep).fields;
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF), comma or semicolon (Excel in a
 * Vietnamese locale saves with semicolons). Small files only: large feeds stream.
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  for (let i = 0; i < src.length; ) {
    const { fields, next, lineBreak } = readRecord(src, i, sep);
    // A last line without a line break counts only when it holds something.
    if (lineBreak || fields.length > 1 || fields[0] !== '') rows.push(fields);
    i = next;
  }
  return rows;
}
