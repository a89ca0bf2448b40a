import { createWriteStream, readFileSync } from 'node:fs';
import type { TConfig } from '../config';
import { dumpDatabase, restoreDatabase } from '../db/backup';
import { migrate } from '../db/migrate';
import { openDb } from '../db/open';
import { seedDemoUsers, seedOrganisation } from '../demo/seed';
import { ensureAdmin } from '../server/modules/users/bootstrap';
import { startServer } from '../server/boot';
import { runBench } from './bench';

/** A command returns its exit code, or -1 when it keeps running (serve). */
export type Command = (args: string[], config: () => TConfig) => Promise<number>;

async function withDb<T>(config: TConfig, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log: console.log });
  try {
    await migrate(db, console.log);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const serve: Command = async (_args, config) => {
  const running = await startServer(config());
  const shutdown = (signal: string) => {
    console.log(`\nNhận ${signal}: đang ghi dữ liệu xuống đĩa và dừng…`);
    running.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return -1;
};

export const COMMANDS: Record<string, Command> = {
  serve,

  bench: (args) => runBench(args),

  // Extraction needs no database: it reads a file and prints the proposal.
  extract: async (args) => (await import('./extract')).runExtract(args),
  'eval-extract': async (args) => (await import('./extract')).runEvalExtract(args),

  migrate: async (_args, config) => withDb(config(), async () => {
    console.log('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    return 0;
  }),

  seed: async (_args, config) => withDb(config(), async (db) => {
    const loaded = await seedOrganisation(db);
    console.log(loaded ? 'Đã nạp cơ cấu tổ chức mẫu.' : 'Dữ liệu mẫu đã có từ trước; không nạp lại.');
    return 0;
  }),

  'create-admin': async (args, config) => {
    const cfg = config();
    return withDb(cfg, async (db) => {
      if (args[0] && args[0] !== 'admin') {
        console.error('Hiện chỉ tạo được tài khoản "admin" ban đầu; các tài khoản khác tạo trong Quản trị → Người dùng.');
        return 2;
      }
      if (!(await db.query('select 1 from units limit 1')).length) await seedOrganisation(db);
      const result = await ensureAdmin(db, cfg.ADMIN_PASSWORD);
      if (!result.created) console.log('Tài khoản "admin" đã tồn tại.');
      else if (result.generatedPassword) console.log(`Đã tạo "admin" với mật khẩu: ${result.generatedPassword}`);
      else console.log('Đã tạo "admin" với mật khẩu trong ADMIN_PASSWORD.');
      if (result.created && cfg.DEMO_DATA) await seedDemoUsers(db, cfg.ADMIN_PASSWORD ?? result.generatedPassword!);
      return 0;
    });
  },

  backup: async (args, config) => {
    const file = args[0] ?? `haidang-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.sql`;
    return withDb(config(), async (db) => {
      const out = createWriteStream(file, 'utf8');
      const stats = await dumpDatabase(db, (chunk) => out.write(chunk));
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      console.log(`Đã sao lưu ${stats.rows} dòng của ${stats.tables} bảng vào ${file}`);
      return 0;
    });
  },

  restore: async (args, config) => {
    if (!args[0]) {
      console.error('Cần đường dẫn tệp sao lưu: haidang restore <tệp.sql>');
      return 2;
    }
    const sql = readFileSync(args[0], 'utf8');
    return withDb(config(), async (db) => {
      await restoreDatabase(db, sql);
      console.log(`Đã khôi phục từ ${args[0]}`);
      return 0;
    });
  },
};
