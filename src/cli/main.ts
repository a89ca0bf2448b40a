import { loadConfig } from '../config';
import { COMMANDS } from './commands';

const USAGE = `Hải Đăng — dòng lệnh

  haidang serve                     chạy máy chủ (mặc định cổng 3000)
  haidang migrate                   áp dụng migration cơ sở dữ liệu
  haidang seed                      nạp dữ liệu mẫu (chỉ lần đầu)
  haidang create-admin <tên> [--unit MÃ]   tạo tài khoản quản trị (mật khẩu từ ADMIN_PASSWORD hoặc sinh ngẫu nhiên)
  haidang backup [tệp.hdb.gz]       sao lưu toàn bộ dữ liệu (có dấu kết thúc, số dòng và mã kiểm tra từng bảng)
  haidang restore <tệp.hdb.gz>      kiểm tra tệp sao lưu rồi khôi phục vào cơ sở dữ liệu trống
  haidang extract <tệp> [--json]    đọc văn bản chỉ đạo, đề xuất nhiệm vụ
  haidang eval-extract [gold.json]  chấm điểm bộ trích xuất trên tập vàng
  haidang bench                     đo hiệu năng (ghi vào docs/benchmarks.md)

Biến môi trường: PORT, DATABASE_URL, DATA_DIR, ADMIN_PASSWORD, SESSION_IDLE_MINUTES, DEMO_DATA, BACKUP_DIR, BACKUP_KEEP, BACKUP_HOUR (xem README).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Không có lệnh "${name}".\n\n${USAGE}`);
    return 2;
  }
  return command(args, () => loadConfig());
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);
