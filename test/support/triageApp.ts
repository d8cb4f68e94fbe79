/**
 * The real app for the triage tests, anonymous (local development) like test/support/testApp.ts, with its
 * ticket store handed in so a test can read the tickets the app keeps.
 */
import pino from 'pino';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config/config';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { MemoryTicketStore } from '../../src/triage/tickets/memoryTicketStore';
import type { RunningApp } from './testApp';

export interface RunningTriageApp extends RunningApp {
  tickets: MemoryTicketStore;
}

/** @example const app = await startTriageApp({ TICKETS_API_KEY: key }); … await app.close(); */
export async function startTriageApp(env: NodeJS.ProcessEnv = {}): Promise<RunningTriageApp> {
  const config = readConfig({ STORAGE_URL: 'memory:', ...env });
  const tickets = new MemoryTicketStore();
  const app = await createApp(config, pino({ level: 'silent' }), { storage: new InMemoryStorage(), tickets });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address();
  return { ...app, tickets, url: `http://127.0.0.1:${port}` };
}
