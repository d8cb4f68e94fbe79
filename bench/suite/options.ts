/** The benchmark suite's command line: `--quick` (every part short, a smoke check) and `--soak-seconds N`. */

export interface BenchOptions {
  quick: boolean;
  /** Length of the soak (default 300 s; 15 s with --quick unless given). */
  soakSeconds: number;
  http: { connections: number; warmUpSeconds: number; seconds: number; rounds: number };
  directLine: { conversations: number; messagesPerConversation: number; warmUpPerConversation: number };
  coldStarts: number;
  rssConversations: number;
  soakConnections: number;
  /** RSS sampling period of the soak. */
  sampleSeconds: number;
}

export class BenchOptionsError extends Error {
  override name = 'BenchOptionsError';
}

const USAGE = 'usage: npm run bench -- [--quick] [--soak-seconds N]';

/**
 * @example parseOptions(['--quick']) // { quick: true, soakSeconds: 15, … }
 * @throws BenchOptionsError naming the argument that is wrong
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let quick = false;
  let soakSeconds: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--soak-seconds' || arg?.startsWith('--soak-seconds=')) {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const value = Number(text);
      if (!text || !Number.isInteger(value) || value < 10)
        throw new BenchOptionsError(
          `--soak-seconds must be a whole number of seconds, at least 10, not "${text ?? ''}" (${USAGE})`,
        );
      soakSeconds = value;
    } else throw new BenchOptionsError(`unknown argument "${arg}" (${USAGE})`);
  }
  return {
    quick,
    soakSeconds: soakSeconds ?? (quick ? 15 : 300),
    http: quick
      ? { connections: 10, warmUpSeconds: 1, seconds: 3, rounds: 1 }
      : { connections: 10, warmUpSeconds: 5, seconds: 15, rounds: 2 },
    directLine: quick
      ? { conversations: 2, messagesPerConversation: 10, warmUpPerConversation: 2 }
      : { conversations: 4, messagesPerConversation: 60, warmUpPerConversation: 5 },
    coldStarts: quick ? 2 : 5,
    rssConversations: quick ? 500 : 10_000,
    soakConnections: 50,
    sampleSeconds: quick ? 1 : 5,
  };
}
