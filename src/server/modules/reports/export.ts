import { formatNumber } from '../../../core/format/number';
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
  WidthType,
  type ITableCellOptions,
} from 'docx';
import { formatVnDate } from '../../../core/calendar/dates';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import { writeSheet, type SheetColumn } from '../../excel';
import type { Consolidated, ConsolidatedRow } from './consolidate';
import type { Timeliness } from './timeliness';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const TIMELINESS_LABEL: Record<Timeliness, string> = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa nộp (quá hạn)', pending: 'Chưa đến hạn' };
const STATUS_LABEL: Record<string, string> = { draft: 'Đang soạn', submitted: 'Đã nộp', returned: 'Bị trả lại', approved: 'Đã duyệt' };

const fmt = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? '' : formatNumber(n, { decimals: digits }));

const vnDateTime = (iso: string | null) => (iso ? formatVnDate(vnDateOfInstant(Date.parse(iso))) : '');

/** "ngày 05 tháng 02 năm 2026" (NĐ 30/2020: day and month below 10 with a leading zero). */
export function vnLongDate(iso: string): string {
  return `ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;
}

type Row = ConsolidatedRow & { no: number | string };

export async function consolidatedXlsx(c: Consolidated): Promise<Buffer> {
  const columns: SheetColumn<Row>[] = [
    { header: 'STT', value: 'no', width: 6 },
    { header: 'Đơn vị', value: 'unitName', width: 40 },
    { header: 'Trạng thái', value: (r) => (r.status ? STATUS_LABEL[r.status] : 'Chưa lập'), width: 14 },
    { header: 'Thời điểm nộp', value: (r) => vnDateTime(r.submittedAt), width: 14 },
    { header: 'Đúng hạn', value: (r) => (r.no === '' ? '' : TIMELINESS_LABEL[r.timeliness]), width: 18 },
  ];
  for (const f of c.indicatorFields) {
    if (f.indicator.kind === 'ratio') {
      columns.push({ header: `${f.indicator.code} – ${f.indicator.numerator_label ?? 'Tử số'}`, value: (r) => r.values[f.id]?.numerator ?? null, type: 'number' });
      columns.push({ header: `${f.indicator.code} – ${f.indicator.denominator_label ?? 'Mẫu số'}`, value: (r) => r.values[f.id]?.denominator ?? null, type: 'number' });
    }
    columns.push({ header: `${f.label} (${f.indicator.unit_of_measure})`, value: (r) => r.values[f.id]?.value ?? null, type: 'number', width: 18 });
  }
  for (const f of c.textFields) columns.push({ header: f.label, value: (r) => r.texts[f.id] ?? '', width: 50 });
  const total: Row = {
    no: '',
    unitName: 'TỔNG HỢP (các báo cáo đã nộp)',
    status: null,
    submittedAt: null,
    timeliness: 'pending',
    values: Object.fromEntries(c.indicatorFields.map((f) => [f.id, { value: c.totals[f.id]?.value ?? null, numerator: c.totals[f.id]?.numerator ?? null, denominator: c.totals[f.id]?.denominator ?? null }])),
    texts: {},
  };
  const rows: Row[] = [...c.rows.map((r, i) => ({ ...r, no: i + 1 })), total];
  const buffer = await writeSheet({
    sheetName: 'Tong hop',
    title: `TỔNG HỢP ${c.regimeTitle.toUpperCase()} – ${c.period.label.toUpperCase()}`,
    subtitle: `Chốt số liệu ${formatVnDate(c.period.cutoffStart)} – ${formatVnDate(c.period.cutoffEnd)}; hạn gửi ${formatVnDate(c.period.deadline)}; đúng hạn ${c.counts.on_time}, trễ hạn ${c.counts.late}, chưa nộp ${c.counts.missing + c.counts.pending}`,
    columns,
    rows,
  });
  return buffer;
}

const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 13) * 2, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });
const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean } = {}) =>
  new Paragraph({ children, alignment: o.align, spacing: { before: o.before ?? 0, after: o.after ?? 60 }, indent: o.indent ? { firstLine: 567 } : undefined });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function cell(text: string, o: Partial<ITableCellOptions> & { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({ ...o, children: [para([run(text, { bold: o.bold, size: 12 })], { align: o.align, after: 0 })] });
}

/**
 * The consolidated report as a Word document in the layout of NĐ 30/2020 Phụ lục I: issuing
 * body and national motto side by side, number and place-date line, type and summary, body,
 * recipients and signature block. Number and signer are left for the văn thư to fill in.
 */
export async function consolidatedDocx(c: Consolidated, issuer: { parent: string; unit: string }): Promise<Buffer> {
  const heading = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              para([run(issuer.parent.toUpperCase(), { size: 12 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run(issuer.unit.toUpperCase(), { bold: true, size: 12 })], { align: AlignmentType.CENTER, after: 120 }),
              para([run('Số:        /BC-………')], { align: AlignmentType.CENTER }),
            ],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })], { align: AlignmentType.CENTER, after: 120 }),
              para([run(`Hải Phòng, ${vnLongDate(c.today)}`, { italics: true })], { align: AlignmentType.CENTER }),
            ],
          }),
        ],
      }),
    ],
  });

  const body: Array<Paragraph | Table> = [
    heading,
    para([run('BÁO CÁO', { bold: true, size: 14 })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    para([run(`Tổng hợp ${c.regimeTitle} – ${c.period.label}`, { bold: true, size: 14 })], { align: AlignmentType.CENTER, after: 240 }),
  ];
  if (c.legalBasis) body.push(para([run(`Căn cứ ${c.legalBasis};`)], { indent: true }));
  body.push(
    para([
      run(
        `${issuer.unit} tổng hợp báo cáo kỳ ${c.period.label} (số liệu chốt từ ngày ${formatVnDate(c.period.cutoffStart)} đến ngày ${formatVnDate(c.period.cutoffEnd)}; hạn gửi báo cáo ngày ${formatVnDate(c.period.deadline)}) như sau:`,
      ),
    ], { indent: true }),
    para([run('I. TÌNH HÌNH GỬI BÁO CÁO', { bold: true })], { before: 120 }),
    para([
      run(`Tổng số ${c.rows.length} đơn vị phải báo cáo: ${c.counts.on_time} đơn vị gửi đúng hạn, ${c.counts.late} đơn vị gửi trễ hạn, ${c.counts.missing} đơn vị chưa gửi khi đã quá hạn${c.counts.pending ? `, ${c.counts.pending} đơn vị chưa đến hạn` : ''}.`),
    ], { indent: true }),
  );
  const missing = c.rows.filter((r) => r.timeliness === 'missing' || r.timeliness === 'late');
  if (missing.length) {
    body.push(para([run(`Đơn vị chưa gửi hoặc gửi trễ: ${missing.map((r) => `${r.unitName} (${TIMELINESS_LABEL[r.timeliness].toLowerCase()})`).join('; ')}.`)], { indent: true }));
  }

  if (c.indicatorFields.length) {
    body.push(para([run('II. SỐ LIỆU CHỈ SỐ', { bold: true })], { before: 120 }));
    const header = new TableRow({
      tableHeader: true,
      children: [cell('STT', { bold: true, align: AlignmentType.CENTER }), cell('Đơn vị', { bold: true, align: AlignmentType.CENTER }), ...c.indicatorFields.map((f) => cell(`${f.label} (${f.indicator.unit_of_measure})`, { bold: true, align: AlignmentType.CENTER }))],
    });
    const rows = c.rows.map(
      (r, i) =>
        new TableRow({
          children: [
            cell(String(i + 1), { align: AlignmentType.CENTER }),
            cell(r.unitName),
            ...c.indicatorFields.map((f) => {
              const v = r.values[f.id];
              const parts = v && v.numerator !== null && v.denominator !== null ? ` (${fmt(v.numerator, 0)}/${fmt(v.denominator, 0)})` : '';
              return cell(v?.value !== null && v?.value !== undefined ? `${fmt(v.value)}${parts}` : '–', { align: AlignmentType.RIGHT });
            }),
          ],
        }),
    );
    const total = new TableRow({
      children: [
        cell(''),
        cell('Tổng hợp', { bold: true }),
        ...c.indicatorFields.map((f) => {
          const t = c.totals[f.id];
          const parts = t?.numerator !== undefined && t.denominator !== undefined ? ` (${fmt(t.numerator, 0)}/${fmt(t.denominator, 0)})` : '';
          return cell(t?.value !== null && t?.value !== undefined ? `${fmt(t.value)}${parts}` : '–', { bold: true, align: AlignmentType.RIGHT });
        }),
      ],
    });
    body.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, total] }));
    body.push(para([run('Chỉ số tỷ lệ tổng hợp bằng tổng tử số chia tổng mẫu số của các đơn vị đã gửi báo cáo (không lấy trung bình các tỷ lệ).', { italics: true, size: 12 })], { before: 60 }));
  }

  c.textFields.forEach((f, n) => {
    body.push(para([run(`${c.indicatorFields.length ? 'III' : 'II'}.${n + 1}. ${f.label.toUpperCase()}`, { bold: true })], { before: 120 }));
    const written = c.rows.filter((r) => r.texts[f.id]?.trim());
    if (written.length === 0) body.push(para([run('(Chưa có đơn vị nêu nội dung này.)', { italics: true })], { indent: true }));
    for (const r of written) body.push(para([run(`${r.unitName}: `, { bold: true }), run(r.texts[f.id]!)], { indent: true }));
  });

  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: NO_BORDERS,
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [
                para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })], { before: 240, after: 0 }),
                para([run('- UBND thành phố (để b/c);', { size: 11 })], { after: 0 }),
                para([run('- Các đơn vị báo cáo;', { size: 11 })], { after: 0 }),
                para([run('- Lưu: VT.', { size: 11 })], { after: 0 }),
              ],
            }),
            new TableCell({
              borders: NO_BORDERS,
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [
                para([run('THỦ TRƯỞNG CƠ QUAN', { bold: true })], { align: AlignmentType.CENTER, before: 240, after: 960 }),
                para([run('(Ký, ghi rõ họ tên)', { italics: true })], { align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  );

  const doc = new Document({
    creator: 'Hải Đăng',
    title: `Báo cáo tổng hợp ${c.regimeTitle} – ${c.period.label}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
