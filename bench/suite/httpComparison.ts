/**
 * /api/messages throughput, our bot against the echo bot (same botbuilder + restify stack), same load, same run:
 * both compiled, each in its own process, memory storage, replies to the fake connector. Both are warmed up,
 * then measured in ABBA order (echo, bot, bot, echo, …) so a drift of the machine's load hits both alike.
 */
import { startServer, type ServerKind, type ServerProcess } from './botProcess';
import type { FakeConnector } from './fakeConnector';
import { runLoad, type LoadResult } from './messageLoad';
import type { BenchOptions } from './options';

export interface HttpRound extends LoadResult {
  server: ServerKind;
}

export interface HttpComparison {
  connections: number;
  secondsPerRound: number;
  rounds: HttpRound[];
  bot_rps: number;
  echo_rps: number;
  ratio: number;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

/** echo, bot, bot, echo, echo, bot, … */
function abbaOrder(rounds: number): ServerKind[] {
  return Array.from({ length: rounds * 2 }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? 'echo' : 'bot'));
}

export async function httpComparison(
  options: BenchOptions['http'],
  connector: FakeConnector,
  progress: (line: string) => void,
): Promise<HttpComparison> {
  const servers = new Map<ServerKind, ServerProcess>();
  try {
    for (const kind of ['echo', 'bot'] as const) servers.set(kind, await startServer(kind, { storageUrl: 'memory:' }));
    const url = (kind: ServerKind) => servers.get(kind)?.url ?? '';
    for (const kind of ['echo', 'bot'] as const) {
      await runLoad({
        url: url(kind),
        connector,
        connections: options.connections,
        seconds: options.warmUpSeconds,
        tag: `${kind}-warm`,
      });
    }
    const rounds: HttpRound[] = [];
    for (const [i, kind] of abbaOrder(options.rounds).entries()) {
      const result = await runLoad({
        url: url(kind),
        connector,
        connections: options.connections,
        seconds: options.seconds,
        tag: `${kind}-${i}`,
      });
      rounds.push({ server: kind, ...result });
      progress(
        `  ${kind}: ${result.rps.toFixed(0)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.replies} replies`,
      );
    }
    const rps = (kind: ServerKind) => mean(rounds.filter((r) => r.server === kind).map((r) => r.rps));
    return {
      connections: options.connections,
      secondsPerRound: options.seconds,
      rounds,
      bot_rps: rps('bot'),
      echo_rps: rps('echo'),
      ratio: rps('bot') / Math.max(rps('echo'), 1e-9),
    };
  } finally {
    for (const server of servers.values()) await server.stop();
  }
}
