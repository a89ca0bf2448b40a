import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Criterion, normalise, validateCriterion } from './criteria';
import { classify, CV139_RULE_SET, ruleSetInForce, type RuleSet, SAMPLE_COMMUNE_RULE_SET, validateRuleSet } from './rule-set';
import { type UnitMeasures, scoreUnits } from './score';

const unit = (unitId: string, unitName: string, measures: UnitMeasures['measures'], details?: Record<string, string>): UnitMeasures => ({ unitId, unitName, measures, details });
const TY = 1_000_000_000;

describe('criteria', () => {
  const onTime = SAMPLE_COMMUNE_RULE_SET.criteria[0]!;
  it('normalises linearly between the zero and full thresholds, clamped', () => {
    expect(normalise(onTime, 75)).toBe(0.5);
    expect(normalise(onTime, 40)).toBe(0);
    expect(normalise(SAMPLE_COMMUNE_RULE_SET.criteria[1]!, 1)).toBe(0.8);
  });
  it('refuses backwards thresholds on a weighted criterion; a shown one (weight 0) needs none', () => {
    expect(validateCriterion({ ...onTime, thresholds: { zero: 100, full: 50 } })).toHaveLength(1);
    const shown: Criterion = { ...onTime, weight: 0, thresholds: { zero: 0, full: 0 } };
    expect(validateCriterion(shown)).toEqual([]);
  });
});

describe('rule sets', () => {
  it('the shipped rule sets are valid', () => {
    expect(validateRuleSet(CV139_RULE_SET)).toEqual([]);
    expect(validateRuleSet(SAMPLE_COMMUNE_RULE_SET)).toEqual([]);
  });
  it('refuses conditions on measures the rule set does not define, and rules without a ground', () => {
    const bad: RuleSet = { ...CV139_RULE_SET, classRules: [{ class: 'ghi_nhan', ground: '', all: [{ measure: 'khong_co', op: '>', value: 0 }] }] };
    const problems = validateRuleSet(bad);
    expect(problems.join(' ')).toMatch(/khong_co/);
    expect(problems.join(' ')).toMatch(/căn cứ/);
  });
  it('takes the rule set of the level in force on a date', () => {
    const later = { ...CV139_RULE_SET, code: 'moi', validFrom: '2025-01-01' };
    expect(ruleSetInForce([CV139_RULE_SET, later], 'city', '2024-12-31')?.code).toBe('cv139-2022');
    expect(ruleSetInForce([CV139_RULE_SET, later], 'city', '2025-06-01')?.code).toBe('moi');
    expect(ruleSetInForce([CV139_RULE_SET, SAMPLE_COMMUNE_RULE_SET], 'commune', '2022-06-01')).toBeNull();
  });
  it('applies Công văn 139’s grounds in order: cancelled or no dossier → phê bình; carried over → rút kinh nghiệm; disbursed → ghi nhận', () => {
    const rules = CV139_RULE_SET.classRules;
    expect(classify(rules, { disbursed_amount: 2 * TY, carried_over_amount: 0, cancelled_amount: 0, tasks_without_dossier: 0 })?.class).toBe('ghi_nhan');
    expect(classify(rules, { disbursed_amount: 0, carried_over_amount: 9 * TY, cancelled_amount: 0, tasks_without_dossier: 0 })?.class).toBe('rut_kinh_nghiem');
    expect(classify(rules, { disbursed_amount: 0, carried_over_amount: 9 * TY, cancelled_amount: 0, tasks_without_dossier: 1 })?.class).toBe('phe_binh');
    expect(classify(rules, { disbursed_amount: 0, carried_over_amount: 0, cancelled_amount: 40 * TY, tasks_without_dossier: 0 })?.class).toBe('phe_binh');
    expect(classify(rules, { disbursed_amount: 0, carried_over_amount: 0, cancelled_amount: 0, tasks_without_dossier: 0 })).toBeNull();
  });
});

