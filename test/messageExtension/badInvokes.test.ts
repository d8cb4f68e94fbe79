/**
 * Bad input to the message extension, through /api/messages: a query over 500 characters, empty or malformed
 * parameters, an unknown command, a later page, a search that fails inside — each a
 * 200 with a clear, localized result or an empty list, never a 500 and never exception text (an invoke whose
 * value is no object is a malformed activity: 400, as for every invoke). The same token checks as every
 * /api/messages call, and the per-user rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { readConfig } from '../../src/config/config';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { MAX_QUERY_LENGTH, MAX_RESULTS, MESSAGE_EXTENSION_COMMANDS } from '../../src/messageExtension/commands';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { post } from '../http/messageActivity';
import { LocalIdentityProvider } from '../support/localIdentityProvider';
import { startApp, TEST_APP_ID, type RunningApp } from '../support/testApp';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import { invoke, queryInvoke, queryLinkInvoke, typedNodes } from './teamsInvokes';

const app = appWithTeamsConnector({ env: { RATE_LIMIT: 'off' } });
const { connector } = app;

const NO_INTERNALS = /exception|stack|Error\b|TypeError|undefined|\bat \S+ \(|\.ts:\d+/;
const search = (fields: Partial<Parameters<typeof queryInvoke>[0]> = {}) =>
  queryInvoke({ serviceUrl: connector.serviceUrl, commandId: MESSAGE_EXTENSION_COMMANDS.searchArticle, ...fields });

function expectNotice(answer: Awaited<ReturnType<typeof invoke>>, title: string): void {
  expect(answer.status).toBe(200);
  expect(answer.attachments).toHaveLength(1);
  expect(answer.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(answer.attachments[0]?.preview?.content.title).toBe(title);
  expect(typedNodes(answer.attachments[0]?.content).filter((node) => node.type === 'TextBlock')[0]?.text).toBe(title);
  expect(answer.text).not.toMatch(NO_INTERNALS);
}

describe.each(LANGS)('bad input in %s', (lang) => {
  const locale = LOCALE_OF[lang];

  it(`a query over ${MAX_QUERY_LENGTH} characters gets one result saying how long it may be, for both commands`, async () => {
    const long = 'Access ID '.repeat(60);
    for (const commandId of Object.values(MESSAGE_EXTENSION_COMMANDS)) {
      const answer = await invoke(
        app.url,
        search({ commandId, text: long, parameterName: commandId === 'findTicket' ? 'ticket' : 'question', locale }),
      );
      expectNotice(answer, t(lang, 'messageExtension.too_long.title'));
      expect(answer.attachments[0]?.preview?.content.text).toBe(
        t(lang, 'messageExtension.too_long.text', { max: MAX_QUERY_LENGTH }),
      );
    }
  });

  it('an unknown command id gets one result saying so', async () => {
    for (const commandId of ['searchWeb', '', 'SEARCHARTICLE'])
      expectNotice(
        await invoke(app.url, search({ commandId, text: 'access id', locale })),
        t(lang, 'messageExtension.unknown_command.title'),
      );
  });
});

describe('malformed invokes', () => {
  it(`searches a query of exactly ${MAX_QUERY_LENGTH} characters`, async () => {
    const text = 'How many incidents does a Gold partner get? '.repeat(20).slice(0, MAX_QUERY_LENGTH);
    const answer = await invoke(app.url, search({ text }));
    expect(answer.status).toBe(200);
    expect(answer.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it.each([
    ['no parameters', { commandId: 'searchArticle' }],
    ['parameters that are no list', { commandId: 'searchArticle', parameters: 'access id' }],
    [
      'a parameter with a number for a value',
      { commandId: 'searchArticle', parameters: [{ name: 'question', value: 42 }] },
    ],
    ['a null parameter', { commandId: 'searchArticle', parameters: [null] }],
    [
      'a parameter of another name',
      { commandId: 'searchArticle', parameters: [{ name: 'query', value: 'access id' }] },
    ],
  ])('%s is an empty query: the popular topics', async (_name, value) => {
    const answer = await invoke(app.url, { ...search(), value });
    expect(answer.status).toBe(200);
    expect(answer.attachments).toHaveLength(MAX_RESULTS);
  });

  it.each([
    ['no value', undefined],
    ['a null value', null],
    ['a string value', 'searchArticle'],
    ['a list value', [{ commandId: 'searchArticle' }]],
  ])(
    '%s is a malformed activity, not a search: 400 like every invoke without a value object, with no internals',
    async (_name, value) => {
      for (const activity of [
        search(),
        queryLinkInvoke(
          connector.serviceUrl,
          'https://learn.microsoft.com/en-us/partner-center/technical-support-benefits',
        ),
      ]) {
        if (value === undefined) delete activity.value;
        else activity.value = value;
        const answer = await post(app.url, activity);
        expect(answer.status).toBe(400);
        expect(answer.text).not.toMatch(NO_INTERNALS);
      }
    },
  );

  it('a later page is empty: every result is on the first', async () => {
    const answer = await invoke(app.url, search({ text: 'access id', skip: 25 }));
    expect(answer.status).toBe(200);
    expect(answer.attachments).toEqual([]);
  });
});

describe('a search that fails inside', () => {
  let failing: App & { url: string };

  beforeAll(async () => {
    const config = readConfig({ STORAGE_URL: 'memory:', RATE_LIMIT: 'off' });
    const classifier = {
      classify: () => {
        throw new Error('model file corrupt at /srv/secret/path.json');
      },
    };
    const built = await createApp(config, pino({ level: 'silent' }), { storage: new InMemoryStorage(), classifier });
    await new Promise<void>((resolve) => built.server.listen(0, '127.0.0.1', resolve));
    failing = { ...built, url: `http://127.0.0.1:${built.server.address().port}` };
  });

  afterAll(async () => {
    await failing?.close();
  });

  it.each(LANGS)('answers in %s that the search did not work, with none of the error', async (lang) => {
    const answer = await invoke(failing.url, search({ text: 'access id', locale: LOCALE_OF[lang] }));
    expectNotice(answer, t(lang, 'messageExtension.error.title'));
    expect(answer.text).not.toContain('corrupt');
    expect(answer.text).not.toContain('/srv/secret');
  });
});

describe('the same gate as every /api/messages call', () => {
  let identity: LocalIdentityProvider;
  let secured: RunningApp;

  beforeAll(async () => {
    identity = await new LocalIdentityProvider().start();
    secured = await startApp({ identity, env: { RATE_LIMIT: 'off' } });
  });

  afterAll(async () => {
    await secured?.close();
    await identity?.stop();
  });

  it('refuses an invoke without a token or with a forged one (401), and answers one the channel signed', async () => {
    const activity = search({ text: 'access id' });
    expect((await post(secured.url, activity)).status).toBe(401);
    const forged = identity.token({
      audience: TEST_APP_ID,
      serviceUrl: connector.serviceUrl,
      signingKey: LocalIdentityProvider.otherKey(),
    });
    expect((await post(secured.url, activity, { authorization: `Bearer ${forged}` })).status).toBe(401);
    const link = queryLinkInvoke(
      connector.serviceUrl,
      'https://learn.microsoft.com/en-us/partner-center/technical-support-benefits',
    );
    expect((await post(secured.url, link)).status).toBe(401);
    const signed = await post(secured.url, activity, {
      authorization: `Bearer ${identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl })}`,
    });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.text)).toHaveProperty('composeExtension.type', 'result');
  });

  it('without an app id, refuses an invoke naming a service URL off this machine (403)', async () => {
    const answer = await post(
      app.url,
      queryInvoke({
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        commandId: MESSAGE_EXTENSION_COMMANDS.searchArticle,
        text: 'access id',
      }),
    );
    expect(answer.status).toBe(403);
  });
});

describe('the per-user rate limit', () => {
  let limited: RunningApp;

  beforeAll(async () => {
    limited = await startApp({
      env: { RATE_LIMIT_USER_PER_SECOND: '0.2', RATE_LIMIT_USER_BURST: '2', RATE_LIMIT_IP_BURST: '100' },
    });
  });

  afterAll(async () => {
    await limited?.close();
  });

  it('applies to searches and links as to messages: 429 with Retry-After past the burst, other users unaffected', async () => {
    const user = 'same-searcher';
    const statuses: number[] = [];
    for (const activity of [
      search({ text: 'access id', user }),
      queryLinkInvoke(
        connector.serviceUrl,
        'https://learn.microsoft.com/en-us/partner-center/technical-support-benefits',
        { user },
      ),
      search({ text: 'gold', user }),
    ]) {
      statuses.push((await post(limited.url, activity)).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect((await post(limited.url, search({ text: 'gold', user: 'another-searcher' }))).status).toBe(200);
  });
});
