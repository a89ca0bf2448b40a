import type { TProjectStatus } from '../../../contracts/projects';
import type { PipelineAction } from '../../../core/projects/pipeline';
import type { Dong } from '../../../core/projects/money';
import type { FundingSource } from '../../../core/projects/risk';
import type { EventRow, ProjectRow } from './queries';

export const FUNDING_SOURCE_LABEL_VI: Readonly<Record<FundingSource, string>> = {
  public_investment: 'Đầu tư công',
  recurrent: 'Chi thường xuyên (sự nghiệp)',
  other: 'Nguồn khác',
};

export const STATUS_LABEL_VI: Readonly<Record<TProjectStatus, string>> = {
  active: 'Đang thực hiện',
  finished: 'Đã hoàn thành',
  closed: 'Đã khoá sổ năm ngân sách',
};

/** Integer đồng from the database (int8 arrives as a safe-integer number). */
export function dong(n: number | null | undefined): Dong {
  if (n === null || n === undefined) return 0n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`Số tiền không phải số nguyên đồng an toàn: ${n}`);
  return BigInt(n);
}

/** Money leaves the server as JSON integers; anything beyond 2^53 would silently round, so refuse. */
export function money(b: Dong): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Số tiền vượt giới hạn biểu diễn chính xác: ${b.toString()} đồng`);
  return n;
}

export function statusOf(r: Pick<ProjectRow, 'finished_on' | 'closed_on'>): TProjectStatus {
  if (r.finished_on) return 'finished';
  if (r.closed_on) return 'closed';
  return 'active';
}

/** A stored event as the action core's state machine replays. */
export function eventAction(e: EventRow): PipelineAction {
  const base = {
    ...(e.document_number ? { documentNumber: e.document_number } : {}),
    ...(e.comment ? { comment: e.comment } : {}),
  };
  switch (e.action) {
    case 'return_for_revision':
      return { ...base, type: 'return_for_revision', comment: e.comment ?? '' };
    case 'allocate':
      return { ...base, type: 'allocate', amount: dong(e.amount) };
    case 'contract':
      return { ...base, type: 'contract', ...(e.amount !== null ? { amount: dong(e.amount) } : {}) };
    case 'disburse':
      return { ...base, type: 'disburse', amount: dong(e.amount), ...(e.final ? { final: true } : {}) };
    default:
      return { ...base, type: e.action };
  }
}
