import { formatNumber } from '../format/number';

/** What a bulk action on tasks does: reassign the lead unit, extend the deadline, close with a reason. */
export const BULK_ACTIONS = ['reassign', 'extend', 'close'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Why a selected task was left as it was; the order is the order the reasons are told in. */
export const BULK_SKIP_REASONS = ['stale', 'not_found', 'closed', 'done', 'no_deadline', 'not_later', 'same_lead', 'unit_inactive'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

const DONE_VI: Record<BulkAction, string> = {
  reassign: 'Đã giao lại đơn vị chủ trì cho {n} nhiệm vụ',
  extend: 'Đã gia hạn {n} nhiệm vụ',
  close: 'Đã đóng {n} nhiệm vụ',
};

const SKIP_VI: Record<BulkSkipReason, string> = {
  stale: '{n} nhiệm vụ đã bị người khác sửa, chưa đổi',
  not_found: '{n} nhiệm vụ không còn tồn tại',
  closed: '{n} nhiệm vụ đã đóng từ trước, chưa đổi',
  done: '{n} nhiệm vụ đã hoàn thành, chưa đổi',
  no_deadline: '{n} nhiệm vụ không có thời hạn nên không gia hạn',
  not_later: '{n} nhiệm vụ có hạn hiện tại không sớm hơn hạn mới, chưa đổi',
  same_lead: '{n} nhiệm vụ đã do đơn vị này chủ trì',
  unit_inactive: '{n} nhiệm vụ được giao khi đơn vị mới chưa hoạt động, chưa đổi',
};

/**
 * The sentence a bulk action answers with: what changed, then each reason something was left
 * alone ("Đã gia hạn 12 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi").
 */
export function bulkMessage(action: BulkAction, changed: number, skipped: readonly BulkSkipReason[]): string {
  const n = (k: number) => formatNumber(k, { decimals: 0 });
  const counts = new Map<BulkSkipReason, number>();
  for (const r of skipped) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [changed > 0 ? DONE_VI[action].replace('{n}', n(changed)) : 'Không nhiệm vụ nào được đổi'];
  for (const r of BULK_SKIP_REASONS) {
    const k = counts.get(r);
    if (k) parts.push(SKIP_VI[r].replace('{n}', n(k)));
  }
  return parts.join('; ');
}
