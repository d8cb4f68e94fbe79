/**
 * The Bot Framework connector the benchmarked bots reply to: a plain node http server on loopback, in the bench
 * process, answering 200 {"id": …} to POST /v3/conversations/{id}/activities[/{replyToId}] and counting replies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const REPLY_PATH = /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?\/?$/;

export class FakeConnector {
  /** Replies received (POSTs to a conversation's activities). */
  replies = 0;
  /** Anything else that arrived (answered 404). */
  unexpected = 0;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (req.method === 'POST' && REPLY_PATH.test(path)) {
          this.replies++;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"id":"reply-${this.replies}"}`);
        } else {
          this.unexpected++;
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"NotFound","message":"the fake connector answers replies only"}}');
        }
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  /** @example const connector = await new FakeConnector().start(); activity.serviceUrl = connector.serviceUrl; */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
