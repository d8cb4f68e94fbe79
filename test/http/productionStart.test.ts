/** In production the bot refuses to start without MicrosoftAppId, with a clear message and no stack trace. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';

const ROOT = join(__dirname, '..', '..');

describe('configuration', () => {
  it('refuses NODE_ENV=production without MicrosoftAppId', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId/);
  });

  it('lists every problem at once', () => {
    try {
      readConfig({
        PORT: 'eighty',
        STORAGE_URL: 'mongodb://x',
        MicrosoftAppId: 'not-a-guid',
        MicrosoftAppType: 'Other',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('starts with embedded defaults when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3978, storageUrl: 'sqlite:./data/bot.db', microsoftAppId: '' });
  });

  it('reads TRUST_PROXY as the number of proxies in front of the bot: false 0, true 1, or a count', () => {
    const token = { METRICS_TOKEN: 'metrics-token-0123456789' };
    expect(readConfig({}).trustProxy).toBe(0);
    expect(readConfig({ TRUST_PROXY: 'true', ...token }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: '2', ...token }).trustProxy).toBe(2);
    for (const wrong of ['yes', '-1', '1.5', '11'])
      expect(() => readConfig({ TRUST_PROXY: wrong, ...token }), wrong).toThrow(/TRUST_PROXY must be/);
  });

  it('reads the socket timeouts and the stream limits, and names each malformed one', () => {
    expect(readConfig({})).toMatchObject({
      httpTimeouts: { headersMs: 20_000, requestMs: 30_000, keepAliveMs: 5_000 },
      directLineStreams: { idleMs: 300_000, perConversation: 4, perAddress: 100 },
    });
    const set = {
      HTTP_HEADERS_TIMEOUT_MS: '300',
      HTTP_REQUEST_TIMEOUT_MS: '600',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      DIRECTLINE_STREAM_IDLE_MS: '300',
      DIRECTLINE_STREAMS_PER_CONVERSATION: '1',
      DIRECTLINE_STREAMS_PER_ADDRESS: '2',
    };
    expect(readConfig(set)).toMatchObject({
      httpTimeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300 },
      directLineStreams: { idleMs: 300, perConversation: 1, perAddress: 2 },
    });
    const wrong = {
      HTTP_HEADERS_TIMEOUT_MS: '5s',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '0',
      DIRECTLINE_STREAM_IDLE_MS: '-1',
      DIRECTLINE_STREAMS_PER_CONVERSATION: '0',
      DIRECTLINE_STREAMS_PER_ADDRESS: '1.5',
    };
    try {
      readConfig(wrong);
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of Object.keys(wrong)) expect(problems).toContain(name);
    }
    expect(() => readConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS must not be longer/,
    );
  });

  it('the process exits with the message and no stack trace', () => {
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'src', 'index.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', MicrosoftAppId: '', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