describe('scoreUnits', () => {
  it('a CV 139 round: only units with a funded task, classed by their grounds, every figure in the reason', () => {
    const res = scoreUnits(CV139_RULE_SET, [
      unit('a', 'Sở Y tế', { funded_tasks: 2, allocated_amount: 40 * TY, disbursed_amount: 0, carried_over_amount: 0, cancelled_amount: 40 * TY, tasks_without_dossier: 0, disbursement_rate: 0, on_time_rate: 50, overdue_tasks: 1 }, { on_time_rate: '1/2 nhiệm vụ' }),
      unit('b', 'Sở Nội vụ', { funded_tasks: 1, allocated_amount: 4.5 * TY, disbursed_amount: 4.5 * TY, carried_over_amount: 0, cancelled_amount: 0, tasks_without_dossier: 0, disbursement_rate: 100, on_time_rate: 100, overdue_tasks: 0 }),
      unit('c', 'Sở Tài chính', { on_time_rate: 100, overdue_tasks: 0 }),
    ]);
    expect(res.map((r) => [r.unitName, r.evaluationClass, r.rank])).toEqual([['Sở Nội vụ', 'ghi_nhan', 1], ['Sở Y tế', 'phe_binh', 2]]);
    const syt = res[1]!;
    expect(syt.score).toBeNull();
    expect(syt.reason).toContain('Phê bình — nhiệm vụ chậm');
    expect(syt.reason).toContain('Huỷ nguồn: 40.000.000.000 đồng');
    expect(syt.reason).toContain('Đã giải ngân: 0 đồng');
    expect(syt.reason).toContain('Tỷ lệ nhiệm vụ hoàn thành đúng hạn: 50 % (1/2 nhiệm vụ)');
  });

  it('a weighted round: the total is the sum of the points shown, class from score bands', () => {
    const [u] = scoreUnits(SAMPLE_COMMUNE_RULE_SET, [unit('a', 'Phường Lê Chân', { on_time_rate: 85, overdue_tasks: 3, report_timeliness: 90 })]);
    expect(u?.components.map((c) => [c.code, c.normalised, c.points])).toEqual([
      ['on_time_rate', 0.7, 42],
      ['overdue_tasks', 0.4, 8],
      ['report_timeliness', 0.8, 16],
    ]);
    expect(u?.score).toBe(66);
    expect(u?.evaluationClass).toBe('rut_kinh_nghiem');
    expect(u?.reason).toContain('Rút kinh nghiệm — từ 50 đến dưới 80 điểm, 66/100 điểm, xếp thứ 1');
  });

  it('breaks ties by the rank keys, then Vietnamese name order', () => {
    const units = scoreUnits(SAMPLE_COMMUNE_RULE_SET, [
      unit('1', 'Xã Y', { on_time_rate: 80, overdue_tasks: 1, report_timeliness: 100 }),
      unit('3', 'Xã Đào', { on_time_rate: 90, overdue_tasks: 2, report_timeliness: 80 }),
      unit('4', 'Xã Dân', { on_time_rate: 90, overdue_tasks: 2, report_timeliness: 80 }),
    ]);
    // 36 + 16 + 20 = 72 and 48 + 12 + 12 = 72: same score, the higher on-time rate first; Dân before Đào (d < đ).
    expect(units.map((u) => [u.unitName, u.score, u.rank])).toEqual([['Xã Dân', 72, 1], ['Xã Đào', 72, 2], ['Xã Y', 72, 3]]);
  });

  it('rejects duplicate units and non-numbers', () => {
    expect(() => scoreUnits(SAMPLE_COMMUNE_RULE_SET, [unit('a', 'A', {}), unit('a', 'A2', {})])).toThrow(/hai lần/);
    expect(() => scoreUnits(SAMPLE_COMMUNE_RULE_SET, [unit('a', 'A', { on_time_rate: Number.NaN })])).toThrow(/không hợp lệ/);
  });

  it('same inputs give the same ranks and reasons, whatever the order of units (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    const arb = fc.record({ on_time_rate: value, overdue_tasks: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), report_timeliness: value });
    const names = ['Xã A', 'Xã Ă', 'Phường B', 'Phường Đ', 'Xã D', 'Đặc khu Cát Hải'];
    fc.assert(
      fc.property(fc.array(arb, { minLength: names.length, maxLength: names.length }), fc.array(fc.integer(), { minLength: names.length, maxLength: names.length }), (measures, keys) => {
        const units = measures.map((m, i) => unit(`u${i}`, names[i]!, m));
        const expected = scoreUnits(SAMPLE_COMMUNE_RULE_SET, units);
        const shuffled = units.map((u, i) => ({ u, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.u);
        expect(scoreUnits(SAMPLE_COMMUNE_RULE_SET, shuffled)).toEqual(expected);
        for (const u of expected) expect(Math.round(u.total * 100)).toBe(u.components.reduce((s, c) => s + Math.round(c.points * 100), 0));
      }),
      { numRuns: 100 },
    );
  });
});
