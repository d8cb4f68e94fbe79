/**
 * The server's own socket timeouts, as configured in the environment: a connection that never sends a byte,
 * headers that never end and a body that never completes are answered 408 and closed; an idle keep-alive
 * connection is closed; the Direct Line stream settings (idle time, caps) come from the environment too and show
 * in /metrics. The values are the test's own, small ones; nothing here measures time beyond "closed within a
 * generous bound".
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newConversation, openStream, streamStatus } from '../directline/directLineClient';
import { startApp, type RunningApp } from '../support/testApp';

const SECRET = 'connection-limits-directline-secret-0123456789';
const TIMEOUTS = { HTTP_HEADERS_TIMEOUT_MS: '300', HTTP_REQUEST_TIMEOUT_MS: '600', HTTP_KEEP_ALIVE_TIMEOUT_MS: '300' };

let app: RunningApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * Connects, writes `bytes` (maybe nothing) and resolves with what the server sent once it closes the
 * connection; rejects if it is still open after `boundMs`.
 */
function untilClosed(url: string, bytes: string, boundMs = 10_000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => bytes && socket.write(bytes));
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection was still open after ${boundMs} ms`));
    }, boundMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

describe('HTTP socket timeouts', () => {
  it('closes a connection that never sends a byte (408)', async () => {
    app = await startApp({ env: TIMEOUTS });
    expect(await untilClosed(app.url, '')).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose headers never end (408)', async () => {
    app = await startApp({ env: TIMEOUTS });
    expect(await untilClosed(app.url, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')).toMatch(
      /^HTTP\/1\.1 408 /,
    );
  });

  it('closes a request whose body never completes (408), before the bot reads it', async () => {
    app = await startApp({ env: TIMEOUTS });
    const head =
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n';
    expect(await untilClosed(app.url, `${head}{"type":"mess`)).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    app = await startApp({ env: TIMEOUTS });
    // Node's own keep-alive timeout is 5 s: the bound is below it, far above the configured 300 ms.
    const received = await untilClosed(
      app.url,
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
      4000,
    );
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).not.toMatch(/408/);
  });
});

describe('Direct Line stream settings from the environment', () => {
  it('closes an idle stream and refuses one past the conversation cap, and /metrics counts both', async () => {
    app = await startApp({
      env: { DIRECTLINE_SECRET: SECRET, DIRECTLINE_STREAM_IDLE_MS: '300', DIRECTLINE_STREAMS_PER_CONVERSATION: '1' },
    });
    const conversation = await newConversation(app.url, SECRET);
    const stream = await openStream(conversation.streamUrl);
    try {
      expect(await streamStatus(conversation.streamUrl)).toBe(429);
      expect(await stream.closed()).toBe(1000);
    } finally {
      stream.close();
    }
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/^directline_stream_refusals_total\{reason="conversation_cap"\} 1$/m);
    expect(text).toMatch(/^directline_stream_idle_closes_total 1$/m);
  });
});
