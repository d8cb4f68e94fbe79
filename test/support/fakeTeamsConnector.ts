/**
 * A Bot Framework connector on loopback that also answers what Teams' Universal Actions need: besides the
 * activities the bot posts (replies, proactive messages; POST), it records the messages the bot updates in
 * place (PUT /v3/conversations/{id}/activities/{activityId}, as `context.updateActivity` sends it) and gives
 * every posted message an id, so a test can send an invoke whose replyToId is that message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorActivity extends Record<string, unknown> {
  type?: string;
  id?: string;
  text?: string;
  replyToId?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export interface ConnectorRequest {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity named in the path: what a reply answers (POST) or the message replaced (PUT). */
  activityId?: string;
  /** The id the connector gave a posted message (POST only). */
  id?: string;
  activity: ConnectorActivity;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

export class FakeTeamsConnector {
  readonly requests: ConnectorRequest[] = [];
  private server?: Server;
  private counter = 0;

  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the fake Teams connector is not listening');
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

  /** The messages posted to one conversation (replies and proactive messages), in order. */
  posted(conversationId: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.conversationId === conversationId);
  }

  /** The in-place updates of messages in one conversation, in order. */
  updates(conversationId: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && r.conversationId === conversationId);
  }

  /** Waits until `count` messages were posted to the conversation (or fails after `timeoutMs`, naming what came). */
  async waitForPosts(conversationId: string, count: number, timeoutMs = 10_000): Promise<ConnectorRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.posted(conversationId).length < count) {
      if (Date.now() > deadline) {
        const seen = this.requests.map((r) => `${r.method} ${r.conversationId}`).join(', ') || 'nothing';
        throw new Error(
          `expected ${count} messages posted to ${conversationId}, got ${this.posted(conversationId).length} (the connector saw: ${seen})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.posted(conversationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = ACTIVITIES_PATH.exec(req.url ?? '');
    const method = req.method;
    if (!match?.[1] || (method !== 'POST' && method !== 'PUT') || (method === 'PUT' && !match[2])) {
      res.writeHead(404);
      res.end();
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ConnectorActivity;
    const conversationId = decodeURIComponent(match[1]);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const id = method === 'POST' ? `1:message-${++this.counter}` : activityId;
    this.requests.push({
      method,
      conversationId,
      ...(activityId ? { activityId } : {}),
      ...(method === 'POST' ? { id } : {}),
      activity,
    });
    // restify patches ServerResponse.writeHead for the whole process: it no longer returns the response.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  }
}
