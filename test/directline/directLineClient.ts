/** A small Direct Line 3.0 client for the protocol tests: the REST calls, and a WebSocket stream that records what arrives. */
import WebSocket from 'ws';

export interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export type WireActivity = Record<string, unknown> & {
  id: string;
  type: string;
  text?: string;
  from: { id: string; name?: string; role?: string };
  recipient?: { id: string };
  replyToId?: string;
  channelData?: Record<string, unknown>;
  attachments?: { contentType: string; content: unknown }[];
};

export async function call<T = Record<string, unknown>>(
  url: string,
  path: string,
  options: { method?: string; auth?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** tokens/generate with the secret. */
export async function generateToken(
  url: string,
  secret: string,
  body?: unknown,
): Promise<Reply<{ conversationId: string; token: string; expires_in: number }>> {
  return call(url, '/v3/directline/tokens/generate', {
    method: 'POST',
    auth: secret,
    ...(body !== undefined ? { body } : {}),
  });
}

export async function startConversation(url: string, auth: string, body?: unknown): Promise<Reply<Conversation>> {
  return call<Conversation>(url, '/v3/directline/conversations', {
    method: 'POST',
    auth,
    ...(body !== undefined ? { body } : {}),
  });
}

export async function postActivity(
  url: string,
  conversationId: string,
  auth: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<{ id: string }>> {
  return call(url, `/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST',
    auth,
    body: activity,
    headers,
  });
}

export async function getActivities(
  url: string,
  conversationId: string,
  auth: string,
  watermark?: string,
): Promise<Reply<{ activities: WireActivity[]; watermark: string }>> {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  return call(url, `/v3/directline/conversations/${conversationId}/activities${query}`, { auth });
}

/** A message as Web Chat posts it: its own from.id, and a clientActivityID to recognise the echo by. */
export function userMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text,
    locale: 'en-US',
    from: { id: 'web-chat-user', name: 'Partner' },
    channelData: { clientActivityID: `client-${Math.random().toString(36).slice(2)}` },
    ...extra,
  };
}

/** A token of a started conversation, and its stream URL. */
export async function newConversation(url: string, secret: string, generateBody?: unknown): Promise<Conversation> {
  const generated = await generateToken(url, secret, generateBody);
  const started = await startConversation(url, generated.body.token);
  if (started.status !== 201) throw new Error(`start conversation answered ${started.status}`);
  return started.body;
}

/** The messages a stream delivers, kept in order; `waitFor` resolves when one activity matches. */
export class StreamRecorder {
  readonly messages: string[] = [];
  readonly sets: { activities: WireActivity[]; watermark?: string }[] = [];
  private readonly waiters = new Set<() => void>();

  private closeCode?: number;

  constructor(readonly socket: WebSocket) {
    socket.once('close', (code: number) => (this.closeCode = code));
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      this.messages.push(text);
      if (text) this.sets.push(JSON.parse(text) as { activities: WireActivity[]; watermark?: string });
      for (const wake of this.waiters) wake();
    });
  }

  get activities(): WireActivity[] {
    return this.sets.flatMap((set) => set.activities);
  }

  async waitFor(predicate: (activity: WireActivity) => boolean, timeoutMs = 10_000): Promise<WireActivity> {
    return this.until(() => this.activities.find(predicate), timeoutMs);
  }

  async until<T>(found: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      if (Date.now() > deadline)
        throw new Error(
          `nothing arrived on the stream within ${timeoutMs} ms (got ${this.activities.length} activities)`,
        );
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 50);
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  /** Resolves with the close code once the server closes the stream; rejects after `timeoutMs` if it does not. */
  closed(timeoutMs = 10_000): Promise<number> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve(this.closeCode ?? 1006);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the stream was still open after ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('close', (code: number) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }
}

export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`the stream was refused with HTTP ${status}`);
  }
}

/**
 * Opens a stream; resolves once open, or rejects with StreamRefused and the HTTP status the server answered.
 * @param localAddress the loopback address to connect from (127.0.0.2 is another client)
 */
export function openStream(
  streamUrl: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<StreamRecorder> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(streamUrl, { headers, ...(localAddress ? { localAddress } : {}) });
    const recorder = new StreamRecorder(socket);
    socket.once('open', () => resolve(recorder));
    socket.once('unexpected-response', (req, res) => {
      reject(new StreamRefused(res.statusCode ?? 0));
      res.resume();
      req.destroy();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** The status a stream URL is refused with (0 when it opens). */
export async function streamStatus(streamUrl: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const stream = await openStream(streamUrl, headers);
    stream.close();
    return 0;
  } catch (error) {
    if (error instanceof StreamRefused) return error.status;
    throw error;
  }
}
