import { describe, expect, it } from 'vitest';
import { barTabTables, findTaskTables, tableColumns } from './table';
import { normalizeDocument } from './sentences';

describe('tableColumns', () => {
  it('finds columns by their names, diacritic-blind and in any order', () => {
    expect(tableColumns(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'])).toEqual({
      task: 1,
      lead: 2,
      coordinators: 3,
      time: 4,
    });
    expect(tableColumns(['TT', 'Don vi chu tri', 'Noi dung', 'Tien do'])).toEqual({ task: 2, lead: 1, coordinators: null, time: 3 });
    expect(tableColumns(['Chủ trì', 'Phối hợp', 'Nội dung công việc', 'Thời hạn'])).toEqual({ task: 2, lead: 0, coordinators: 1, time: 3 });
  });

  it('refuses a table that names no lead or no task', () => {
    expect(tableColumns(['Chỉ tiêu', 'Năm 2024', 'Năm 2025'])).toBeNull();
    expect(tableColumns(['Nhiệm vụ', 'Kinh phí'])).toBeNull();
  });
});

describe('barTabTables', () => {
  it('writes the rows of a task table between bars, from its header on', () => {
    const text = 'ỦY BAN\tCỘNG HÒA\nNhiệm vụ\tChủ trì\tThời hạn\nRà soát\tSở Nội vụ\tQuý II/2024\n\nKết thúc.';
    expect(barTabTables(text)).toBe(
      'ỦY BAN\tCỘNG HÒA\n| Nhiệm vụ | Chủ trì | Thời hạn |\n| Rà soát | Sở Nội vụ | Quý II/2024 |\n\nKết thúc.',
    );
  });

  it('leaves normalisation idempotent', () => {
    const raw = 'Nhiệm vụ\tChủ trì\tThời hạn\nRà soát\tSở Nội vụ\tQuý II/2024\n\tSở Y tế thực hiện.';
    const once = normalizeDocument(raw);
    expect(normalizeDocument(once)).toBe(once);
    expect(once).not.toContain('\t');
  });
});

describe('findTaskTables', () => {
  it('keeps data rows and leaves out rules and section rows', () => {
    const text = [
      '| TT | Nội dung | Đơn vị chủ trì | Thời hạn |',
      '|---|---|---|---|',
      '| I | Hạ tầng số | | |',
      '| 1 | Nâng cấp mạng diện rộng | Sở Khoa học và Công nghệ | Năm 2025 |',
      '| 2 | Số hóa hồ sơ | UBND các xã, phường | Quý IV/2025 |',
      '',
      'Văn bản tiếp theo.',
    ].join('\n');
    const [table] = findTaskTables(text);
    expect(table?.rows.map((r) => r.cells.map((c) => text.slice(c.start, c.end)))).toEqual([
      ['1', 'Nâng cấp mạng diện rộng', 'Sở Khoa học và Công nghệ', 'Năm 2025'],
      ['2', 'Số hóa hồ sơ', 'UBND các xã, phường', 'Quý IV/2025'],
    ]);
  });
});
