/**
 * Load on POST /api/messages with autocannon: every request a message activity of a new conversation and a new
 * user (so the bot's per-conversation turn serialization and per-user state never make requests wait on each
 * other), the texts the development questions of the four languages in turn, the replies going to the fake
 * connector. Counts 2xx, non-2xx, errors, timeouts and the replies the connector received.
 */
import autocannon from 'autocannon';
import { LOCALE_OF } from '../../src/i18n/locales';
import { readUtterances } from '../../src/nlu/utterances';
import type { FakeConnector } from './fakeConnector';

export interface LoadResult {
  connections: number;
  seconds: number;
  /** 2xx responses per second over the run. */
  rps: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Replies the fake connector received during the run (and a short settle after it). */
  replies: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export interface LoadOptions {
  url: string;
  connector: FakeConnector;
  connections: number;
  /** Run for this long… */
  seconds?: number;
  /** …or until this many requests were answered. */
  amount?: number;
  /** Tells the conversations of one run from another's. */
  tag: string;
}

interface Question {
  text: string;
  locale: string;
}

let questions: Question[] | undefined;

/** The development questions of all languages, interleaved (en, ru, pt, fr, en, …). */
function developmentQuestions(): Question[] {
  if (questions) return questions;
  const all = readUtterances('dev').map((u) => ({ text: u.text, locale: LOCALE_OF[u.lang], lang: u.lang }));
  const byLang = new Map<string, Question[]>();
  for (const q of all) byLang.set(q.lang, [...(byLang.get(q.lang) ?? []), { text: q.text, locale: q.locale }]);
  const lists = [...byLang.values()];
  const longest = Math.max(...lists.map((list) => list.length));
  questions = Array.from({ length: longest }, (_, i) => lists.map((list) => list[i]))
    .flat()
    .filter((q): q is Question => q !== undefined);
  return questions;
}

/** A Teams personal-chat message of conversation number `n`, as a channel posts it. */
export function messageActivity(serviceUrl: string, tag: string, n: number): string {
  const all = developmentQuestions();
  const question = all[n % all.length] ?? { text: 'hello', locale: 'en-US' };
  return JSON.stringify({
    type: 'message',
    id: `m-${tag}-${n}`,
    text: question.text,
    locale: question.locale,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `u-${tag}-${n}`, name: 'Bench partner' },
    recipient: { id: 'bench-bot', name: 'Support benefits' },
    conversation: { id: `c-${tag}-${n}`, conversationType: 'personal' },
  });
}

/** @example await runLoad({ url: bot.url, connector, connections: 10, seconds: 15, tag: 'bot-1' }) */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { connector, tag } = options;
  const repliesBefore = connector.replies;
  let n = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `${options.url}/api/messages`,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: messageActivity(connector.serviceUrl, tag, n++) }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
  });
  // A request cut off at the end of the run may still be replying.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const ok = result['2xx'];
  return {
    connections: options.connections,
    seconds: result.duration,
    rps: ok / Math.max(result.duration, 0.001),
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    replies: connector.replies - repliesBefore,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}
