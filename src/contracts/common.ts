import { z } from 'zod';
import { isIsoDate } from '../core/calendar/dates';

/** Shared request pieces. Messages are Vietnamese because users read them. */
export const ZId = z.uuid({ message: 'Mã định danh không hợp lệ' });

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(isIsoDate, 'Ngày không tồn tại trong lịch');

/** Free text that a person types: trimmed, non-empty, bounded, without control characters. */
export const ZName = z
  .string()
  .trim()
  .min(1, 'Không được để trống')
  .max(300, 'Quá dài (tối đa 300 ký tự)')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Có ký tự điều khiển không hợp lệ');
