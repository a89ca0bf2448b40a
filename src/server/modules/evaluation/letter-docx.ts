import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { parseIsoDate } from '../../../core/calendar/dates';
import type { LetterDraft, LetterSection } from '../../../contracts/evaluation';

/**
 * The letter as a Word file in the form of NĐ 30/2020/NĐ-CP (Phụ lục I, mẫu công văn): A4,
 * Times New Roman; the issuing body and the national motto side by side, each underlined by a
 * short rule; "Số:      /UBND-…" left blank for the clerk; place and date in italics; "V/v"
 * summary under the number; "Kính gửi:"; the body justified with a first-line indent; "Nơi
 * nhận:" and the signer block side by side at the end.
 */

const FONT = 'Times New Roman';
const PT = (n: number) => n * 2; // docx sizes are half-points
const NBSP = '\u00a0';

/** NĐ 30: days below 10 and the months 1 and 2 are written with a leading zero. */
export function vnLetterDate(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày${NBSP}…${NBSP}tháng${NBSP}…${NBSP}năm${NBSP}…`;
  const { year, month, day } = parseIsoDate(iso);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

export function deadlinePhrase(i: { deadline: string | null; deadlineText: string | null }): string {
  if (i.deadlineText?.trim()) return i.deadlineText.trim();
  if (!i.deadline) return '';
  const { year, month, day } = parseIsoDate(i.deadline);
  return `trước ngày ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: PT(o.size ?? 14), bold: o.bold, italics: o.italics });
}

function centered(text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: o.after ?? 0 }, children: [run(text, o)] });
}

/** The short rule under the issuer and under the motto. */
function rule(widthTwip: number, cellTwip: number): Paragraph {
  const side = Math.max(0, Math.round((cellTwip - widthTwip) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function body(text: string, o: { indent?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 60, after: 60, line: 312 },
    children: [run(text, { bold: o.bold })],
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function twoColumns(left: Paragraph[], right: Paragraph[], leftTwip: number, rightTwip: number): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, borders: NO_BORDERS });
  return new Table({
    width: { size: leftTwip + rightTwip, type: WidthType.DXA },
    columnWidths: [leftTwip, rightTwip],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftTwip), cell(right, rightTwip)] })],
  });
}

function sectionParagraphs(n: number, s: LetterSection): Paragraph[] {
  const out = [body(`${n}. ${s.intro}`)];
  s.units.forEach((u, i) => {
    const last = i === s.units.length - 1;
    out.push(body(`- ${u.name}${u.reason ? ` (${u.reason})` : ''}${last ? '.' : ';'}`));
  });
  return out;
}

export async function letterDocx(d: LetterDraft): Promise<Buffer> {
  // A4 210 mm; margins left 30, right 20: 160 mm of text.
  const textTwip = convertMillimetersToTwip(160);
  const leftTwip = convertMillimetersToTwip(58);
  const rightTwip = textTwip - leftTwip;

  const issuer = d.issuerLines.map((line) => centered(line, { bold: true, size: 12 }));
  const headerLeft = [
    ...issuer,
    rule(convertMillimetersToTwip(22), leftTwip),
    centered(`Số:${NBSP.repeat(6)}/${d.numberSuffix}`, { size: 13, after: 60 }),
    centered(`V/v ${d.subject}`, { size: 12 }),
  ];
  const headerRight = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
    centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }),
    rule(convertMillimetersToTwip(60), rightTwip),
    centered(vnLetterDate(d.place, d.date), { italics: true, size: 14 }),
  ];

  const recipients =
    d.recipients.length <= 1
      ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [run('Kính gửi: '), run(d.recipients[0] ?? '')] })]
      : [
          new Paragraph({ indent: { left: convertMillimetersToTwip(35) }, spacing: { before: 240 }, children: [run('Kính gửi:')] }),
          ...d.recipients.map((r, i) =>
            new Paragraph({ indent: { left: convertMillimetersToTwip(55) }, spacing: { after: i === d.recipients.length - 1 ? 200 : 0 }, children: [run(`- ${r}${i === d.recipients.length - 1 ? '.' : ';'}`)] }),
          ),
        ];

  const content: Paragraph[] = d.opening
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => body(p));
  let n = 0;
  for (const s of [d.ghiNhan, d.rutKinhNghiem, d.pheBinh]) {
    if (s.units.length === 0) continue;
    n += 1;
    content.push(...sectionParagraphs(n, s));
  }
  if (d.instructions.length > 0) {
    n += 1;
    content.push(body(`${n}. ${d.instructionsIntro}`));
    d.instructions.forEach((i, k) => {
      const when = deadlinePhrase(i);
      content.push(body(`${String.fromCharCode(97 + (k % 26))}) ${i.text}${when ? ` ${when}` : ''}.`));
    });
  }
  if (d.closing.trim()) content.push(body(d.closing.trim()));

  const copyTo = [
    new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
    ...d.copyTo.map((c) => new Paragraph({ children: [run(`- ${c}`, { size: 11 })] })),
  ];
  const authority = d.signer.authority ? `${d.signer.authority} ${d.signer.onBehalfOf}`.trim() : '';
  const signer = [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    ...(authority ? [centered(authority.toLocaleUpperCase('vi'), { bold: true, size: 14 })] : []),
    centered(d.signer.title.toLocaleUpperCase('vi'), { bold: true, size: 14 }),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centered(d.signer.name, { bold: true, size: 14 }),
  ];

  const doc = new Document({
    creator: 'Hải Đăng',
    title: `V/v ${d.subject}`,
    description: 'Dự thảo công văn do Hải Đăng soạn từ kết quả đánh giá, xếp loại đơn vị',
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(20) },
          },
        },
        children: [
          twoColumns(headerLeft, headerRight, leftTwip, rightTwip),
          ...recipients,
          ...content,
          twoColumns(copyTo, signer, convertMillimetersToTwip(80), textTwip - convertMillimetersToTwip(80)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
