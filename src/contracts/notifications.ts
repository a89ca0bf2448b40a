import { z } from 'zod';
import { ZInstant, ZOk } from './common';

/** In-app notifications of the signed-in person (an e-mail goes with each when SMTP is set). */

export const ZNotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZNotificationParams = z.strictObject({ id: z.coerce.number().int().min(1) });

export const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The SPA path the notification is about. */
  link: z.string().nullable(),
  createdAt: ZInstant,
  readAt: ZInstant.nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ unread: z.number().int(), items: z.array(ZNotification) });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkedRead = ZOk;
