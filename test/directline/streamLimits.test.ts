/**
 * The WebSocket streams cannot be hoarded: a stream without traffic is closed after the idle time (answering the
 * server's pings is not traffic), a conversation (the token and its refreshes) has at most so many streams and a
 * client address so many; an upgrade past a cap is refused with 429 before it becomes a WebSocket, also when
 * the upgrades arrive all at once. Refusals by reason and idle closes are counted. The values are the test's own,
 * small ones; nothing here measures time beyond "closed within a generous bound".
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryDirectLineStore } from '../../src/directline/store/memoryDirectLineStore';
import { Metrics } from '../../src/observability/metrics';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';
import {
  StreamRefused,
  newConversation,
  openStream,
  postActivity,
  streamStatus,
  userMessage,
  type StreamRecorder,
} from './directLineClient';

let server: DirectLineServer | undefined;
const opened: StreamRecorder[] = [];

afterEach(async () => {
  for (const stream of opened.splice(0)) stream.close();
  await server?.close();
  server = undefined;
});

async function open(streamUrl: string, localAddress?: string): Promise<StreamRecorder> {
  const stream = await openStream(streamUrl, {}, localAddress);
  opened.push(stream);
  return stream;
}

/** A metric's value from the registry (all label sets summed, or the one given). */
async function metric(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const found = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (found?.values ?? []) as { value: number; labels: Record<string, string | number> }[];
  return values
    .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

/** Retries `attempt` until it returns true (the server sees a client's close a moment after the client). */
async function eventually(attempt: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('idle streams', () => {
  it('closes a stream without traffic that only answers pings, and counts it', async () => {
    const metrics = new Metrics({ processMetrics: false });
    server = await startDirectLineServer({ streams: { idleMs: 300 }, timings: { heartbeatMs: 50 }, metrics });
    const conversation = await newConversation(server.url, TEST_SECRET);
    const stream = await open(conversation.streamUrl);
    let pings = 0;
    stream.socket.on('ping', () => pings++);
    expect(await stream.closed()).toBe(1000);
    expect(pings, 'the server pinged and the client answered before the idle close').toBeGreaterThan(0);
    expect(await metric(metrics, 'directline_stream_idle_closes_total')).toBe(1);
  });

  it('delivers what arrives before the idle time, then closes when nothing more does', async () => {
    server = await startDirectLineServer({ streams: { idleMs: 300 } });
    const conversation = await newConversation(server.url, TEST_SECRET);
    const stream = await open(conversation.streamUrl);
    await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('hello'));
    expect((await stream.waitFor((activity) => activity.text === 'echo: hello')).text).toBe('echo: hello');
    expect(await stream.closed()).toBe(1000);
  });
});

describe('stream caps', () => {
  it("refuses (429) a conversation's stream past its cap, opens one again once another closes; other conversations are not affected", async () => {
    const metrics = new Metrics({ processMetrics: false });
    server = await startDirectLineServer({ streams: { perConversation: 2 }, metrics });
    const conversation = await newConversation(server.url, TEST_SECRET);
    const first = await open(conversation.streamUrl);
    await open(conversation.streamUrl);
    expect(await streamStatus(conversation.streamUrl)).toBe(429);
    expect(await metric(metrics, 'directline_stream_refusals_total', { reason: 'conversation_cap' })).toBe(1);
    expect(await streamStatus((await newConversation(server.url, TEST_SECRET)).streamUrl)).toBe(0);
    first.close();
    expect(await eventually(async () => (await streamStatus(conversation.streamUrl)) === 0)).toBe(true);
  });

  it("refuses (429) a client address's stream past its cap, whatever the conversation; another address opens", async () => {
    const metrics = new Metrics({ processMetrics: false });
    server = await startDirectLineServer({ streams: { perAddress: 3 }, metrics });
    for (let i = 0; i < 3; i++) await open((await newConversation(server.url, TEST_SECRET)).streamUrl);
    const fourth = await newConversation(server.url, TEST_SECRET);
    expect(await streamStatus(fourth.streamUrl)).toBe(429);
    expect(await metric(metrics, 'directline_stream_refusals_total', { reason: 'address_cap' })).toBe(1);
    await open(fourth.streamUrl, '127.0.0.2');
  });

  it('opens exactly the cap when 40 upgrades of one conversation arrive at once', async () => {
    server = await startDirectLineServer({ streams: { perConversation: 3 } });
    const conversation = await newConversation(server.url, TEST_SECRET);
    const attempts = await Promise.allSettled(Array.from({ length: 40 }, () => open(conversation.streamUrl)));
    const refusals = attempts
      .filter((a) => a.status === 'rejected')
      .map((a) => (a.reason instanceof StreamRefused ? a.reason.status : String(a.reason)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(refusals).toEqual(Array.from({ length: 37 }, () => 429));
  });

  it('gives no slot to a client that hangs up while its upgrade is being authorized', async () => {
    /** A store whose conversation lookups wait until the test lets them go on. */
    class HeldStore extends MemoryDirectLineStore {
      held = false;
      private readonly waiting: (() => void)[] = [];
      override async getConversation(id: string) {
        if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
        return super.getConversation(id);
      }
      release(): number {
        this.held = false;
        const count = this.waiting.length;
        for (const resume of this.waiting.splice(0)) resume();
        return count;
      }
    }
    const store = new HeldStore();
    server = await startDirectLineServer({ store, streams: { perConversation: 1 } });
    const conversation = await newConversation(server.url, TEST_SECRET);
    store.held = true;
    const { hostname, port, pathname, search } = new URL(conversation.streamUrl);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(await eventually(async () => (store as unknown as { waiting: unknown[] }).waiting.length === 1)).toBe(true);
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.release()).toBe(1);
    expect(await eventually(async () => (await streamStatus(conversation.streamUrl)) === 0)).toBe(true);
  });
});
