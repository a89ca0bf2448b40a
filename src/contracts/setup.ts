import { z } from 'zod';
import { ZName, ZTextLine } from './common';

/**
 * The guided start of an empty install (DEMO_DATA=false, no unit, no administrator): the
 * first administrator claims the install with the one-time setup code the server printed,
 * then walks the steps. Each step is done, skipped or still to do; the state is kept in the
 * database so the walk resumes where it stopped.
 */

export const SETUP_STEPS = ['communes', 'departments', 'users', 'plan', 'tasks', 'letters'] as const;
export const ZSetupStep = z.enum(SETUP_STEPS);
export type TSetupStep = z.infer<typeof ZSetupStep>;
export const ZSetupStepState = z.enum(['todo', 'done', 'skipped']);

export const ZSetupStatus = z.object({
  /** True until the first administrator is created; then never again. */
  open: z.boolean(),
  /** The province chosen at the claim (null before). */
  province: z.object({ code: z.string(), name: z.string() }).nullable(),
  steps: z.record(ZSetupStep, ZSetupStepState),
  /** Counts of what is loaded, for the last page. */
  loaded: z.object({ units: z.number().int(), users: z.number().int(), indicators: z.number().int(), targets: z.number().int(), tasks: z.number().int(), documents: z.number().int() }),
});
export type TSetupStatus = z.infer<typeof ZSetupStatus>;

export const ZNationalProvince = z.object({ code: z.string(), name: z.string(), kind: z.enum(['province', 'city']), communes: z.number().int() });
export const ZNationalProvinces = z.object({ source: z.string(), items: z.array(ZNationalProvince) });
export type TNationalProvince = z.infer<typeof ZNationalProvince>;

export const ZSetupUsername = z.string().trim().regex(/^[a-zA-Z0-9._-]{3,60}$/, 'Tên đăng nhập gồm 3–60 ký tự: chữ không dấu, số, dấu chấm, gạch');

export const ZSetupClaim = z.strictObject({
  code: ZTextLine(200).min(1, 'Hãy nhập mã khởi tạo in trong nhật ký máy chủ'),
  provinceCode: z.string().regex(/^\d{2}$/, 'Hãy chọn tỉnh, thành phố'),
  username: ZSetupUsername,
  fullName: ZName,
  password: z.string().min(1, 'Hãy nhập mật khẩu').max(200, 'Mật khẩu quá dài'),
});
export type TSetupClaim = z.input<typeof ZSetupClaim>;

export const ZSetupClaimed = z.object({ username: z.string(), rootUnitId: z.string() });

export const ZSetupStepParams = z.strictObject({ step: ZSetupStep });
export const ZSetupStepMark = z.strictObject({ state: z.enum(['done', 'skipped', 'todo']) });

export const ZSetupCommunesLoaded = z.object({ created: z.number().int(), total: z.number().int(), status: ZSetupStatus });
