/**
 * Resident memory after N conversations: a fresh bot (memory storage, so every conversation's and user's state
 * stays in the process), N message activities of N new conversations through /api/messages, then
 * process_resident_memory_bytes from its /metrics. The echo bot gets the same N messages as a baseline: what the
 * botbuilder + restify stack alone holds.
 */
import { sleep, startServer, type RssReading, type ServerKind } from './botProcess';
import type { FakeConnector } from './fakeConnector';
import { runLoad, type LoadResult } from './messageLoad';

export interface MemoryReading {
  load: LoadResult;
  /** After start, before any message. */
  startMb: number;
  afterMb: number;
  source: RssReading['source'];
}

export interface MemoryAfterConversations extends MemoryReading {
  conversations: number;
  echo: MemoryReading;
}

async function measure(kind: ServerKind, conversations: number, connector: FakeConnector): Promise<MemoryReading> {
  const server = await startServer(kind, { storageUrl: 'memory:' });
  try {
    const start = await server.rss();
    const load = await runLoad({
      url: server.url,
      connector,
      connections: 10,
      amount: conversations,
      tag: `rss-${kind}`,
    });
    await sleep(2000);
    const after = await server.rss();
    return { load, startMb: start.mb, afterMb: after.mb, source: after.source };
  } finally {
    await server.stop();
  }
}

export async function memoryAfterConversations(
  conversations: number,
  connector: FakeConnector,
): Promise<MemoryAfterConversations> {
  const bot = await measure('bot', conversations, connector);
  const echo = await measure('echo', conversations, connector);
  return { conversations, ...bot, echo };
}
