/**
 * The Direct Line module alone on a loopback port, for protocol tests: the real routes, streams and store, a
 * small echo bot instead of the support bot, and a clock the test moves (tokens last 30 minutes; nobody waits).
 */
import { ActivityHandler, type TurnContext } from 'botbuilder';
import pino, { type Logger } from 'pino';
import { DEFAULT_DIRECTLINE_RATE_LIMIT, DEFAULT_STREAM_LIMITS, type StreamLimits } from '../../src/config/config';
import { createDirectLine, type DirectLineModule } from '../../src/directline';
import type { DirectLineStore } from '../../src/directline/store/directLineStore';
import type { StreamTimings } from '../../src/directline/streaming/streamHub';
import type { Metrics } from '../../src/observability/metrics';
import { systemClock, type Clock } from '../../src/clock';
import { MemoryRateLimitStore } from '../../src/rateLimit/memoryRateLimitStore';
import { RateLimiter } from '../../src/rateLimit/rateLimiter';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import { createServer } from '../../src/server/createServer';

export const TEST_SECRET = 'test-directline-secret-0123456789abcdefghij';

/** A clock that stands still until the test advances it. */
export class TestClock implements Clock {
  private time = Date.parse('2026-03-01T09:00:00Z');
  readonly now = (): number => this.time;
  readonly sleep = (ms: number): Promise<void> => systemClock.sleep(ms);

  advanceSeconds(seconds: number): void {
    this.time += seconds * 1000;
  }
}

/** Answers every message with "echo: <text>"; "fail" makes the turn throw. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      if (context.activity.text === 'fail') throw new Error('the bot failed on purpose');
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

export interface DirectLineServerOptions {
  trustedOrigins?: string[];
  rateLimit?: { perSecond: number; burst: number };
  pageSize?: number;
  /** The conversations (default: those of STORAGE_URL=memory:). The caller closes a store it passes. */
  store?: DirectLineStore;
  timings?: Partial<StreamTimings>;
  bot?: { run(context: TurnContext): Promise<void> };
  log?: Logger;
  secret?: string;
  /** PUBLIC_URL. */
  publicUrl?: string;
  /** Idle time and caps of the WebSocket streams (defaults: the configuration's). */
  streams?: Partial<StreamLimits>;
  metrics?: Metrics;
  /** The app's onTurnError and storage readiness (default: none, and always ready). */
  onTurnError?: (context: TurnContext, error: Error) => Promise<void>;
  storageReady?: () => Promise<boolean>;
}

export interface DirectLineServer {
  url: string;
  clock: TestClock;
  module: DirectLineModule;
  close(): Promise<void>;
}

export async function startDirectLineServer(options: DirectLineServerOptions = {}): Promise<DirectLineServer> {
  const clock = new TestClock();
  const ownStorage = options.store ? undefined : await openStorage('memory:');
  const module = createDirectLine({
    config: {
      directLineSecret: options.secret ?? TEST_SECRET,
      trustedOrigins: options.trustedOrigins ?? [],
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      directLineStreams: { ...DEFAULT_STREAM_LIMITS, ...options.streams },
      trustProxy: 0,
    },
    bot: options.bot ?? new EchoBot(),
    log: options.log ?? pino({ level: 'silent' }),
    clock,
    limiter: new RateLimiter({
      name: 'directline',
      setting: options.rateLimit ?? { ...DEFAULT_DIRECTLINE_RATE_LIMIT },
      store: new MemoryRateLimitStore(),
      clock,
    }),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.onTurnError ? { onTurnError: options.onTurnError } : {}),
    ...(options.storageReady ? { storageReady: options.storageReady } : {}),
    store: options.store ?? (ownStorage as OpenedStorage).directLine,
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const server = createServer(module.routes);
  module.attach?.(server.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    clock,
    module,
    async close() {
      server.close();
      await module.close?.();
      await ownStorage?.close();
    },
  };
}
