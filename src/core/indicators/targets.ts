import { RuleError } from '../errors';

export type TargetDirection = 'higher_better' | 'lower_better';
export type RagState = 'green' | 'amber' | 'red';

/**
 * Achievement of a target in percent (mức độ hoàn thành chỉ tiêu).
 * - higher_better: actual / target × 100 (online rate 45 % against a 60 % target → 75 %).
 * - lower_better:  target / actual × 100 (late rate 10 % against a ≤ 5 % target → 50 %).
 *   As actual approaches 0 this grows without bound, so lower-better achievement is capped at
 *   LOWER_BETTER_CAP_PCT; an actual of 0 against a target of 0 is exactly met (100 %).
 * Values and targets are non-negative (counts, rates, money): a negative one is an input error,
 * as is a zero target on a higher-better indicator (there is nothing to achieve).
 */
export const LOWER_BETTER_CAP_PCT = 200;

function checkInput(actual: number, target: number): void {
  for (const [what, n] of [
    ['Giá trị thực hiện', actual],
    ['Chỉ tiêu', target],
  ] as const) {
    if (!Number.isFinite(n) || n < 0) {
      throw new RuleError('invalid_target', `${what} phải là số không âm: ${n}.`, { actual, target });
    }
  }
}

export function achievement(actual: number, target: number, direction: TargetDirection): number {
  checkInput(actual, target);
  if (direction === 'higher_better') {
    if (target === 0) {
      throw new RuleError(
        'invalid_target',
        'Chỉ tiêu bằng 0 với chỉ số "càng cao càng tốt": không tính được mức độ hoàn thành.',
        { actual, target },
      );
    }
    return (actual / target) * 100;
  }
  if (direction === 'lower_better') {
    if (actual === 0) return target === 0 ? 100 : LOWER_BETTER_CAP_PCT;
    return Math.min((target / actual) * 100, LOWER_BETTER_CAP_PCT);
  }
  throw new RuleError('invalid_target', `Chiều đánh giá không hợp lệ: "${String(direction)}".`, direction);
}

/**
 * Traffic-light thresholds on achievement percent, stored per indicator or per plan as data:
 * achievement ≥ green → 'green' (đạt), ≥ amber → 'amber' (cần theo dõi), below → 'red'
 * (không đạt / cảnh báo). Default: green at 100 % (target met), amber from 80 %.
 */
export interface RagThresholds {
  readonly green: number;
  readonly amber: number;
}

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = { green: 100, amber: 80 };

export function ragState(achievementPct: number, thresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS): RagState {
  const { green, amber } = thresholds;
  if (!Number.isFinite(green) || !Number.isFinite(amber) || amber > green) {
    throw new RuleError(
      'invalid_thresholds',
      `Ngưỡng cảnh báo không hợp lệ: ngưỡng vàng (${amber}) phải nhỏ hơn hoặc bằng ngưỡng xanh (${green}).`,
      thresholds,
    );
  }
  if (Number.isNaN(achievementPct)) {
    throw new RuleError('invalid_value', 'Mức độ hoàn thành không phải là số.', achievementPct);
  }
  if (achievementPct >= green) return 'green';
  if (achievementPct >= amber) return 'amber';
  return 'red';
}
