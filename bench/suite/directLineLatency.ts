/**
 * Direct Line reply latency against the running app, as Web Chat sees it: a few conversations side by side,
 * each one POST /api/webchat/token → POST /v3/directline/conversations → the WebSocket stream, then questions one
 * after another; each timed from its POST …/activities until the bot's reply to it (from someone other than the
 * user, replyToId = the posted activity's id) arrives on the socket.
 */
import WebSocket from 'ws';
import { LOCALE_OF, LANGS } from '../../src/i18n/locales';
import { readUtterances } from '../../src/nlu/utterances';

export interface DirectLineOptions {
  url: string;
  conversations: number;
  messagesPerConversation: number;
  warmUpPerConversation: number;
  /** A reply not seen within this long counts as missing. */
  replyTimeoutMs?: number;
}

export interface DirectLineResult {
  conversations: number;
  /** Measured replies (warm-up excluded). */
  samplesMs: number[];
  /** Messages whose reply never came, or whose POST failed. */
  failures: number;
}

type StreamActivity = { id?: string; type?: string; replyToId?: string; from?: { id?: string; role?: string } };

class DirectLineBenchError extends Error {
  override name = 'DirectLineBenchError';
}

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new DirectLineBenchError(`POST ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** One conversation: its stream, and the bot's replies by the id of the activity they answer. */
class BenchConversation {
  private readonly arrived = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();

  private constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly conversationId: string,
    private readonly userId: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const text = data.toString('utf8');
      if (!text) return; // keep-alive
      for (const activity of (JSON.parse(text) as { activities?: StreamActivity[] }).activities ?? []) {
        const fromBot =
          activity.from?.role === 'bot' || (activity.from?.id !== undefined && activity.from.id !== this.userId);
        if (!fromBot || activity.type !== 'message' || !activity.replyToId || this.arrived.has(activity.replyToId))
          continue;
        this.arrived.set(activity.replyToId, at);
        this.waiting.get(activity.replyToId)?.(at);
      }
    });
  }

  static async open(url: string, locale: string): Promise<BenchConversation> {
    const grant = await postJson<{ token: string; userId: string }>(`${url}/api/webchat/token`, {});
    const started = await postJson<{ conversationId: string; streamUrl: string; token: string }>(
      `${url}/v3/directline/conversations`,
      { locale },
      grant.token,
    );
    const socket = new WebSocket(started.streamUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new BenchConversation(url, started.token, started.conversationId, grant.userId, socket);
  }

  /** Milliseconds from the POST to the reply on the socket; undefined when none came in time. */
  async ask(text: string, locale: string, timeoutMs: number): Promise<number | undefined> {
    const t0 = performance.now();
    const { id } = await postJson<{ id: string }>(
      `${this.url}/v3/directline/conversations/${encodeURIComponent(this.conversationId)}/activities`,
      { type: 'message', text, locale, from: { id: this.userId, role: 'user' } },
      this.token,
    );
    const seen = this.arrived.get(id);
    if (seen !== undefined) return seen - t0;
    const at = await new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.waiting.set(id, (time) => {
        clearTimeout(timer);
        resolve(time);
      });
    });
    this.waiting.delete(id);
    return at === undefined ? undefined : at - t0;
  }

  close(): void {
    this.socket.close();
  }
}

/** @example await directLineLatency({ url: bot.url, conversations: 4, messagesPerConversation: 60, warmUpPerConversation: 5 }) */
export async function directLineLatency(options: DirectLineOptions): Promise<DirectLineResult> {
  const dev = readUtterances('dev');
  const timeoutMs = options.replyTimeoutMs ?? 10_000;
  const samplesMs: number[] = [];
  let failures = 0;
  await Promise.all(
    Array.from({ length: options.conversations }, async (_, c) => {
      const lang = LANGS[c % LANGS.length] ?? 'en';
      const locale = LOCALE_OF[lang];
      const texts = dev.filter((u) => u.lang === lang).map((u) => u.text);
      const conversation = await BenchConversation.open(options.url, locale);
      try {
        for (let i = 0; i < options.warmUpPerConversation + options.messagesPerConversation; i++) {
          const ms = await conversation
            .ask(texts[(i * 7 + c) % texts.length] ?? 'hello', locale, timeoutMs)
            .catch(() => undefined);
          if (i < options.warmUpPerConversation) continue;
          if (ms === undefined) failures++;
          else samplesMs.push(ms);
        }
      } finally {
        conversation.close();
      }
    }),
  );
  return { conversations: options.conversations, samplesMs, failures };
}
