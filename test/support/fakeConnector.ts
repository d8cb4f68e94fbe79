/**
 * A Bot Framework connector on loopback for tests: it receives the activities the bot sends (replies and
 * proactive messages), keeps them, and answers as the real service does.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  path: string;
  authorization?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  private server?: Server;
  private waiters: (() => void)[] = [];
  private counter = 0;

  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the fake connector is not listening');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The activities sent to one conversation, in order. */
  activitiesOf(conversationId: string): ReceivedActivity['activity'][] {
    return this.received.filter((r) => r.conversationId === conversationId).map((r) => r.activity);
  }

  /** Waits until `count` activities arrived for the conversation (or fails after `timeoutMs`). */
  async waitFor(conversationId: string, count: number, timeoutMs = 10_000): Promise<ReceivedActivity['activity'][]> {
    const deadline = Date.now() + timeoutMs;
    while (this.activitiesOf(conversationId).length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} activities for ${conversationId}, got ${this.activitiesOf(conversationId).length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.activitiesOf(conversationId);
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) {
      res.writeHead(404);
      res.end();
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ReceivedActivity['activity'];
    this.received.push({ conversationId: decodeURIComponent(match[1]), path: req.url ?? '', authorization: req.headers.authorization, activity });
    for (const wake of this.waiters.splice(0)) wake();
    // restify patches ServerResponse.writeHead for the whole process: it no longer returns the response.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${++this.counter}` }));
  }
}
