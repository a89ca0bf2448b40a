import { rmSync } from 'node:fs';
import type { TConfig } from '../config';
import { partialPath, writeBackup } from '../db/backup';
import { BackupError, backupFileName } from '../db/backup-format';
import { verifyBackup } from '../db/backup-read';
import { restoreBackup } from '../db/backup-restore';
import { latestMigrationVersion, migrate, schemaVersionIfAny } from '../db/migrate';
import { openDb } from '../db/open';
import { seedDemoUsers, seedOrganisation } from '../demo/seed';
import { ensureAdmin } from '../server/modules/users/bootstrap';
import { startServer } from '../server/boot';
import { runBench } from './bench';

/** A command returns its exit code, or -1 when it keeps running (serve). */
export type Command = (args: string[], config: () => TConfig) => Promise<number>;

async function withDb<T>(config: TConfig, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger: { info: console.log, warn: console.error } });
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
    const file = args[0] ?? backupFileName(new Date());
    // Ctrl+C leaves no half-written file behind (a SIGKILL leaves `<file>.partial-<pid>`).
    const interrupted = () => {
      rmSync(partialPath(file), { force: true });
      console.error('Đã dừng sao lưu; không có tệp nào được tạo.');
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    return withDb(config(), async (db) => {
      const t0 = performance.now();
      const b = await writeBackup(db, file);
      const tables = Object.keys(b.footer.tables).length;
      console.log(`Đã sao lưu ${b.footer.rows} dòng của ${tables} bảng vào ${b.file} (${formatBytes(b.bytes)}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      return 0;
    });
  },

  restore: async (args, config) => {
    if (!args[0]) {
      console.error('Cần đường dẫn tệp sao lưu: haidang restore <tệp>');
      return 2;
    }
    const file = args[0];
    // Refuse a file that is not ours or was cut short before touching any database.
    const verified = await verifyBackup(file);
    const { header } = verified;
    const latest = latestMigrationVersion();
    if (header.schemaVersion && latest && header.schemaVersion > latest) {
      throw new BackupError(`Bản sao lưu ở phiên bản lược đồ ${header.schemaVersion}, mới hơn phần mềm này (${latest}); hãy cập nhật Hải Đăng trước khi khôi phục.`);
    }
    const cfg = config();
    const db = await openDb({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, logger: { info: console.log, warn: console.error } });
    try {
      const current = await schemaVersionIfAny(db);
      if (current && header.schemaVersion && current > header.schemaVersion) {
        throw new BackupError(`Cơ sở dữ liệu đích đã ở phiên bản lược đồ ${current}, mới hơn bản sao lưu (${header.schemaVersion}); hãy khôi phục vào một cơ sở dữ liệu trống.`);
      }
      // A backup from an older version is loaded at its own version, then migrated forward.
      await migrate(db, console.log, { upTo: header.schemaVersion ?? undefined });
      const t0 = performance.now();
      const r = await restoreBackup(db, file, verified);
      await migrate(db, console.log);
      console.log(`Đã khôi phục ${r.footer.rows} dòng của ${Object.keys(r.footer.tables).length} bảng từ ${file} (${((performance.now() - t0) / 1000).toFixed(1)} s); số dòng và mã kiểm tra từng bảng khớp bản sao lưu.`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1_048_576) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1_048_576).toFixed(1)} MB`;
}
