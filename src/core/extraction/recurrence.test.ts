import { describe, expect, it } from 'vitest';
import { detectRecurrence, findIrregularPeriod, findTaskRecurrence } from './recurrence';

describe('recurrence', () => {
  it.each([
    ['Báo cáo định kỳ 02 tuần/lần về tiến độ', 'biweekly'],
    ['báo cáo hai tuần một lần', 'biweekly'],
    ['báo cáo hằng tháng', 'monthly'],
    ['Định kỳ hàng tháng, quý, năm các sở báo cáo', 'monthly'],
    ['báo cáo định kỳ hằng quý', 'quarterly'],
    ['gửi báo cáo hằng năm', 'annual'],
    ['họp giao ban hằng tuần', 'weekly'],
    ['báo cáo định kỳ quý', 'quarterly'],
    ['cập nhật 01 tháng/lần', 'monthly'],
  ])('%s → %s', (text, expected) => {
    expect(detectRecurrence(text)).toBe(expected);
  });

  it('counts a frequency only when it governs the task', () => {
    expect(findTaskRecurrence('kiểm tra, báo cáo hằng quý')?.recurrence).toBe('quarterly');
    expect(findTaskRecurrence('Hằng tháng, tổng hợp số liệu')?.recurrence).toBe('monthly');
    expect(findTaskRecurrence('đưa vào tiêu chí xét thi đua hàng năm')).toBeNull();
    expect(findTaskRecurrence('bổ sung vào bộ tiêu chí chấm điểm hàng năm của tỉnh')).toBeNull();
    expect(findTaskRecurrence('gửi báo cáo trước ngày 20 hằng tháng')?.recurrence).toBe('monthly');
  });

  it('has no value for a text without frequency', () => {
    expect(detectRecurrence('xây dựng lộ trình theo từng quý')).toBeNull();
  });
});

describe('a frequency closing a duty clause', () => {
  it('governs the duty verb across an object with commas', () => {
    const s = 'rà soát, cập nhật dữ liệu cán bộ, công chức, viên chức vào cơ sở dữ liệu của tỉnh hằng tháng; báo cáo kết quả';
    expect(findTaskRecurrence(s)?.recurrence).toBe('monthly');
    expect(findTaskRecurrence('Báo cáo tình hình sử dụng các nền tảng số về Sở Khoa học và Công nghệ hằng tháng.')?.recurrence).toBe('monthly');
  });

  it('does not when the frequency belongs to a cyclic noun or the clause goes on', () => {
    expect(findTaskRecurrence('rà soát, đưa kết quả vào tiêu chí xét thi đua, khen thưởng hằng năm.')).toBeNull();
    expect(findTaskRecurrence('đánh giá, xếp loại và xét thi đua hằng năm của các cơ quan, đơn vị')).toBeNull();
    expect(findTaskRecurrence('xây dựng cơ sở dữ liệu, phần mềm dùng chung hằng năm.')).toBeNull();
  });
});

describe('findIrregularPeriod', () => {
  it('keeps a period outside the vocabulary as words', () => {
    expect(findIrregularPeriod('Định kỳ 6 tháng, đánh giá kết quả')?.text).toBe('Định kỳ 6 tháng');
    expect(findIrregularPeriod('báo cáo 06 tháng/lần')?.text).toBe('06 tháng/lần');
    expect(findIrregularPeriod('định kỳ 6 tháng một lần báo cáo')?.text).toBe('định kỳ 6 tháng một lần');
  });

  it('leaves regular periods and half-year deadlines alone', () => {
    expect(findIrregularPeriod('định kỳ 02 tuần/lần')).toBeNull();
    expect(findIrregularPeriod('báo cáo 03 tháng/lần')).toBeNull();
    expect(findIrregularPeriod('hoàn thành trong 6 tháng đầu năm 2024')).toBeNull();
  });
});
