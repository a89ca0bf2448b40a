import { z } from 'zod';
import { ZId, ZInstant, ZName } from './common';

export const DELIVERY_KINDS = ['unit_digest', 'monthly_summary'] as const;
export const DELIVERY_CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type TDeliveryKind = (typeof DELIVERY_KINDS)[number];
export type TDeliveryCadence = (typeof DELIVERY_CADENCES)[number];

export const ZDeliveryCreate = z
  .strictObject({
    name: ZName.pipe(z.string().max(100, 'Tên quá dài (tối đa 100 ký tự)')),
    kind: z.enum(DELIVERY_KINDS, { message: 'Loại gửi không hợp lệ' }),
    cadence: z.enum(DELIVERY_CADENCES, { message: 'Lịch gửi không hợp lệ' }),
    /** Weekly: ISO weekday 1 (thứ Hai) … 7 (Chủ nhật); monthly: day of month 1–28; daily: ignored. */
    day: z.number().int().min(1, 'Ngày gửi từ 1').max(28, 'Ngày gửi tối đa 28').default(1),
    /** Digest: tasks due within this many days are "soon due". */
    horizonDays: z.number().int().min(1, 'Tối thiểu 1 ngày').max(60, 'Tối đa 60 ngày').default(7),
  })
  .refine((v) => v.cadence !== 'weekly' || v.day <= 7, { message: 'Ngày trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật)', path: ['day'] });
export type TDeliveryCreate = z.input<typeof ZDeliveryCreate>;

export const ZDeliveryParams = z.strictObject({ id: ZId });
export const ZDeliveryActive = z.strictObject({ active: z.boolean() });

export const ZDelivery = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DELIVERY_KINDS),
  cadence: z.enum(DELIVERY_CADENCES),
  day: z.number().int(),
  horizonDays: z.number().int(),
  active: z.boolean(),
  createdAt: ZInstant,
  lastPeriod: z.string().nullable(),
  lastSentAt: ZInstant.nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;
export const ZDeliveryList = z.array(ZDelivery);

/** What the next send would contain, composed now without sending. */
export const ZDeliveryPreview = z.object({
  period: z.string(),
  emails: z.array(
    z.object({
      to: z.array(z.string()),
      /** Who the e-mail is for (a unit's leaders, the city's leadership). */
      audience: z.string(),
      subject: z.string(),
      body: z.string(),
      attachments: z.array(z.object({ filename: z.string(), bytes: z.number().int() })),
    }),
  ),
  /** Units or people left out, and why (no leader with an e-mail address). */
  skipped: z.array(z.string()),
});
export type TDeliveryPreview = z.infer<typeof ZDeliveryPreview>;
