import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchResult } from '../../bench/types';

/** Each benchmark module exports one function; a module not written yet is skipped. */
const SUITES: Array<{ title: string; module: string; fn: string }> = [
  { title: 'Nền tảng (foundation)', module: '../../bench/foundation.ts', fn: 'benchFoundation' },
  { title: 'Tổng hợp chỉ số (rollups, 1 triệu giá trị)', module: '../../bench/rollup.ts', fn: 'benchRollup' },
  { title: 'Màn hình điều hành IOC (dashboard)', module: '../../bench/dashboard.ts', fn: 'benchDashboard' },
  { title: 'Đọc văn bản chỉ đạo (kế hoạch 30 trang)', module: '../../bench/extraction.ts', fn: 'benchExtraction' },
  { title: 'Máy chủ không bị treo khi nhập 300.000 hồ sơ (PGlite trong luồng riêng)', module: '../../bench/feed-health.ts', fn: 'benchFeedHealth' },
  { title: 'Sao lưu và khôi phục (dữ liệu mẫu; 1 triệu giá trị chỉ số)', module: '../../bench/backup.ts', fn: 'benchBackup' },
  { title: 'Nạp dữ liệu hồ sơ một cửa (ingest, 300.000 dòng) so với một lệnh COPY', module: '../../bench/ingest.ts', fn: 'benchIngest' },
  { title: 'Quy mô một tỉnh (province): sản phẩm, một lệnh SQL và DuckDB, xen kẽ', module: '../../bench/province.ts', fn: 'benchProvince' },
];

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

export async function runBench(args: string[]): Promise<number> {
  const only = args.find((a) => !a.startsWith('-'));
  const sections: string[] = [];
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
  const date = new Date().toISOString().slice(0, 10);
  for (const suite of SUITES) {
    if (only && !suite.module.includes(only)) continue;
    const path = new URL(suite.module, import.meta.url);
    if (!existsSync(path)) {
      console.log(`(bỏ qua ${suite.title}: chưa có ${suite.module})`);
      continue;
    }
    console.log(`▶ ${suite.title}…`);
    const mod = (await import(path.href)) as Record<string, () => Promise<BenchResult[]>>;
    const results = await mod[suite.fn]!();
    const lines = results.map((r) => `| ${r.name} | ${r.rows.toLocaleString('en-US')} | ${r.ms.toLocaleString('en-US')} |`);
    console.table(results);
    sections.push(`### ${suite.title}\n\n| measurement | rows | median ms |\n|---|---:|---:|\n${lines.join('\n')}`);
  }
  const block = `${BEGIN}\nMeasured ${date} on ${machine} with \`npm run bench${only ? ` -- ${only}` : ''}\`.\n\n${sections.join('\n\n')}\n${END}`;
  const file = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const next = doc.includes(BEGIN) ? doc.replace(new RegExp(`${BEGIN}[\\s\\S]*${END}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  if (!only) writeFileSync(file, next);
  console.log(only ? 'Chạy một phần: không ghi docs/benchmarks.md.' : 'Đã ghi kết quả vào docs/benchmarks.md');
  return 0;
}
