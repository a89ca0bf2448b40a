import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout the product runs from, found by walking up to its package.json. The server
 * runs both from source (tests, development) and from the bundle in dist/server, so files
 * read at run time (migrations, the built SPA) are located from here, never relative to
 * the module that reads them.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'haidang') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Không tìm thấy thư mục cài đặt Hải Đăng (package.json)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
