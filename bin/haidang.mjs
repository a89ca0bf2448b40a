#!/usr/bin/env node
// The command line runs the compiled bundle (npm run build, or npm start, which builds when
// the sources changed). No development tool is needed at run time.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/server/haidang.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('Hải Đăng chưa được dựng: hãy chạy "npm run build" (hoặc "npm start", tự dựng khi cần).');
  process.exit(1);
}
await import(bundle.href);
