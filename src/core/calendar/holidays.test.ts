import { describe, expect, it } from 'vitest';
import { RuleError } from '../errors';
import { dayOfWeek, isIsoDate } from './dates';
import { MAKEUP_SATURDAYS, VN_HOLIDAYS, holidaySet } from './holidays';

const isWeekday = (d: string): boolean => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
const ofYear = (y: number) => VN_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`));

// First day of the lunar year and Giỗ Tổ (10/3 âm lịch) in Vietnam (UTC+7).
const LUNAR: Record<number, [string, string]> = {
  2018: ['2018-02-16', '2018-04-25'],
  2019: ['2019-02-05', '2019-04-14'],
  2020: ['2020-01-25', '2020-04-02'],
  2021: ['2021-02-12', '2021-04-21'],
  2022: ['2022-02-01', '2022-04-10'],
  2023: ['2023-01-22', '2023-04-29'],
  2024: ['2024-02-10', '2024-04-18'],
  2025: ['2025-01-29', '2025-04-07'],
  2026: ['2026-02-17', '2026-04-26'],
  2027: ['2027-02-06', '2027-04-16'],
  2028: ['2028-01-26', '2028-04-04'],
  2029: ['2029-02-13', '2029-04-23'],
  2030: ['2030-02-02', '2030-04-12'],
};

describe('VN_HOLIDAYS', () => {
  it('has valid, unique, sorted dates and NFC Vietnamese names', () => {
    const dates = VN_HOLIDAYS.map((h) => h.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const h of VN_HOLIDAYS) expect(h.name).toBe(h.name.normalize('NFC'));
  });

  it('covers every legal holiday 2018–2030', () => {
    const set = holidaySet(VN_HOLIDAYS);
    for (let y = 2018; y <= 2030; y += 1) {
      const [tet, gioTo] = LUNAR[y] ?? ['', ''];
      for (const d of [`${y}-01-01`, tet, gioTo, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`]) {
        expect(set.has(d), d).toBe(true);
      }
      const tetDays = ofYear(y).filter((h) => h.name.startsWith('Tết Nguyên Đán'));
      expect(tetDays, `Tết ${y}`).toHaveLength(5);
      const qk = ofYear(y).filter((h) => h.name.startsWith('Quốc khánh'));
      expect(qk, `Quốc khánh ${y}`).toHaveLength(y >= 2021 ? 2 : 1);
    }
  });

  it('weekday days off = legal days + swapped days (nghỉ bù restores weekend holidays)', () => {
    for (let y = 2018; y <= 2030; y += 1) {
      const list = ofYear(y);
      const legal = y >= 2021 ? 11 : 10;
      const swaps = list.filter((h) => h.name.startsWith('Nghỉ hoán đổi')).length;
      expect(list.filter((h) => isWeekday(h.date)).length, String(y)).toBe(legal + swaps);
      for (const h of list) {
        if (h.name.startsWith('Nghỉ bù') || h.name.startsWith('Nghỉ hoán đổi')) {
          expect(isWeekday(h.date), h.date).toBe(true);
        }
      }
    }
  });

  it('matches the announced 2026 calendar', () => {
    const set = holidaySet(VN_HOLIDAYS);
    for (const d of ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-20', '2026-04-27', '2026-08-31', '2026-09-01']) {
      expect(set.has(d), d).toBe(true);
    }
    expect(set.has('2026-02-23')).toBe(false);
  });

  it('lists make-up Saturdays separately', () => {
    expect(MAKEUP_SATURDAYS.every((h) => dayOfWeek(h.date) === 6)).toBe(true);
    const set = holidaySet(VN_HOLIDAYS);
    expect(MAKEUP_SATURDAYS.some((h) => set.has(h.date))).toBe(false);
  });
});

describe('holidaySet', () => {
  it('rejects a malformed row', () => {
    expect(() => holidaySet([{ date: '2026-02-30' }])).toThrow(RuleError);
    expect(() => holidaySet([{ date: '17/02/2026' }])).toThrow(/Ngày nghỉ lễ không hợp lệ/);
  });
});
