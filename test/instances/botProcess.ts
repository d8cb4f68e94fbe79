/**
 * The bot as a process of its own (`node --require tsx/cjs src/index.ts`), as an operator runs it: started on a
 * free loopback port with the environment a test gives, ready when GET /readyz answers 200, stopped with SIGTERM
 * (SIGKILL when it does not exit in time). What it writes is kept, to explain a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/contentPath';
import { freePort } from '../support/freePort';

/** Variables of the test run the bot must not inherit (they would change what it reads or how node starts). */
const NOT_INHERITED =
  /^(VITEST|NODE_OPTIONS$|STORAGE_URL$|PORT$|Microsoft|DIRECTLINE_|TICKETS_API_KEY$|RATE_LIMIT|TRUST_PROXY$|METRICS_TOKEN$)/;

export interface BotProcess {
  name: string;
  port: number;
  url: string;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or `kill -9` ends it: no shutdown code runs. */
  kill(): Promise<void>;
}

/** @example const a = await startBotProcess('A', { STORAGE_URL: url, DIRECTLINE_SECRET: secret }) */
export async function startBotProcess(
  name: string,
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<BotProcess> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !NOT_INHERITED.test(key)));
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const bot: BotProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stop(child, exited),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await waitUntilReady(bot, child, exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return bot;
}

async function waitUntilReady(
  bot: BotProcess,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined || child.exitCode !== null)
      throw new Error(
        `bot ${bot.name} exited (code ${String(exitCode ?? child.exitCode)}) before it was ready:\n${bot.output()}`,
      );
    try {
      const response = await fetch(`${bot.url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`bot ${bot.name} was not ready on ${bot.url} within ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
