/**
 * A benchmarked server in a child process of its own (so the load generator never shares its event loop):
 * started from compiled JavaScript with `node` and the node options of `npm start`, ready when GET /readyz answers
 * 200, stopped with SIGTERM.
 * Its resident memory is read from its GET /metrics (process_resident_memory_bytes), or from /proc when the
 * server has no metrics endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/contentPath';
import { freePort } from '../../test/support/freePort';

/** The two servers the suite compares, both compiled (npm run build, tsc -p bench/tsconfig.echo.json). */
export const ENTRY_POINTS = {
  bot: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
  echo: join(PROJECT_ROOT, 'dist', 'bench', 'suite', 'echoBot.js'),
} as const;

export type ServerKind = keyof typeof ENTRY_POINTS;

export interface RssReading {
  mb: number;
  source: 'metrics' | 'proc';
}

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of GET /readyz. */
  readyMs: number;
  rss(): Promise<RssReading>;
  stop(): Promise<void>;
}

export class ServerProcessError extends Error {
  override name = 'ServerProcessError';
}

/**
 * The node options `npm start` runs the bot with (the `--` arguments of the node command that ends package.json's
 * start script), so that the suite measures the process an operator runs. Both servers get them: the echo bot
 * stays a baseline of the same runtime.
 * @example startScriptNodeOptions(PROJECT_ROOT) // ['--max-old-space-size=1024', '--disable-warning=DEP0111']
 * @throws ServerProcessError when the start script does not end with a node command
 */
export function startScriptNodeOptions(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const start = pkg.scripts?.start ?? '';
  const command = (start.split('&&').at(-1) ?? '').trim().split(/\s+/);
  if (command[0] !== 'node')
    throw new ServerProcessError(
      `the start script of ${root}/package.json does not end with a node command: "${start}"`,
    );
  return command.slice(1).filter((arg) => arg.startsWith('--'));
}

/**
 * The environment of a benchmarked bot: anonymous, the given storage, warnings only, rate limits off (they
 * are not what is measured; RATE_LIMIT=off is the app's switch, the Direct Line bucket is opened wide as well).
 */
export function benchEnv(port: number, storageUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    STORAGE_URL: storageUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    RATE_LIMIT: 'off',
    DIRECTLINE_RATE_PER_SECOND: '1000000',
    DIRECTLINE_RATE_BURST: '1000000',
    DIRECTLINE_SECRET: 'bench-suite-directline-secret-0123456789abcdef',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    // /metrics for this machine without a token (set, even empty, so a .env file does not bring one back).
    METRICS_TOKEN: '',
  };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * @example const bot = await startServer('bot', { storageUrl: 'memory:' }); …; await bot.stop();
 * `projectRoot` starts another checkout's compiled server (its own dist/, content and generated model).
 * @throws ServerProcessError when the entry point is not built, or the process exits or is not ready in time
 */
export async function startServer(
  kind: ServerKind,
  options: { storageUrl?: string; readyTimeoutMs?: number; projectRoot?: string } = {},
): Promise<ServerProcess> {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const entry = join(root, relative(PROJECT_ROOT, ENTRY_POINTS[kind]));
  if (!existsSync(entry))
    throw new ServerProcessError(
      `${entry} is missing: run \`npm run build && npx tsc -p bench/tsconfig.echo.json\` (npm run bench does both)`,
    );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...startScriptNodeOptions(root), entry], {
    cwd: root,
    env: benchEnv(port, options.storageUrl ?? 'memory:'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.once('exit', (code, signal) => (exited = code ?? (signal ? -1 : null)));

  const deadline = started + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined)
      throw new ServerProcessError(
        `the ${kind} server exited (${exited}) before it was ready:\n${output.join('').slice(-2000)}`,
      );
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new ServerProcessError(
        `the ${kind} server was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output.join('').slice(-2000)}`,
      );
    }
    if ((await status(`${url}/readyz`)) === 200) break;
    await sleep(5);
  }
  const readyMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    kind,
    url,
    pid,
    readyMs,
    rss: () => readRss(url, pid),
    stop: () => stopChild(child),
  };
}

async function status(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** process_resident_memory_bytes from GET /metrics; VmRSS of /proc/<pid>/status when there is no such metric. */
async function readRss(url: string, pid: number): Promise<RssReading> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await response.text();
    const match = response.ok ? /^process_resident_memory_bytes\s+([0-9.e+]+)/m.exec(text) : null;
    if (match?.[1]) return { mb: Number(match[1]) / 1024 / 1024, source: 'metrics' };
  } catch {
    // fall through to /proc
  }
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new ServerProcessError(`no resident memory figure for process ${pid}`);
  return { mb: Number(kb) / 1024, source: 'proc' };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
