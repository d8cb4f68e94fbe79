/**
 * Where the web chat's stream URLs point: PUBLIC_URL when configured, else (local development) the address the
 * request reached, keeping a Host header only when it names this machine and that very port. A Host or
 * X-Forwarded-Proto the client chose never makes the bot point anywhere else. PUBLIC_URL is an origin, and
 * production requires it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { configProblems } from '../support/configProblems';
import { rawRequest } from '../support/rawHttp';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';

let server: DirectLineServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a conversation with the secret, naming `host` in Host; resolves with the stream URL's origin. */
async function streamOriginFor(running: DirectLineServer, headers: Record<string, string>): Promise<string> {
  const exchange = await rawRequest(running.url, {
    method: 'POST',
    path: '/v3/directline/conversations',
    headers: { authorization: `Bearer ${TEST_SECRET}`, ...headers },
  });
  expect(exchange.status).toBe(201);
  return new URL((JSON.parse(exchange.text) as { streamUrl: string }).streamUrl).origin;
}

describe('the stream URL', () => {
  it('without PUBLIC_URL, is the address the request reached, whatever Host and X-Forwarded-Proto the client sent', async () => {
    server = await startDirectLineServer();
    const { port } = new URL(server.url);
    expect(await streamOriginFor(server, { host: 'evil.example', 'x-forwarded-proto': 'https' })).toBe(
      `ws://127.0.0.1:${port}`,
    );
    expect(await streamOriginFor(server, { host: '127.0.0.1:1' })).toBe(`ws://127.0.0.1:${port}`);
    expect(await streamOriginFor(server, { host: `localhost:${port}`, 'x-forwarded-proto': 'https' })).toBe(
      `ws://localhost:${port}`,
    );
  });

  it('with PUBLIC_URL, is built from it, whatever Host the client sent', async () => {
    server = await startDirectLineServer({ publicUrl: 'https://bot.example.com' });
    expect(await streamOriginFor(server, { host: 'evil.example' })).toBe('wss://bot.example.com');
  });
});

describe('PUBLIC_URL', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string => configProblems(env).join('\n');

  it('is an origin (its trailing slash dropped), optional in development and required in production', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ PUBLIC_URL: 'https://bot.example.com/' }).publicUrl).toBe('https://bot.example.com');
    expect(problemsOf({ PUBLIC_URL: 'https://bot.example.com/chat' })).toContain('PUBLIC_URL');
    expect(problemsOf({ PUBLIC_URL: 'bot.example.com' })).toContain('PUBLIC_URL');
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('PUBLIC_URL');
    expect(problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'https://bot.example.com' })).not.toContain('PUBLIC_URL');
  });
});
