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
      readConfig({ PORT: 'eighty', STORAGE_URL: 'mongodb://x', MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'Other' });
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
    for (const wrong of ['yes', '-1', '1.5', '11']) expect(() => readConfig({ TRUST_PROXY: wrong, ...token }), wrong).toThrow(/TRUST_PROXY must be/);
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
