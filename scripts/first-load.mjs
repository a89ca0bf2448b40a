#!/usr/bin/env node
/**
 * The JavaScript a browser downloads before the first page shows: the entry script of
 * dist/web/index.html, every chunk it imports statically (transitively), and the chunk of the
 * page opened first (`--page HomePage`, the name of a lazy page's chunk). Prints raw and
 * gzipped bytes, and whether the IOC page or ECharts are in it. Run after `npm run build`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/web/', import.meta.url).pathname;
const page = process.argv.includes('--page') ? process.argv[process.argv.indexOf('--page') + 1] : 'HomePage';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('index.html has no entry script');
const files = readdirSync(join(dist, 'assets'));
const pageChunk = files.find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
const seen = new Set();
function walk(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, 'assets', file), 'utf8');
  // Static imports only ("import … from './x.js'" and bare "import './x.js'"), not import().
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) walk(m[1]);
}
walk(entry);
if (pageChunk) walk(pageChunk);
let raw = 0;
let gz = 0;
for (const f of seen) {
  const b = readFileSync(join(dist, 'assets', f));
  raw += b.length;
  gz += gzipSync(b).length;
}
const all = [...seen];
const has = (re) => all.some((f) => re.test(f));
// ECharts marks every chart's DOM node with this attribute name; minification keeps strings.
const echarts = all.some((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('_echarts_instance_'));
console.log(JSON.stringify({ page, chunks: all.sort(), rawKB: Math.round(raw / 1024), gzipKB: Math.round(gz / 1024), ioc: has(/^IocPage-/), echarts }, null, 1));
