import { describe, expect, it } from 'vitest';
import { detectRecurrence, findTaskRecurrence } from './recurrence';

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
