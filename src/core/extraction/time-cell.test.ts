import { describe, expect, it } from 'vitest';
import { parseTimeCell } from './time-cell';

describe('parseTimeCell', () => {
  it.each([
    ['Quý II/2024', '2024-06-30'],
    ['Quý II năm 2024', '2024-06-30'],
    ['Quý II-III/2024', '2024-09-30'],
    ['Tháng 6/2024', '2024-06-30'],
    ['Tháng 6 - 9/2024', '2024-09-30'],
    ['Năm 2024', '2024-12-31'],
    ['2024', '2024-12-31'],
    ['2024-2025', '2025-12-31'],
    ['Giai đoạn 2024 – 2025', '2025-12-31'],
    ['30/6/2024', '2024-06-30'],
    ['Trước 15/8/2024', '2024-08-15'],
    ['Trước tháng 6/2024', '2024-05-31'],
    ['6 tháng đầu năm 2024', '2024-06-30'],
  ])('%s → %s', (cell, date) => {
    expect(parseTimeCell(cell, '2024-03-01')).toEqual({ deadline: date, deadlineText: cell, recurrence: null });
  });

  it('reads a frequency as recurrence and a standing duty as no deadline', () => {
    expect(parseTimeCell('Hằng năm', null)).toEqual({ deadline: null, deadlineText: 'Hằng năm', recurrence: 'annual' });
    expect(parseTimeCell('Hàng quý', null).recurrence).toBe('quarterly');
    expect(parseTimeCell('Thường xuyên', null)).toEqual({ deadline: null, deadlineText: 'Thường xuyên', recurrence: null });
    expect(parseTimeCell('THUONG XUYEN', null).deadline).toBeNull();
    expect(parseTimeCell('', null)).toEqual({ deadline: null, deadlineText: null, recurrence: null });
  });

  it('keeps what it cannot read as text, without a date', () => {
    expect(parseTimeCell('Theo tiến độ dự án', null)).toEqual({ deadline: null, deadlineText: 'Theo tiến độ dự án', recurrence: null });
    expect(parseTimeCell('Khi có hướng dẫn của Bộ', null).deadline).toBeNull();
  });
});
