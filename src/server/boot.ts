import type { FastifyInstance } from 'fastify';
import type { TConfig } from '../config';
import type { Db, DbLogger } from '../db/client';
import { migrate } from '../db/migrate';
import { openDb } from '../db/open';
import { openPostgres } from '../db/postgres';
import { seedDemoData, seedDemoUsers, seedOrganisation } from '../demo/seed';
import { ensureAdmin, type AdminBootstrap } from './modules/users/bootstrap';
import { prepareSetupCode } from './modules/setup/code';
import { hasRoot } from './modules/units/queries';
import { buildApp } from './app';
import { startScheduler } from './jobs/scheduler';
import { seedHolidays } from './modules/calendar/holidays';

export interface Running {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, loads the demo city on first start, then serves. */
export async function startServer(config: TConfig, log: (msg: string) => void = console.log): Promise<Running> {
  // The database reports to the server's pino logger once the app exists, to `log` before.
  let appLog: FastifyInstance['log'] | undefined;
  const logger: DbLogger = { info: (m) => (appLog ? appLog.info(m) : log(m)), warn: (m) => (appLog ? appLog.warn(m) : log(m)) };
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  try {
    await migrate(db, log);
    await seedHolidays(db);
    const firstStart = config.DEMO_DATA && (await seedOrganisation(db));
    if (firstStart) log('Đã nạp cơ cấu tổ chức mẫu của Hải Phòng. Đang nạp dữ liệu mẫu lần đầu (khoảng nửa phút)…');
    // An install with no organisation yet starts in setup mode: the first administrator is
    // created from the setup screen with the one-time code printed below (or ADMIN_PASSWORD).
    const setup = (await hasRoot(db)) ? ({ open: false } as const) : await prepareSetupCode(db, config.ADMIN_PASSWORD);
    const admin: AdminBootstrap = setup.open ? { created: false } : await ensureAdmin(db, config.ADMIN_PASSWORD);
    if (admin.created && config.DEMO_DATA) await seedDemoUsers(db, config.ADMIN_PASSWORD ?? admin.generatedPassword!);
    // Reads that may lag go to the replica; writes and read-after-write stay on the primary.
    const readDb = config.DATABASE_READ_URL && config.DATABASE_URL ? await openPostgres(config.DATABASE_READ_URL, 10, logger) : undefined;
    const deps = { db, readDb, config, now: () => new Date() };
    if (config.DEMO_DATA) await seedDemoData(db, { now: deps.now, log });
    const app = await buildApp(deps, { logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL } });
    appLog = app.log;
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    const url = `http://localhost:${new URL(address).port}`;
    log(`\nHải Đăng đang chạy tại ${url}  (cơ sở dữ liệu: ${db.engine === 'pglite' ? `PGlite nhúng, ${config.DATA_DIR}` : 'PostgreSQL'})`);
    if (setup.open) {
      log(`Hệ thống chưa có dữ liệu: mở ${url}/setup để khởi tạo (chọn tỉnh, thành phố, tạo tài khoản quản trị, nạp dữ liệu).`);
      log(
        setup.fromEnv
          ? 'Mã khởi tạo là giá trị của biến ADMIN_PASSWORD.'
          : `Mã khởi tạo (dùng một lần, đổi mỗi lần khởi động cho đến khi khởi tạo xong): ${setup.code}`,
      );
    } else if (admin.generatedPassword) {
      log(`Đăng nhập lần đầu: tài khoản "admin", mật khẩu "${admin.generatedPassword}" (chỉ hiện một lần — hãy lưu lại).`);
    } else if (admin.created) {
      log('Đăng nhập lần đầu: tài khoản "admin" với mật khẩu trong ADMIN_PASSWORD.');
    } else {
      log('Đăng nhập bằng tài khoản đã tạo (quản trị: "admin").');
    }
    const stopScheduler = startScheduler(deps, log);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        stopScheduler();
        await app.close();
        await readDb?.close();
        await db.close();
      })());
    return { app, db, url, stop };
  } catch (err) {
    await db.close();
    throw err;
  }
}
