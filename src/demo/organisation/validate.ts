import { addDays, isIsoDate } from '../../core/calendar/dates';
import type { SeedUnit } from './types';

export type OrganisationProblemKind =
  | 'invalid_date'
  | 'duplicate_code'
  | 'missing_parent'
  | 'parent_not_valid'
  | 'missing_successor'
  | 'successor_of_open_unit'
  | 'successor_gap'
  | 'parent_cycle'
  | 'successor_cycle';

export interface OrganisationProblem {
  kind: OrganisationProblemKind;
  /** Code of the unit the problem is reported on. */
  code: string;
  message: string;
}

type Interval = Pick<SeedUnit, 'validFrom' | 'validTo'>;

function covers(outer: Interval, inner: Interval): boolean {
  if (outer.validFrom > inner.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

function isValidOn(u: Interval, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || date <= u.validTo);
}

function datesAreValid(u: SeedUnit): boolean {
  if (!isIsoDate(u.validFrom)) return false;
  if (u.validTo === null) return true;
  return isIsoDate(u.validTo) && u.validTo >= u.validFrom;
}

/** True when following `next` from `start` comes back to `start`. */
function returnsTo(start: string, next: (code: string) => readonly string[]): boolean {
  const seen = new Set<string>();
  const stack = [...next(start)];
  for (let code = stack.pop(); code !== undefined; code = stack.pop()) {
    if (code === start) return true;
    if (seen.has(code)) continue;
    seen.add(code);
    stack.push(...next(code));
  }
  return false;
}

/**
 * Everything that would make the organisation unusable as history: duplicate codes, a
 * parent that is missing or not valid over the whole life of its child, successors that are
 * missing or do not take over the day after their predecessor ends, and cycles in either
 * relation. Pure; an empty list means the data can be loaded.
 */
export function validateOrganisation(units: readonly SeedUnit[]): OrganisationProblem[] {
  const problems: OrganisationProblem[] = [];
  const report = (kind: OrganisationProblemKind, code: string, message: string) =>
    problems.push({ kind, code, message });

  const byCode = new Map<string, SeedUnit>();
  for (const u of units) {
    if (byCode.has(u.code)) report('duplicate_code', u.code, `Mã đơn vị "${u.code}" bị trùng.`);
    else byCode.set(u.code, u);
  }

  const datedOk = new Set<string>();
  for (const u of units) {
    if (datesAreValid(u)) datedOk.add(u.code);
    else report('invalid_date', u.code, `Thời hạn hiệu lực không hợp lệ: ${u.validFrom} – ${u.validTo ?? '…'}.`);
  }

  for (const u of units) {
    if (u.parentCode === null) continue;
    const parent = byCode.get(u.parentCode);
    if (!parent) {
      report('missing_parent', u.code, `Không có đơn vị cha "${u.parentCode}".`);
      continue;
    }
    if (!datedOk.has(u.code) || !datedOk.has(parent.code)) continue;
    if (!covers(parent, u)) {
      report(
        'parent_not_valid',
        u.code,
        `Đơn vị cha ${parent.code} (${parent.validFrom} – ${parent.validTo ?? '…'}) không còn hiệu lực trong suốt ` +
          `thời hạn của ${u.code} (${u.validFrom} – ${u.validTo ?? '…'}).`,
      );
    }
  }

  for (const u of units) {
    for (const s of u.successorCodes ?? []) {
      const successor = byCode.get(s);
      if (!successor) {
        report('missing_successor', u.code, `Không có đơn vị kế thừa "${s}".`);
        continue;
      }
      if (u.validTo === null) {
        report('successor_of_open_unit', u.code, `${u.code} còn hiệu lực nhưng đã khai báo đơn vị kế thừa ${s}.`);
        continue;
      }
      if (!datedOk.has(u.code) || !datedOk.has(s)) continue;
      const takeover = addDays(u.validTo, 1);
      if (!isValidOn(successor, takeover)) {
        report(
          'successor_gap',
          u.code,
          `Đơn vị kế thừa ${s} (${successor.validFrom} – ${successor.validTo ?? '…'}) không có hiệu lực ` +
            `vào ngày ${takeover}, ngày sau khi ${u.code} kết thúc.`,
        );
      }
    }
  }

  const parentOf = (code: string): string[] => {
    const p = byCode.get(code)?.parentCode;
    return p ? [p] : [];
  };
  const successorsOf = (code: string): string[] => byCode.get(code)?.successorCodes ?? [];
  for (const code of byCode.keys()) {
    if (returnsTo(code, parentOf)) report('parent_cycle', code, `${code} nằm trong một vòng lặp đơn vị cha.`);
    if (returnsTo(code, successorsOf)) report('successor_cycle', code, `${code} nằm trong một vòng lặp kế thừa.`);
  }

  return problems;
}
