/**
 * The open WebSocket streams of this instance. Each socket has its own cursor (the watermark it has been sent up
 * to) and is pumped from the store whenever its conversation gets new activities: at once for activities
 * written here, and by polling the store every `pollIntervalMs` (only while sockets are open, only when other
 * processes share the store) for those written by another instance. Every `heartbeatMs` each socket gets an
 * empty message, as the real service sends, and a ping; one that did not answer the last ping is dropped. A
 * stream that has carried no activity for `idleMs` is closed (1000, "idle"): answering pings keeps a socket
 * alive, not open; the client reconnects with a new stream URL when it wants to listen again.
 */
import type WebSocket from 'ws';
import { DEFAULT_STREAM_LIMITS } from '../../config/config';
import type { Logger } from '../../log/logger';
import type { ActivityFeed } from '../directLineConversations';
import { withId } from '../directLineConversations';
import type { DirectLineActivity, DirectLineStore } from '../store/directLineStore';

export interface StreamTimings {
  /** How often the store is checked for activities of other instances (shared stores only). */
  pollIntervalMs: number;
  /** How often an empty message and a ping go to each socket. */
  heartbeatMs: number;
  /** DIRECTLINE_STREAM_IDLE_MS: a stream without an activity for this long is closed. */
  idleMs: number;
}

export const DEFAULT_STREAM_TIMINGS: StreamTimings = {
  pollIntervalMs: 50,
  heartbeatMs: 30_000,
  idleMs: DEFAULT_STREAM_LIMITS.idleMs,
};

/** What the hub reports: the open sockets (a gauge) and the idle closes (a counter). */
export interface StreamMeters {
  connections?: { set(count: number): void };
  idleCloses?: { inc(): void };
}

/** The close code and reason of an idle stream: a normal closure, the client may reconnect. */
const IDLE_CLOSE = { code: 1000, reason: 'idle' } as const;

/** At most this many activities per message, so a long replay goes out in several. */
const BATCH = 100;

interface Stream {
  socket: WebSocket;
  conversationId: string;
  cursor: number;
  pumping: boolean;
  again: boolean;
  alive: boolean;
  /** Closes the stream once it has carried no activity for idleMs; refreshed by every activity sent. */
  idleTimer: NodeJS.Timeout;
}

export class StreamHub implements ActivityFeed {
  private readonly streams = new Map<string, Set<Stream>>();
  private pollTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private polling = false;

  /** @param meters told the number of open sockets whenever it changes, and each idle close */
  constructor(
    private readonly store: DirectLineStore,
    private readonly log: Logger,
    private readonly timings: StreamTimings = DEFAULT_STREAM_TIMINGS,
    private readonly meters: StreamMeters = {},
  ) {}

  /** Streams a conversation to a socket, from `watermark` on (activities since then are replayed first). */
  add(conversationId: string, socket: WebSocket, watermark: number): void {
    const idleTimer = setTimeout(() => this.closeIdle(stream), this.timings.idleMs).unref();
    const stream: Stream = {
      socket,
      conversationId,
      cursor: watermark,
      pumping: false,
      again: false,
      alive: true,
      idleTimer,
    };
    const streams = this.streams.get(conversationId) ?? new Set<Stream>();
    streams.add(stream);
    this.streams.set(conversationId, streams);
    this.meters.connections?.set(this.size);
    socket.on('pong', () => (stream.alive = true));
    socket.on('close', () => this.remove(stream));
    socket.on('error', () => this.remove(stream));
    // Clients send empty messages to check the connection; nothing they send is an instruction.
    socket.on('message', () => undefined);
    this.startTimers();
    this.pump(stream);
  }

  published(conversationId: string): void {
    for (const stream of this.streams.get(conversationId) ?? []) this.pump(stream);
  }

  pushLive(conversationId: string, activity: DirectLineActivity): void {
    for (const stream of this.streams.get(conversationId) ?? []) send(stream, { activities: [activity] });
  }

  /** Open sockets on this instance. */
  get size(): number {
    let count = 0;
    for (const streams of this.streams.values()) count += streams.size;
    return count;
  }

  close(): void {
    this.stopTimers();
    for (const streams of this.streams.values()) {
      for (const stream of streams) {
        clearTimeout(stream.idleTimer);
        stream.socket.close(1001, 'server shutting down');
      }
    }
    this.streams.clear();
    this.meters.connections?.set(0);
  }

  private pump(stream: Stream): void {
    if (stream.pumping) {
      stream.again = true;
      return;
    }
    stream.pumping = true;
    void this.drain(stream)
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'a Direct Line stream could not read its conversation');
        stream.socket.close(1011, 'server error');
      })
      .finally(() => {
        stream.pumping = false;
        if (stream.again) this.pump(stream);
      });
  }

  private async drain(stream: Stream): Promise<void> {
    do {
      stream.again = false;
      const stored = await this.store.activitiesSince(stream.conversationId, stream.cursor, BATCH);
      const last = stored.at(-1);
      if (!last || stream.socket.readyState !== stream.socket.OPEN) continue;
      stream.cursor = last.seq + 1;
      send(stream, {
        activities: stored.map((s) => withId(stream.conversationId, s)),
        watermark: String(stream.cursor),
      });
      if (stored.length === BATCH) stream.again = true;
    } while (stream.again);
  }

  private closeIdle(stream: Stream): void {
    if (stream.socket.readyState !== stream.socket.OPEN) return;
    this.meters.idleCloses?.inc();
    stream.socket.close(IDLE_CLOSE.code, IDLE_CLOSE.reason);
  }

  private remove(stream: Stream): void {
    clearTimeout(stream.idleTimer);
    const streams = this.streams.get(stream.conversationId);
    streams?.delete(stream);
    if (streams && !streams.size) this.streams.delete(stream.conversationId);
    if (!this.streams.size) this.stopTimers();
    this.meters.connections?.set(this.size);
  }

  private startTimers(): void {
    if (this.store.shared && !this.pollTimer)
      this.pollTimer = setInterval(() => void this.poll(), this.timings.pollIntervalMs).unref();
    if (!this.heartbeatTimer)
      this.heartbeatTimer = setInterval(() => this.heartbeat(), this.timings.heartbeatMs).unref();
  }

  private stopTimers(): void {
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeatTimer);
    this.pollTimer = undefined;
    this.heartbeatTimer = undefined;
  }

  /** Pumps the streams that are behind their conversation's watermark in the store (written by another instance). */
  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const watermarks = await this.store.watermarks([...this.streams.keys()]);
      for (const [conversationId, streams] of this.streams) {
        const watermark = watermarks.get(conversationId) ?? 0;
        for (const stream of streams) if (stream.cursor < watermark) this.pump(stream);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'polling the Direct Line store failed');
    } finally {
      this.polling = false;
    }
  }

  private heartbeat(): void {
    for (const streams of this.streams.values()) {
      for (const stream of streams) {
        if (!stream.alive) {
          stream.socket.terminate();
          continue;
        }
        stream.alive = false;
        stream.socket.ping();
        stream.socket.send('');
      }
    }
  }
}

/** Sends activities (the traffic that keeps a stream from being idle). */
function send(stream: Stream, message: { activities: DirectLineActivity[]; watermark?: string }): void {
  if (stream.socket.readyState !== stream.socket.OPEN) return;
  stream.socket.send(JSON.stringify(message));
  stream.idleTimer.refresh();
}
