import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEADLINE_FORMS, YEARLESS_FORMS, findDeadlines, formatDeadline, parseDeadline } from './deadline';
import { isoDate, lastDayOfMonth } from './dates';

describe('parseDeadline', () => {
  const doc = '2023-01-18';
  it.each([
    ['báo cáo UBND tỉnh trước ngày 25/3/2020.', '2020-03-25', 'trước ngày 25/3/2020'],
    ['trước ngày 25 tháng 3 năm 2020', '2020-03-25', 'trước ngày 25 tháng 3 năm 2020'],
    ['gửi hồ sơ thẩm định trong tháng 02/2023.', '2023-02-28', 'trong tháng 02/2023'],
    ['trình phê duyệt trong quý II/2022', '2022-06-30', 'trong quý II/2022'],
    ['trong Quý 4 năm 2024', '2024-12-31', 'trong Quý 4 năm 2024'],
    ['đưa vào vận hành trong năm 2022.', '2022-12-31', 'trong năm 2022'],
    ['hoàn thành trong tháng 3', '2023-03-31', 'hoàn thành trong tháng 3'],
    ['trước ngày 15/3', '2023-03-15', 'trước ngày 15/3'],
    ['trong 6 tháng đầu năm', '2023-06-30', 'trong 6 tháng đầu năm'],
    ['trước 30/6', '2023-06-30', 'trước 30/6'],
    ['chậm nhất ngày 20/4/2024', '2024-04-20', 'chậm nhất ngày 20/4/2024'],
    ['Thời gian hoàn thành: Quý III/2024', '2024-09-30', 'Thời gian hoàn thành: Quý III/2024'],
    ['Hoàn thành trong tháng 2/2024.', '2024-02-29', 'Hoàn thành trong tháng 2/2024'],
  ])('%s', (text, date, written) => {
    expect(parseDeadline(text, doc)).toEqual({ date, text: written });
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    expect(parseDeadline('hoàn thành trước ngày 31/02/2024', doc)).toEqual({ date: null, text: 'hoàn thành trước ngày 31/02/2024' });
    expect(parseDeadline('trong tháng 13/2024', doc)?.date).toBeNull();
  });

  it('reads a day-month without year in the document year, or the next one when it has passed', () => {
    expect(parseDeadline('trước ngày 15/1', '2023-12-20')?.date).toBe('2024-01-15');
    expect(parseDeadline('trước ngày 15/1', null)).toEqual({ date: null, text: 'trước ngày 15/1' });
  });

  it('ignores reference dates, amounts and recurring report days', () => {
    expect(parseDeadline('theo Nghị định số 12/2021/NĐ-CP ngày 03/2/2021 của Chính phủ', doc)).toBeNull();
    expect(parseDeadline('bồi dưỡng trước 12.500 học viên', doc)).toBeNull();
    expect(parseDeadline('gửi báo cáo trước ngày 20 hằng tháng', doc)).toBeNull();
    expect(parseDeadline('gửi báo cáo trước ngày 15/12 hằng năm', doc)).toBeNull();
  });

  it('accepts NFD input', () => {
    expect(parseDeadline('trước ngày 25/3/2020'.normalize('NFD'), doc)?.date).toBe('2020-03-25');
  });

  it('finds every expression with its offsets', () => {
    const text = 'Xây dựng dự thảo trước ngày 10/5/2024; trình UBND tỉnh trong tháng 6/2024.';
    const found = findDeadlines(text, doc);
    expect(found.map((d) => d.date)).toEqual(['2024-05-10', '2024-06-30']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});

const arbDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => isoDate(year, month, Math.min(day, lastDayOfMonth(year, month))) as string);

describe('formatDeadline / parseDeadline round trip', () => {
  it('every valid date written in any accepted form parses back to itself', () => {
    fc.assert(
      fc.property(arbDate, fc.constantFrom(...DEADLINE_FORMS), fc.constantFrom('', 'Giao Sở Nội vụ báo cáo ', '- Hoàn thiện hồ sơ, '), (date, form, prefix) => {
        const written = formatDeadline(date, form);
        if (written === null) return;
        const documentDate = YEARLESS_FORMS.has(form) ? `${date.slice(0, 4)}-01-01` : '2000-06-15';
        expect(parseDeadline(`${prefix}${written}.`, documentDate)?.date).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('month, quarter and year forms exist exactly for period ends', () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(formatDeadline(date, 'trong_thang') !== null).toBe(d === lastDayOfMonth(y, m));
        expect(formatDeadline(date, 'trong_quy') !== null).toBe(d === lastDayOfMonth(y, m) && m % 3 === 0);
        expect(formatDeadline(date, 'trong_nam') !== null).toBe(m === 12 && d === 31);
      }),
    );
  });

  it('a day past the end of its month is never turned into a date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }), (y, m, d) => {
        fc.pre(d > lastDayOfMonth(y, m));
        expect(parseDeadline(`trước ngày ${d}/${m}/${y}`, '2000-01-01')?.date).toBeNull();
        expect(parseDeadline(`trước ngày ${d} tháng ${m} năm ${y}`, '2000-01-01')?.date).toBeNull();
      }),
    );
  });
});

describe('deadline before a month or quarter', () => {
  it('means the end of the month or quarter before it', () => {
    expect(parseDeadline('hoàn thành trước tháng 6/2024', null)).toEqual({ date: '2024-05-31', text: 'hoàn thành trước tháng 6/2024' });
    expect(parseDeadline('trước tháng 01/2025', null)?.date).toBe('2024-12-31');
    expect(parseDeadline('trước quý III/2024', null)?.date).toBe('2024-06-30');
    expect(parseDeadline('trước tháng 3', '2024-01-10')?.date).toBe('2024-02-29');
  });

  it('does not take "trước hết tháng" (by the end of) for "before"', () => {
    expect(parseDeadline('trước hết tháng 6/2024', null)?.date).toBe('2024-06-30');
  });
});

describe('report days of a cycle', () => {
  it('takes "trước ngày 10/6 và 10/12" as no deadline, a dated day still as one', () => {
    expect(findDeadlines('báo cáo định kỳ 6 tháng (trước ngày 10/6 và 10/12)', '2025-11-05')).toEqual([]);
    expect(findDeadlines('hoàn thành trước ngày 10/6/2026 và báo cáo', '2025-11-05')[0]?.date).toBe('2026-06-10');
  });
});
