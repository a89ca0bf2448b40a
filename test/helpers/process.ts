import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The product as a real operating-system process (`haidang <command>`), for the tests that
 * kill it with SIGKILL, restart it and look at what survived: the reliability tier.
 */
const ROOT = resolve(import.meta.dirname, '../..');
// The sources through tsx, so that a test never runs a stale build; the production start
// of the bundle has its own test (test/reliability/production-start.test.ts).
const CLI_ARGS = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A data directory of its own for an embedded (PGlite) server; removed by `cleanup`. */
export function tempDataDir(prefix = 'hd-proc-'): { dir: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  return { dir: join(base, 'data'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `haidang <args>` to the end (backup, restore, migrate…). */
export function runCli(args: string[], env: Record<string, string | undefined>, opts: { timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr });
    });
  });
}

/** Starts `haidang <args>` and hands back the process, so that a test can kill it mid-work. */
export function startCli(args: string[], env: Record<string, string | undefined>): { child: ChildProcess; output: () => string; exited: Promise<CliResult> } {
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<CliResult>((ok) => child.once('exit', (code, signal) => ok({ code, signal, stdout, stderr })));
  return { child, output: () => stdout + stderr, exited };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed, exactly what a power cut or OOM kill does. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

/**
 * Starts `haidang serve` with the given environment (DATA_DIR or DATABASE_URL, DEMO_DATA,
 * ADMIN_PASSWORD…) on a free port and waits until /api/health answers.
 */
export async function startServerProcess(env: Record<string, string | undefined>, opts: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const run = startCli(['serve'], { PORT: String(port), HOST: '127.0.0.1', ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  let exitedEarly: CliResult | undefined;
  void run.exited.then((r) => (exitedEarly = r));
  for (;;) {
    if (exitedEarly) throw new Error(`haidang serve exited (${exitedEarly.code ?? exitedEarly.signal}) before answering:\n${run.output().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`haidang serve did not answer within the time limit:\n${run.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child: run.child,
    output: run.output,
    async kill9() {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await run.exited;
    },
    async stop() {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      await run.exited;
    },
  };
}
