/**
 * One run of the official client, botframework-directlinejs (what Web Chat uses), against the real app: it
 * starts the conversation with a token from the web pages' endpoint, opens the WebSocket stream, sends a
 * question and receives the bot's answer card. Node has neither WebSocket nor XMLHttpRequest: the test lends it
 * `ws` and happy-dom's XMLHttpRequest, the client's own code does the rest.
 */
import type { Window } from 'happy-dom' with { 'resolution-mode': 'import' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_SECRET } from '../support/directLineServer';
import { startApp, type RunningApp } from '../support/testApp';
import { call } from './directLineClient';

type Activity = {
  id?: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: { clientActivityID?: string };
  attachments?: { contentType: string }[];
};

let app: RunningApp;
let window: Window;

/** ws, counting the streams the client opens (so the test knows the answer came over a WebSocket, not polling). */
class CountingWebSocket extends WebSocket {
  static opened: string[] = [];
  constructor(url: string, ...rest: unknown[]) {
    super(url, ...(rest as []));
    CountingWebSocket.opened.push(url);
  }
}

beforeAll(async () => {
  app = await startApp({ env: { DIRECTLINE_SECRET: TEST_SECRET } });
  // happy-dom is an ES module: imported dynamically from this CommonJS project.
  const { Window } = await import('happy-dom');
  window = new Window({ url: `${app.url}/` });
  Object.assign(globalThis, { WebSocket: CountingWebSocket, XMLHttpRequest: browserLikeXMLHttpRequest(window) });
});

afterAll(async () => {
  await window.happyDOM.abort();
  await window.happyDOM.close();
  await app.close();
});

describe('botframework-directlinejs', () => {
  it('sends a question over REST and gets the answer card over the WebSocket', async () => {
    const { DirectLine, ConnectionStatus } = await import('botframework-directlinejs');
    const { body } = await call<{ token: string; userId: string }>(app.url, '/api/webchat/token', { method: 'POST' });
    const directLine = new DirectLine({
      token: body.token,
      domain: `${app.url}/v3/directline`,
      webSocket: true,
      conversationStartProperties: { locale: 'en-US' },
    });
    const received: Activity[] = [];
    const subscription = directLine.activity$.subscribe((activity) => received.push(activity));
    try {
      const online = new Promise<void>((resolve) =>
        directLine.connectionStatus$.subscribe((status) => status === ConnectionStatus.Online && resolve()),
      );
      await online;
      const clientActivityID = 'official-client-1';
      const id = await new Promise<string>((resolve, reject) =>
        directLine
          .postActivity({
            type: 'message',
            from: { id: 'someone', name: 'Partner' },
            text: 'how many incidents does a Gold partner get?',
            locale: 'en-US',
            channelData: { clientActivityID },
          } as never)
          .subscribe({ next: resolve, error: reject }),
      );
      expect(id).toMatch(/\|\d{7}$/);
      const answer = await eventually(() => received.find((a) => a.replyToId === id));
      expect(answer.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const echo = received.find((a) => a.id === id);
      expect(echo?.channelData?.clientActivityID).toBe(clientActivityID);
      expect(echo?.from.id).toBe(body.userId);
      expect(directLine.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
      expect(CountingWebSocket.opened).toEqual([
        expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?/),
      ]);
    } finally {
      subscription.unsubscribe();
      directLine.end();
    }
  });
});

/**
 * happy-dom's XMLHttpRequest calls its on* handlers without `this`; browsers pass the request, and the ajax of
 * RxJS 5 inside directlinejs reads `this.readyState`. Handlers assigned here are bound to the request.
 */
function browserLikeXMLHttpRequest(window: Window): typeof window.XMLHttpRequest {
  const handlers = [
    'onreadystatechange',
    'onload',
    'onerror',
    'ontimeout',
    'onabort',
    'onloadstart',
    'onloadend',
    'onprogress',
  ];
  return class extends window.XMLHttpRequest {
    constructor() {
      super();
      for (const name of handlers) {
        let handler: unknown = null;
        Object.defineProperty(this, name, {
          get: () => handler,
          set: (value: unknown) => (handler = typeof value === 'function' ? value.bind(this) : value),
          configurable: true,
        });
      }
    }
  };
}

async function eventually<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('the answer did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
