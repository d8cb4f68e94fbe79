/**
 * Resident memory of the bot after N conversations: a fresh bot (memory storage, so every conversation's and
 * user's state stays in the process), N message activities of N new conversations through /api/messages,
 * then process_resident_memory_bytes from its /metrics.
 */
import { sleep, startServer, type RssReading } from './botProcess';
import type { FakeConnector } from './fakeConnector';
import { runLoad, type LoadResult } from './messageLoad';

export interface MemoryAfterConversations {
  conversations: number;
  load: LoadResult;
  /** After start, before any message. */
  startMb: number;
  afterMb: number;
  source: RssReading['source'];
}

export async function memoryAfterConversations(conversations: number, connector: FakeConnector): Promise<MemoryAfterConversations> {
  const bot = await startServer('bot', { storageUrl: 'memory:' });
  try {
    const start = await bot.rss();
    const load = await runLoad({ url: bot.url, connector, connections: 10, amount: conversations, tag: 'rss' });
    await sleep(2000);
    const after = await bot.rss();
    return { conversations, load, startMb: start.mb, afterMb: after.mb, source: after.source };
  } finally {
    await bot.stop();
  }
}
