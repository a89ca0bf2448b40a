import { describe, expect, it } from 'vitest';
import { extractDirective } from './extract';
import { joinWrappedRows } from './table-wrap';

const HEAD = ['| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |', '|---|---|---|---|'];

describe('joinWrappedRows', () => {
  it('folds a row whose TT cell is empty into the row above, cell by cell', () => {
    const text = [...HEAD, '| 1 | Số hóa dữ liệu | Sở Khoa học và | Quý IV/2025 |', '|   | đất đai cấp xã | Công nghệ |   |'].join('\n');
    expect(joinWrappedRows(text).split('\n')).toEqual([...HEAD, '| 1 | Số hóa dữ liệu đất đai cấp xã | Sở Khoa học và Công nghệ | Quý IV/2025 |']);
  });

  it('leaves caps section rows, tables without a numbering column and idempotence alone', () => {
    const section = [...HEAD, '|   | HẠ TẦNG SỐ |   |   |', '| 1 | Nâng cấp mạng | Sở Nội vụ | Năm 2025 |'].join('\n');
    expect(joinWrappedRows(section)).toBe(section);
    const noIndex = ['| Nhiệm vụ | Cơ quan chủ trì |', '|---|---|', '| Rà soát | Sở Y tế |', '|  | Sở Tư pháp |'].join('\n');
    expect(joinWrappedRows(noIndex)).toBe(noIndex);
    const once = joinWrappedRows([...HEAD, '| 1 | A | Sở Y | Năm 2025 |', '|  | b | tế |  |'].join('\n'));
    expect(joinWrappedRows(once)).toBe(once);
  });

  it('gives one assignment per wrapped row', () => {
    const doc = [...HEAD, '| 1 | Xây dựng kho dữ liệu | Sở Nông nghiệp và | Tháng 12/2025 |', '|   | dùng chung | Môi trường |   |'].join('\n');
    const [a, ...rest] = extractDirective(doc).assignments;
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ lead: 'Sở Nông nghiệp và Môi trường', task: 'xây dựng kho dữ liệu dùng chung', deadline: '2025-12-31' });
  });
});
