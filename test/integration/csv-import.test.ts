import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_UTF8_MESSAGE } from '../../src/server/excel';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { pollJob, uploadFile } from '../helpers/upload';

/**
 * CSV as it arrives from offices: UTF-8 with or without BOM, UTF-16 from Excel's "Unicode
 * text", quoted fields that hold line breaks. A legacy Vietnamese encoding (Windows-1258,
 * TCVN3) is refused with a sentence that names the encoding, never as "missing columns".
 */
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

/** Windows-1258 bytes of the few letters used below (Vietnamese tones as combining marks). */
function cp1258(s: string): Buffer {
  const map: Record<string, number[]> = { 'ã': [0x61, 0xde], 'ỉ': [0x69, 0xd2], 'ố': [0xf4, 0xec], 'ơ': [0xf5], 'ị': [0x69, 0xf2], 'ỳ': [0x79, 0xcc], 'ì': [0xec], 'Đ': [0xd0], 'á': [0xe1], 'ồ': [0xf4, 0xcc] };
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) out.push(...(map[ch] ?? [ch.charCodeAt(0)]));
  return Buffer.from(out);
}

describe.each(ENGINES)('CSV imports on %s', (engine) => {
  let s: TestServer;
  let coord: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    s.clock.now = new Date('2022-07-20T12:00:00+07:00');
    const cat = (await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'CSV', name: 'Nhập CSV', validFrom: '2020-01-01' })).json();
    const made = await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'C_COUNT', name: 'Số nhập CSV', kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum',
      pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2020-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
  });
  afterAll(async () => s?.close());

  const importValues = async (name: string, content: Buffer | string) => {
    const res = await uploadFile(s.app, coord, '/api/indicator-imports', name, content, 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    return pollJob(s.app, coord, `/api/indicator-imports/${res.json().id}`);
  };
  const note = async (period: string) =>
    (await s.db.query<{ note: string | null; value: number }>(`select v.note, v.value from indicator_values v join indicators i on i.id = v.indicator_id where i.code = 'C_COUNT' and v.period = $1`, [period]))[0];

  it.each([
    ['UTF-8 without BOM', (t: string) => Buffer.from(t, 'utf8'), '2022-M01'],
    ['UTF-8 with BOM', (t: string) => Buffer.from(`\uFEFF${t}`, 'utf8'), '2022-M02'],
    ['UTF-16 LE with BOM', utf16le, '2022-M03'],
    ['UTF-16 BE with BOM', utf16be, '2022-M04'],
  ])('reads %s', async (_label, encode, period) => {
    const text = `Mã chỉ số;Đơn vị;Kỳ;Giá trị;Ghi chú\r\nC_COUNT;Ủy ban nhân dân quận Lê Chân;${period};7;Số liệu Quý I — đã rà soát\r\n`;
    const job = await importValues(`so-lieu-${period}.csv`, encode(text));
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'done', processedRows: 1 });
    expect(await note(period)).toEqual({ note: 'Số liệu Quý I — đã rà soát', value: 7 });
  });

  it('refuses a Windows-1258 file naming the encoding, not "missing columns", and writes nothing', async () => {
    const before = await s.db.query('select count(*)::int as n from indicator_values');
    const bytes = cp1258('Mã chỉ số;Đơn vị;Kỳ;Giá trị\nC_COUNT;HP.Q.LECHAN;2022-M05;1\n');
    expect(bytes.includes(0xd0)).toBe(true);
    const job = await importValues('cp1258.csv', bytes);
    expect(job.status).toBe('failed');
    expect(job.message).toBe(NOT_UTF8_MESSAGE);
    expect(job.message).toMatch(/Windows-1258, TCVN3/);
    expect(await s.db.query('select count(*)::int as n from indicator_values')).toEqual(before);

    const feed = await uploadFile(s.app, coord, '/api/dossier-imports', 'mot-cua-1258.csv', cp1258('Mã hồ sơ;Đơn vị;Mã thủ tục;Ngày tiếp nhận;Kênh\nA1;HP.Q.LECHAN;1.001;20/04/2022;Trực tiếp\n'), 'text/csv');
    const failed = await pollJob(s.app, coord, `/api/dossier-imports/${feed.json().id}`);
    expect(failed.status).toBe('failed');
    expect(failed.message).toBe(NOT_UTF8_MESSAGE);
  });

  it('keeps a line break inside a quoted field, and numbers the rows after it by the file’s lines', async () => {
    const text = [
      'Mã chỉ số,Đơn vị,Kỳ,Giá trị,Ghi chú',
      'C_COUNT,HP.Q.LECHAN,2022-M06,3,"Dòng một',
      'dòng hai, có dấu phẩy; và ""ngoặc kép"""',
      'C_COUNT,HP.Q.NGOQUYEN,2022-M06,4,',
    ].join('\r\n');
    const job = await importValues('xuong-dong.csv', text);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'done', processedRows: 2 });
    expect((await note('2022-M06'))!.note).toBe('Dòng một\r\ndòng hai, có dấu phẩy; và "ngoặc kép"');

    const bad = await importValues('xuong-dong-loi.csv', [
      'Mã chỉ số,Đơn vị,Kỳ,Giá trị,Ghi chú',
      'C_COUNT,HP.Q.LECHAN,2022-M07,3,"Dòng một',
      'dòng hai',
      'dòng ba"',
      'C_COUNT,Quận Không Có,2022-M07,4,', // line 5 of the file
    ].join('\n'));
    expect(bad.status).toBe('failed');
    expect(bad.errors).toEqual([expect.objectContaining({ row: 5, column: 'Đơn vị' })]);
  });

  it('reads a dossier feed whose quoted field spans lines, and names an unclosed quote', async () => {
    const feed = [
      'Mã hồ sơ;Đơn vị;Mã thủ tục;Ngày tiếp nhận;Kênh;Ghi chú',
      'Q1;HP.Q.LECHAN;1.001;20/04/2022 08:00;Trực tiếp;"hồ sơ bổ sung',
      'lần hai"',
      'Q2;HP.Q.LECHAN;1.001;21/04/2022 08:00;fax;', // line 4: bad channel
    ].join('\n');
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'xuong-dong.csv', feed, 'text/csv');
    const job = await pollJob(s.app, coord, `/api/dossier-imports/${res.json().id}`);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, column: 'Kênh' })]);

    const fixed = await uploadFile(s.app, coord, '/api/dossier-imports', 'xuong-dong.csv', feed.replace(';fax;', ';online;'), 'text/csv');
    expect(await pollJob(s.app, coord, `/api/dossier-imports/${fixed.json().id}`)).toMatchObject({ status: 'done', processedRows: 2 });

    const open = await uploadFile(s.app, coord, '/api/dossier-imports', 'ngoac.csv', 'Mã hồ sơ;Đơn vị;Mã thủ tục;Ngày tiếp nhận;Kênh\nQ3;HP.Q.LECHAN;1.001;"22/04/2022;online\n', 'text/csv');
    const unclosed = await pollJob(s.app, coord, `/api/dossier-imports/${open.json().id}`);
    expect(unclosed.status).toBe('failed');
    expect(unclosed.message).toMatch(/dấu ngoặc kép \(".*không đóng/);
  });
});
