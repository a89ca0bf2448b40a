import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Criterion,
  SAMPLE_CLASS_THRESHOLDS,
  SAMPLE_CRITERIA,
  criteriaInForce,
  normalise,
  validateCriterion,
} from './criteria';
import { formatNumberVi } from './reason';
import { type UnitMeasures, scoreUnits } from './score';

function buildUnit(unitId: string, unitName: string, measures: UnitMeasures['measures']): UnitMeasures {
  return { unitId, unitName, measures };
}

const full = {
  on_time_rate: 100,
  overdue_tasks: 0,
  report_timeliness: 100,
  disbursement_rate: 90,
  indicator_achievement: 100,
};

function score(units: UnitMeasures[], criteria: readonly Criterion[] = SAMPLE_CRITERIA) {
  return scoreUnits(criteria, units, SAMPLE_CLASS_THRESHOLDS);
}

describe('criteria', () => {
  it('normalises linearly between the zero and full thresholds, clamped', () => {
    const onTime = SAMPLE_CRITERIA[0]!;
    expect(normalise(onTime, 75)).toBe(0.5);
    expect(normalise(onTime, 40)).toBe(0);
    const overdue = SAMPLE_CRITERIA[1]!;
    expect(normalise(overdue, 1)).toBe(0.8);
    expect(normalise(overdue, 12)).toBe(0);
  });

  it('sample weights sum to 100 and every sample criterion is valid', () => {
    expect(SAMPLE_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
    for (const c of SAMPLE_CRITERIA) expect(validateCriterion(c)).toEqual([]);
    expect(validateCriterion({ ...SAMPLE_CRITERIA[0]!, thresholds: { zero: 100, full: 50 } })).toHaveLength(1);
  });

  it('takes the version in force on a date', () => {
    const newer: Criterion = { ...SAMPLE_CRITERIA[0]!, weight: 40, validFrom: '2025-01-01' };
    const all = [...SAMPLE_CRITERIA, newer];
    expect(criteriaInForce(all, '2024-12-31').find((c) => c.code === 'on_time_rate')?.weight).toBe(30);
    expect(criteriaInForce(all, '2025-01-01').find((c) => c.code === 'on_time_rate')?.weight).toBe(40);
    expect(criteriaInForce(all, '2021-12-31')).toEqual([]);
  });
});

describe('scoreUnits', () => {
  it('shows every component, and the total is the sum of the points shown', () => {
    const [u] = score([
      buildUnit('a', 'Sở Y tế', { on_time_rate: 85, overdue_tasks: 3, report_timeliness: 90, disbursement_rate: 45, indicator_achievement: 70 }),
    ]);
    expect(u?.components.map((c) => [c.code, c.normalised, c.points])).toEqual([
      ['on_time_rate', 0.7, 21],
      ['disbursement_rate', 0.5, 12.5],
      ['overdue_tasks', 0.4, 8],
      ['report_timeliness', 0.8, 12],
      ['indicator_achievement', 0.7, 7],
    ]);
    expect(u?.total).toBe(60.5);
    expect(u?.score).toBe(60.5);
    expect(u?.evaluationClass).toBe('rut_kinh_nghiem');
    expect(u?.reason).toBe(
      'Rút kinh nghiệm — 60,5/100 điểm, xếp thứ 1: Tỷ lệ nhiệm vụ hoàn thành đúng hạn 85% (21/30 điểm); ' +
        'Tỷ lệ giải ngân 45% (12,5/25 điểm); Số nhiệm vụ quá hạn 3 (8/20 điểm); Tỷ lệ báo cáo đúng hạn 90% (12/15 điểm); ' +
        'Tỷ lệ chỉ tiêu đạt kế hoạch 70% (7/10 điểm); thấp nhất: số nhiệm vụ quá hạn.',
    );
  });

  it('classes by thresholds: ≥ 80 ghi nhận, < 50 phê bình', () => {
    const units = score([
      buildUnit('a', 'A', full),
      buildUnit('b', 'B', { ...full, on_time_rate: 50, disbursement_rate: 0 }),
      buildUnit('c', 'C', { ...full, on_time_rate: 50, disbursement_rate: 0, overdue_tasks: 9 }),
    ]);
    expect(units.map((u) => [u.unitId, u.score, u.evaluationClass])).toEqual([
      ['a', 100, 'ghi_nhan'],
      ['b', 45, 'phe_binh'],
      ['c', 25, 'phe_binh'],
    ]);
    expect(score([buildUnit('d', 'D', { ...full, disbursement_rate: 0 })])[0]?.evaluationClass).toBe('rut_kinh_nghiem');
  });

  it('leaves out measures a unit does not have and scores on the rest', () => {
    const [u] = score([buildUnit('a', 'Công an thành phố', { ...full, disbursement_rate: null })]);
    expect(u?.maxPoints).toBe(75);
    expect(u?.score).toBe(100);
    expect(u?.reason).toContain('Tỷ lệ giải ngân: không có số liệu, không tính');
    const [none] = score([buildUnit('z', 'Z', {})]);
    expect(none?.score).toBeNull();
    expect(none?.evaluationClass).toBeNull();
    expect(none?.reason).toBe('Chưa xếp loại: chưa có số liệu cho tiêu chí nào.');
  });

  const two: Criterion[] = [
    { ...SAMPLE_CRITERIA[0]!, thresholds: { zero: 0, full: 100 }, weight: 50 },
    { ...SAMPLE_CRITERIA[1]!, thresholds: { zero: 10, full: 0 }, weight: 50 },
  ];

  it('breaks ties by on-time rate, then Vietnamese name order', () => {
    const units = score(
      [
        buildUnit('1', 'Sở Y tế', { on_time_rate: 80, overdue_tasks: 1 }),
        buildUnit('2', 'Sở Du lịch', { on_time_rate: 90, overdue_tasks: 4 }),
        buildUnit('3', 'Sở Đào tạo', { on_time_rate: 90, overdue_tasks: 2 }),
        buildUnit('4', 'Sở Dân tộc', { on_time_rate: 90, overdue_tasks: 2 }),
      ],
      two,
    );
    // Dân tộc before Đào tạo: d < đ in Vietnamese order.
    expect(units.map((u) => [u.unitName, u.score, u.rank])).toEqual([
      ['Sở Dân tộc', 85, 1],
      ['Sở Đào tạo', 85, 2],
      ['Sở Y tế', 85, 3],
      ['Sở Du lịch', 75, 4],
    ]);
  });

  it('then by fewer overdue tasks', () => {
    const three: Criterion[] = [
      { ...SAMPLE_CRITERIA[0]!, thresholds: { zero: 0, full: 100 }, weight: 40 },
      { ...SAMPLE_CRITERIA[1]!, thresholds: { zero: 10, full: 0 }, weight: 30 },
      { ...SAMPLE_CRITERIA[2]!, thresholds: { zero: 0, full: 100 }, weight: 30 },
    ];
    // 36 + 24 + 15 = 75 and 36 + 21 + 18 = 75; "A" would win on name alone.
    const units = score(
      [
        buildUnit('q', 'A', { on_time_rate: 90, overdue_tasks: 3, report_timeliness: 60 }),
        buildUnit('p', 'B', { on_time_rate: 90, overdue_tasks: 2, report_timeliness: 50 }),
      ],
      three,
    );
    expect(units.map((u) => [u.unitId, u.score])).toEqual([
      ['p', 75],
      ['q', 75],
    ]);
  });

  it('ranks equal scores by on-time rate before overdue count', () => {
    // 60 % + 8 overdue → 30 + 10 = 40; 70 % + 9 overdue → 35 + 5 = 40.
    const units = score(
      [
        buildUnit('x', 'A', { on_time_rate: 60, overdue_tasks: 8 }),
        buildUnit('y', 'B', { on_time_rate: 70, overdue_tasks: 9 }),
      ],
      two,
    );
    expect(units.map((u) => [u.unitId, u.score, u.rank])).toEqual([
      ['y', 40, 1],
      ['x', 40, 2],
    ]);
  });

  it('rejects duplicate units, duplicate criteria and non-numbers', () => {
    expect(() => score([buildUnit('a', 'A', full), buildUnit('a', 'A2', full)])).toThrow(/hai lần/);
    expect(() => score([buildUnit('a', 'A', full)], [SAMPLE_CRITERIA[0]!, SAMPLE_CRITERIA[0]!])).toThrow(/trùng mã/);
    expect(() => score([buildUnit('a', 'A', { on_time_rate: Number.NaN })])).toThrow(/không hợp lệ/);
  });

  it('same inputs give the same ranks and reasons, whatever the order of units and criteria (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    const unitArb = fc.record({
      on_time_rate: value,
      overdue_tasks: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
      report_timeliness: value,
      disbursement_rate: value,
      indicator_achievement: value,
    });
    const names = ['Sở Y tế', 'Sở Tư pháp', 'Sở Du lịch', 'Báo Hải Phòng', 'Sở Nội vụ', 'Công an thành phố', 'Sở Đào tạo', 'Sở Dân tộc'];
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: names.length, maxLength: names.length }),
        fc.array(fc.integer(), { minLength: names.length, maxLength: names.length }),
        (measures, keys) => {
          const units = measures.map((m, i) => buildUnit(`u${i}`, names[i] ?? `Đơn vị ${i}`, m));
          const expected = score(units);
          const shuffledUnits = units
            .map((u, i) => ({ u, k: keys[i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.u);
          const shuffledCriteria = [...SAMPLE_CRITERIA].reverse();
          expect(score(shuffledUnits, shuffledCriteria)).toEqual(expected);
          expect(expected.map((u) => u.rank)).toEqual(units.map((_, i) => i + 1));
          for (const u of expected) {
            const sum = u.components.reduce((s, c) => s + Math.round(c.points * 100), 0);
            expect(Math.round(u.total * 100)).toBe(sum);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('formatNumberVi', () => {
  it('uses Vietnamese separators', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(12.345)).toBe('12,35');
    expect(formatNumberVi(-0.001)).toBe('0');
    expect(formatNumberVi(100)).toBe('100');
  });
});
