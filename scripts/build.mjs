#!/usr/bin/env node
/**
 * Builds what `npm start` runs: the SPA (Vite → dist/web) and the server and CLI (esbuild →
 * one ESM bundle, dist/server/haidang.mjs, packages left to node_modules). With `--if-stale`
 * it builds only when a source or configuration file changed since the last build, so
 * `npm start` is quick after the first time and needs no development tool when nothing
 * changed (an install without dev dependencies can start a built checkout).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist/.build-hash');
const INPUTS = ['src', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'scripts/build.mjs'];
const SKIP = /(^|\/)(node_modules|\.git)(\/|$)|\.test\.tsx?$/;

function* files(path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) yield* files(join(path, name));
  } else if (!SKIP.test(path)) yield path;
}

/** A hash of every input's path and content: the same tree gives the same hash on any machine. */
function sourceHash() {
  const h = createHash('sha256');
  for (const input of INPUTS) for (const f of files(input)) h.update(relative(root, join(root, f))).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error?.code === 'ENOENT' || r.status === 127) {
    console.error(`Không chạy được ${cmd}: hãy cài đủ gói phát triển (npm install) rồi dựng lại.`);
    process.exit(1);
  }
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const hash = sourceHash();
const built = existsSync(join(root, 'dist/server/haidang.mjs')) && existsSync(join(root, 'dist/web/index.html'));
if (process.argv.includes('--if-stale') && built && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) process.exit(0);

const bin = (name) => join(root, 'node_modules/.bin', name);
if (!existsSync(bin('vite')) || !existsSync(bin('esbuild'))) {
  console.error('Mã nguồn đã thay đổi nhưng máy này không có công cụ dựng (vite, esbuild). Hãy chạy npm install (có gói phát triển) rồi npm run build.');
  process.exit(1);
}
console.log('Đang dựng giao diện và máy chủ…');
run(bin('vite'), ['build', '--logLevel', 'warn']);
const esbuild = (entry, outfile) =>
  run(bin('esbuild'), [entry, '--bundle', '--platform=node', '--target=node20', '--format=esm', '--packages=external', '--sourcemap', '--log-level=warning', `--outfile=${outfile}`]);
esbuild('src/cli/main.ts', 'dist/server/haidang.mjs');
// The embedded engine's worker thread is its own entry point (src/db/pglite-thread.ts finds it beside the bundle).
esbuild('src/db/pglite-worker.ts', 'dist/server/pglite-worker.mjs');
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(stampFile, `${hash}\n`);
