import { isIP } from 'node:net';
import { z } from 'zod';
import { checkOidcConfig } from './config-oidc';

/** Configuration is parsed once at boot; a bad value stops the process with a readable list. */
const ZConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** A streaming replica of DATABASE_URL: reads that may lag (the national comparison) go there. */
  DATABASE_READ_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(20 * 1_048_576),
  // Rows per COPY chunk of an import, and per progress update / cancel check.
  IMPORT_CHUNK_ROWS: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  DEMO_DATA: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Hải Đăng <no-reply@localhost>'),
  // Sign-in through the province's OpenID provider, on when OIDC_ISSUER is set (docs/operations.md).
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_UNIT_CLAIM: z.string().default('unit_code'),
  OIDC_ROLE_CLAIM: z.string().default('role'),
  OIDC_ROLE_MAP: z.string().optional(),
  OIDC_CREATE_USERS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  // Scheduled backups: off unless a directory is given; one a day from BACKUP_HOUR (Vietnam
  // time), the newest BACKUP_KEEP kept (docs/operations.md).
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(2),
  // Off unless given: then only a request arriving from one of these addresses (or CIDR
  // ranges) may name the client in X-Forwarded-For. Always-on trust let anyone forge the
  // address the audit log records and the login throttle counts (docs/operations.md).
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === 'false' ? false : v.split(',').map((a) => a.trim()).filter(Boolean)))
    .refine((v) => v === false || (v.length > 0 && v.every(isProxyAddress)), 'TRUST_PROXY: danh sách địa chỉ IP hoặc dải CIDR của máy chủ proxy, cách nhau bởi dấu phẩy'),
  // Origins (https://ioc.example.vn) allowed to frame an embedded panel, comma separated; the
  // administrator adds more in the admin screen. Every other page refuses to be framed.
  EMBED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((a) => a.trim().replace(/\/+$/, '')).filter(Boolean))
    .refine((v) => v.every((o) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o)), 'EMBED_ORIGINS: danh sách nguồn dạng https://ten-mien, cách nhau bởi dấu phẩy'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
}).superRefine(checkOidcConfig);
/** An address, a CIDR range or one of proxy-addr's names for the private ranges. */
function isProxyAddress(a: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [ip, bits, ...rest] = a.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export type TConfig = z.infer<typeof ZConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // An empty variable means "not set" (as shells and .env files write it).
  const parsed = ZConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
}
