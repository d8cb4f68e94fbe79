/**
 * The Direct Line settings, read and validated with the rest of the configuration: DIRECTLINE_SECRET (required
 * in production, generated in development — logged as generated, never its value), TRUSTED_ORIGINS, the rate.
 * Neither the secret nor any token ever reaches the log.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { configProblems } from '../support/configProblems';
import { TEST_SECRET, startDirectLineServer } from '../support/directLineServer';
import { call, newConversation, openStream, postActivity, userMessage } from './directLineClient';

describe('Direct Line configuration', () => {
  it('has embedded defaults: no secret (generated at start), no other trusted origin, 8 activities/s with bursts of 16', () => {
    expect(readConfig({})).toMatchObject({
      directLineSecret: '',
      trustedOrigins: [],
      directLineRateLimit: { perSecond: 8, burst: 16 },
    });
  });

  it('requires DIRECTLINE_SECRET in production', () => {
    expect(configProblems({ NODE_ENV: 'production' }).some((p) => p.includes('DIRECTLINE_SECRET'))).toBe(true);
  });

  it('refuses a short secret, without repeating it', () => {
    const problems = configProblems({ DIRECTLINE_SECRET: 'short-secret' });
    expect(problems.some((p) => p.includes('DIRECTLINE_SECRET'))).toBe(true);
    expect(problems.join('\n')).not.toContain('short-secret');
  });

  it('reads TRUSTED_ORIGINS as a comma-separated list of origins, listing each one that is not', () => {
    expect(
      readConfig({ TRUSTED_ORIGINS: 'https://support.partner.example, http://localhost:8080/' }).trustedOrigins,
    ).toEqual(['https://support.partner.example', 'http://localhost:8080']);
    const problems = configProblems({ TRUSTED_ORIGINS: '*,https://partner.example/chat,ftp://files.example' });
    expect(problems.filter((p) => p.startsWith('TRUSTED_ORIGINS'))).toHaveLength(3);
  });

  it('reads the rate limit, and refuses nonsense', () => {
    expect(readConfig({ DIRECTLINE_RATE_PER_SECOND: '2.5', DIRECTLINE_RATE_BURST: '5' }).directLineRateLimit).toEqual({
      perSecond: 2.5,
      burst: 5,
    });
    expect(configProblems({ DIRECTLINE_RATE_PER_SECOND: '0', DIRECTLINE_RATE_BURST: 'many' })).toHaveLength(2);
  });
});

describe('secrets and tokens in the log', () => {
  it('says a secret was generated, never its value or a token', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'trace' },
      new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }),
    );
    const server = await startDirectLineServer({ log, secret: '' });
    try {
      expect(lines.join('')).toContain('generated a Direct Line secret');
      const token = (await call<{ token: string }>(server.url, '/api/webchat/token', { method: 'POST' })).body.token;
      expect(lines.join('')).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('keeps a configured secret and the tokens of a whole conversation (failures included) out of the log', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'trace' },
      new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }),
    );
    const server = await startDirectLineServer({ log });
    try {
      const conversation = await newConversation(server.url, TEST_SECRET);
      const stream = await openStream(conversation.streamUrl);
      await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('hello'));
      await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('fail'));
      stream.close();
      const logged = lines.join('');
      expect(logged).toContain('the bot failed');
      for (const secret of [
        TEST_SECRET,
        conversation.token,
        new URL(conversation.streamUrl).searchParams.get('t') ?? '',
      ])
        expect(logged).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
