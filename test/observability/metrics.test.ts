/**
 * GET /metrics as an operator scrapes it: Prometheus text with every metric of the bot, of the right type and
 * with closed label sets, moving with what happens — turns by channel and intent, fallbacks, hand-offs, the
 * confidence and latency histograms, open Direct Line streams (up when one opens, down when it closes), storage
 * errors (and not an eTag conflict). Access: from this machine without METRICS_TOKEN (127.0.0.1, 127.0.0.2, ::1);
 * with it, 401 without or with a wrong token and 200 with it; a peer that is not loopback gets 403. Traffic
 * here stays on loopback, so the non-loopback peer is a Unix-socket client (no address: refused as unknown)
 * and, at the handler, sockets whose remote address is 192.0.2.10, ::ffff:10.1.2.3 or fd00::2.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { StoreItems } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config/config';
import { Metrics } from '../../src/observability/metrics';
import { metricsEndpoint } from '../../src/observability/metricsEndpoint';
import type { BotStorage } from '../../src/storage/botStorage';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import {
  newConversation,
  openStream,
  postActivity,
  userMessage,
  type StreamRecorder,
} from '../directline/directLineClient';
import { HARNESS_DIRECTLINE_SECRET, request, startHarness, type Harness } from '../robustness/support/appHarness';
import { rawRequest } from '../support/rawHttp';
import { TeamsChat } from '../robustness/support/teamsChat';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const METRICS: Record<string, { type: string; labels: string[] }> = {
  bot_turns_total: { type: 'counter', labels: ['channel', 'intent'] },
  bot_fallbacks_total: { type: 'counter', labels: ['kind'] },
  bot_handoffs_total: { type: 'counter', labels: [] },
  bot_classification_confidence: { type: 'histogram', labels: [] },
  bot_turn_duration_seconds: { type: 'histogram', labels: ['channel'] },
  directline_websocket_connections: { type: 'gauge', labels: [] },
  directline_stream_refusals_total: { type: 'counter', labels: ['reason'] },
  directline_stream_idle_closes_total: { type: 'counter', labels: [] },
  bot_storage_errors_total: { type: 'counter', labels: ['operation'] },
};

/** The samples of a Prometheus text: name, labels and value per line. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1] as string, labels: labels as Record<string, string>, value: Number(match[3]) };
    });
}

function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  return samples(text)
    .filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await request(url, '/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text;
}

describe('GET /metrics', () => {
  it('serves every metric of the bot, typed, with closed labels, moving with a conversation', async () => {
    harness = await startHarness({ storage: 'memory' });
    const { url, connector } = harness;
    const chat = new TeamsChat({ url, connector });
    await chat.say('how many incidents does a Gold partner get?');
    await chat.say('what is the weather in Lisbon tomorrow?');
    await chat.say('talk to a person');
    await chat.say('Azure says the Access ID is already associated');
    await chat.press({ action: 'handoff_consent', consent: true });
    // A channel nobody knows, and a Russian question on Direct Line.
    await new TeamsChat({ url, connector, channelId: 'my-own-channel-<script>' }).say('help');
    const dl = await newConversation(url, HARNESS_DIRECTLINE_SECRET);
    await postActivity(url, dl.conversationId, dl.token, userMessage('Где посмотреть Access ID?', { locale: 'ru-RU' }));

    const text = await scrape(url);
    for (const [name, { type, labels }] of Object.entries(METRICS)) {
      expect(text, name).toContain(`# TYPE ${name} ${type}`);
      for (const sample of samples(text).filter((s) => s.name === name || s.name.startsWith(`${name}_`))) {
        expect(
          Object.keys(sample.labels)
            .filter((label) => label !== 'le')
            .sort(),
          sample.name,
        ).toEqual([...labels].sort());
      }
    }
    expect(valueOf(text, 'bot_turns_total', { channel: 'msteams', intent: 'entitlement' })).toBe(1);
    expect(valueOf(text, 'bot_turns_total', { channel: 'msteams', intent: 'submit' })).toBe(1);
    expect(valueOf(text, 'bot_turns_total', { channel: 'directline' })).toBe(1);
    expect(valueOf(text, 'bot_turns_total', { channel: 'other' })).toBe(1);
    expect(valueOf(text, 'bot_fallbacks_total')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'bot_handoffs_total')).toBe(1);
    expect(valueOf(text, 'bot_classification_confidence_count')).toBeGreaterThanOrEqual(5);
    expect(valueOf(text, 'bot_turn_duration_seconds_count', { channel: 'msteams' })).toBe(5);
    expect(valueOf(text, 'bot_storage_errors_total')).toBe(0);
    // Nothing a user typed or a client named becomes a label.
    for (const typed of ['Lisbon', 'Access ID', '<script>', 'my-own-channel', 'Где']) expect(text).not.toContain(typed);
  });

  it('counts the Direct Line streams open now: up when one opens, down when it closes', async () => {
    harness = await startHarness({ storage: 'memory' });
    const { url } = harness;
    const gauge = async () => valueOf(await scrape(url), 'directline_websocket_connections');
    expect(await gauge()).toBe(0);
    const streams: StreamRecorder[] = [];
    for (let i = 0; i < 3; i++)
      streams.push(await openStream((await newConversation(url, HARNESS_DIRECTLINE_SECRET)).streamUrl));
    await expect.poll(gauge).toBe(3);
    streams.pop()?.close();
    await expect.poll(gauge).toBe(2);
    // A connection that drops without a close frame counts down as well.
    streams.pop()?.socket.terminate();
    await expect.poll(gauge).toBe(1);
    streams.pop()?.close();
    await expect.poll(gauge).toBe(0);
  });

  it('counts storage operations that fail, by operation, and not an eTag conflict', async () => {
    const storage = new FailingStorage();
    harness = await startHarness({ overrides: { storage } });
    const { url, connector } = harness;
    const chat = new TeamsChat({ url, connector });
    await chat.say('hello');
    storage.failing = true;
    await chat.say('how many incidents does a Gold partner get?');
    storage.failing = false;
    const text = await scrape(url);
    expect(valueOf(text, 'bot_storage_errors_total', { operation: 'read' })).toBeGreaterThanOrEqual(1);
    const before = valueOf(text, 'bot_storage_errors_total');
    // A stale eTag is the caller's concurrency, not a failure of the storage.
    await harness.app.storage.write({ probe: { value: 1 } });
    await expect(harness.app.storage.write({ probe: { value: 2, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
    expect(valueOf(await scrape(url), 'bot_storage_errors_total')).toBe(before);
  });
});

describe('who may read /metrics', () => {
  it('answers this machine without METRICS_TOKEN: 127.0.0.1, 127.0.0.2 and ::1', async () => {
    harness = await startHarness({ storage: 'memory' });
    expect((await rawRequest(harness.url, { method: 'GET', path: '/metrics' })).status).toBe(200);
    expect((await rawRequest(harness.url, { method: 'GET', path: '/metrics', localAddress: '127.0.0.2' })).status).toBe(
      200,
    );
    const ipv6 = await startHarness({ storage: 'memory', host: '::1' });
    try {
      expect((await rawRequest(ipv6.url, { method: 'GET', path: '/metrics' })).status).toBe(200);
    } finally {
      await ipv6.close();
    }
  });

  it('with METRICS_TOKEN, answers 401 without it or with a wrong one, even from this machine, and 200 with it', async () => {
    const token = 'metrics-token-for-the-robustness-tests';
    harness = await startHarness({ storage: 'memory', env: { METRICS_TOKEN: token } });
    const { url } = harness;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-of-the-same-size-xxxxxxxx' },
      { authorization: token },
      { authorization: `Basic ${token}` },
    ];
    for (const headers of attempts) {
      const refused = await request(url, '/metrics', { headers });
      expect(refused.status, JSON.stringify(headers)).toBe(401);
      expect(refused.text).not.toContain('bot_turns_total');
    }
    expect(valueOf(await scrape(url, { authorization: `Bearer ${token}` }), 'bot_storage_errors_total')).toBe(0);
  });

  it('refuses a peer whose address is not loopback (403), here a Unix-socket client, whose address is unknown', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mpn-metrics-'));
    const app = await createApp(readConfig({ STORAGE_URL: 'memory:', RATE_LIMIT: 'off' }), pino({ level: 'silent' }), {
      storage: new InMemoryStorage(),
    });
    const socketPath = join(folder, 'bot.sock');
    await new Promise<void>((resolve) => app.server.listen(socketPath, resolve));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ socketPath, path: '/metrics', method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each(['192.0.2.10', '::ffff:10.1.2.3', 'fd00::2', undefined])(
    'refuses a peer at %s with 403 (at the handler)',
    async (remoteAddress) => {
      const status = await statusFrom(
        metricsEndpoint(new Metrics({ processMetrics: false }), undefined),
        remoteAddress,
      );
      expect(status).toBe(403);
    },
  );

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])(
    'serves a peer at %s (at the handler)',
    async (remoteAddress) => {
      const status = await statusFrom(
        metricsEndpoint(new Metrics({ processMetrics: false }), undefined),
        remoteAddress,
      );
      expect(status).toBe(200);
    },
  );
});

/** The status a handler answers a GET from a socket with this remote address. */
async function statusFrom(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  remoteAddress: string | undefined,
): Promise<number> {
  let status = 0;
  const req = { headers: {}, socket: { remoteAddress } } as unknown as IncomingMessage;
  const res = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      return this;
    },
    setHeader() {},
    end() {},
  } as unknown as ServerResponse;
  await handle(req, res);
  return status;
}

/** In-memory storage that fails every operation while `failing` is set, as a database that went away. */
class FailingStorage extends InMemoryStorage implements BotStorage {
  failing = false;

  override async read(keys: string[]): Promise<StoreItems> {
    if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return super.write(changes);
  }

  override async delete(keys: string[]): Promise<void> {
    if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return super.delete(keys);
  }

  override async isReady(): Promise<boolean> {
    return !this.failing;
  }
}
