import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateFormula, formulaCodes, formulaEvaluationOrder, parseFormula } from './formula';
import { RuleError } from '../errors';

const values = { CQS_01: 30, CQS_02: 10, CQS_03: 80, KTS_2A: 0, XHS_01: null };

function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof RuleError ? e.code : 'other';
  }
  return undefined;
}

describe('evaluateFormula', () => {
  it('respects precedence, parentheses and unary minus', () => {
    expect(evaluateFormula('(CQS_01 + CQS_02) / CQS_03 * 100', values)).toBe(50);
    expect(evaluateFormula('CQS_01 + CQS_02 * 2', values)).toBe(50);
    expect(evaluateFormula('-CQS_02 + 3', values)).toBe(-7);
    expect(evaluateFormula('-(CQS_01 - CQS_02)', values)).toBe(-20);
    expect(evaluateFormula('10 - 4 - 3', {})).toBe(3);
    expect(evaluateFormula('12 / 3 / 2', {})).toBe(2);
    expect(evaluateFormula('2.5 * 4', {})).toBe(10);
  });

  it('accepts the typographic signs of Word documents', () => {
    expect(evaluateFormula('(CQS_01 − CQS_02) × 2 ÷ 4', values)).toBe(10);
  });

  it('reads codes from a Map too', () => {
    expect(evaluateFormula('A1 + B_2', new Map([['A1', 1], ['B_2', 2]]))).toBe(3);
  });

  it('gives clear typed errors', () => {
    expect(errorCode(() => evaluateFormula('CQS_01 + CQS_99', values))).toBe('formula_unknown_code');
    expect(() => evaluateFormula('CQS_01 + CQS_99', values)).toThrow(/CQS_99/);
    expect(errorCode(() => evaluateFormula('CQS_01 / KTS_2A', values))).toBe('formula_division_by_zero');
    expect(errorCode(() => evaluateFormula('CQS_01 / (CQS_02 - 10)', values))).toBe('formula_division_by_zero');
    expect(errorCode(() => evaluateFormula('XHS_01 * 2', values))).toBe('formula_missing_value');
    expect(errorCode(() => evaluateFormula('toString', values))).toBe('formula_unknown_code');
    expect(errorCode(() => evaluateFormula('__proto__', values))).toBe('formula_syntax');
  });

  it('rejects malformed formulas with a position', () => {
    for (const bad of ['', '   ', 'CQS_01 +', '(CQS_01', 'CQS_01)', 'CQS_01 CQS_02', '2CQS', 'CQS_01 ^ 2', 'a; process.exit()', '1..2', '()']) {
      expect(errorCode(() => parseFormula(bad)), bad).toBe('formula_syntax');
    }
    expect(() => parseFormula('CQS_01 + * 2')).toThrow(/vị trí 10/);
    expect(errorCode(() => parseFormula('('.repeat(500) + '1' + ')'.repeat(500)))).toBe('formula_syntax');
  });

  it('lists the codes a formula reads', () => {
    expect(formulaCodes('(CQS_02 + CQS_01) / CQS_01')).toEqual(['CQS_01', 'CQS_02']);
  });

  it('property: agrees with plain arithmetic on random sums and products', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('+', '-', '*'), { minLength: 7, maxLength: 7 }),
        (nums, ops) => {
          const names = nums.map((_, i) => `X_${i}`);
          const env = Object.fromEntries(names.map((n, i) => [n, nums[i] ?? 0]));
          const src = names.map((n, i) => (i === 0 ? n : `${ops[i - 1] ?? '+'} ${n}`)).join(' ');
          // Same precedence rules as JavaScript for + - *, so compare with a reference fold.
          let terms: number[] = [nums[0] ?? 0];
          let signs: number[] = [1];
          for (let i = 1; i < nums.length; i += 1) {
            const op = ops[i - 1] ?? '+';
            const n = nums[i] ?? 0;
            if (op === '*') terms[terms.length - 1] = (terms[terms.length - 1] ?? 0) * n;
            else {
              terms = [...terms, n];
              signs = [...signs, op === '+' ? 1 : -1];
            }
          }
          const expected = terms.reduce((s, t, i) => s + (signs[i] ?? 1) * t, 0);
          // === so that 0 and -0 (from 0 × negative) count as equal.
          expect(evaluateFormula(src, env) === expected).toBe(true);
        },
      ),
    );
  });
});

describe('formulaEvaluationOrder', () => {
  it('computes dependencies first', () => {
    const order = formulaEvaluationOrder({ C: 'A + B', B: 'X_1 * 2', A: 'B + 1' });
    expect(order.indexOf('B')).toBeLessThan(order.indexOf('A'));
    expect(order.indexOf('A')).toBeLessThan(order.indexOf('C'));
  });

  it('names a cycle', () => {
    expect(() => formulaEvaluationOrder({ A: 'B + 1', B: 'C', C: 'A * 2' })).toThrow(/A → B → C → A/);
    expect(errorCode(() => formulaEvaluationOrder({ A: 'A + 1' }))).toBe('formula_cycle');
  });
});
