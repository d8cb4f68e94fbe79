/**
 * A scripted front for the FakeConnector: the next requests get the answers a test scripts (429 with
 * Retry-After, 403, 502, …), and once the script is used up every request goes through to the fake connector,
 * which keeps the activity and answers 200 as the real service does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector } from './fakeConnector';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Default: a Bot Framework ErrorResponse naming the status. */
  body?: unknown;
}

export interface ScriptedRequest {
  method: string;
  path: string;
  /** The scripted status, or the fake connector's when it went through. */
  status: number;
}

export class ScriptedConnector {
  readonly requests: ScriptedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private server?: Server;

  constructor(readonly connector: FakeConnector) {}

  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the scripted connector is not listening');
    return `http://127.0.0.1:${address.port}/`;
  }

  /** The answers to the next requests, in order; requests after them go through to the fake connector. */
  answerNext(...answers: ScriptedAnswer[]): this {
    this.script.push(...answers);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    const answer = this.script.shift();
    if (answer) {
      this.requests.push({ method: req.method ?? '', path, status: answer.status });
      const body = JSON.stringify(
        answer.body ?? { error: { code: `Status${answer.status}`, message: `scripted ${answer.status}` } },
      );
      // restify patches ServerResponse.writeHead for the whole process: it no longer returns the response.
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(body);
      return;
    }
    const response = await fetch(new URL(path.replace(/^\//, ''), this.connector.serviceUrl), {
      method: req.method ?? 'POST',
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/json',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    this.requests.push({ method: req.method ?? '', path, status: response.status });
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await response.arrayBuffer()));
  }
}
