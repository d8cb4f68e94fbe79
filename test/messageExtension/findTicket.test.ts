/**
 * "Find a ticket" through /api/messages of the real app, as Teams sends the invokes: tickets only for the triage
 * team (from the triage channel or another channel of its team), found by number, by status named in any of
 * the four languages and by words of the summary, each inserting exactly the card the triage channel shows
 * (the one its refresh returns); from anywhere else (a chat, a group chat, another team, the command box) one
 * result saying where tickets are searched, in the searcher's language, and no ticket at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTE_VERBS } from '../../cards/verbs';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { MESSAGE_EXTENSION_COMMANDS } from '../../src/messageExtension/commands';
import type { NewTicket, Ticket } from '../../src/tickets/ticket';
import { post } from '../http/messageActivity';
import { FakeTeamsConnector } from '../support/fakeTeamsConnector';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { startApp, type RunningApp } from '../support/testApp';
import {
  BOT,
  invoke,
  OTHER_TEAM,
  queryInvoke,
  SUPPORT_OTHER_CHANNEL,
  SUPPORT_TEAM,
  TENANT,
  TRIAGE_CHANNEL,
  type Origin,
} from './teamsInvokes';

let connector: FakeTeamsConnector;
let app: RunningApp;
let store: MemoryTicketStore;
const tickets: Record<'accessId' | 'notAuthorized' | 'sqlServer' | 'markdown', Ticket> = {} as never;

const TRIAGE: Origin = { kind: 'channel', team: SUPPORT_TEAM, channel: TRIAGE_CHANNEL };
const ESCALATIONS: Origin = { kind: 'channel', team: SUPPORT_TEAM, channel: SUPPORT_OTHER_CHANNEL };

const find = (text: string | undefined, origin: Origin, locale = 'en-US') =>
  invoke(
    app.url,
    queryInvoke({
      serviceUrl: connector.serviceUrl,
      commandId: MESSAGE_EXTENSION_COMMANDS.findTicket,
      parameterName: 'ticket',
      text,
      origin,
      locale,
    }),
  );

const numbersIn = (answer: Awaited<ReturnType<typeof find>>) =>
  answer.attachments.map((attachment) => attachment.preview?.content.title.match(/MPN-\d{6}/)?.[0]);

function newTicket(lang: Ticket['lang'], summary: string, n: number): NewTicket {
  return {
    lang,
    summary,
    intents: [{ intent: 'access_id_already_associated', confidence: 0.8 }],
    facts: {},
    excerpt: [{ from: 'user', text: summary, at: new Date().toISOString() }],
    sourceActivityId: `msteams:a:chat-${n}:activity-${n}`,
  };
}

beforeAll(async () => {
  connector = await new FakeTeamsConnector().start();
  store = new MemoryTicketStore();
  app = await startApp({ env: { RATE_LIMIT: 'off' }, overrides: { tickets: store } });
});

afterAll(async () => {
  await app?.close();
  await connector?.stop();
});

describe('Find a ticket before any team receives tickets', () => {
  it('says, in the searcher\'s language, that a support team must say "triage here" first', async () => {
    for (const lang of LANGS) {
      const answer = await find('', TRIAGE, LOCALE_OF[lang]);
      expect(answer.status).toBe(200);
      expect(answer.attachments).toHaveLength(1);
      expect(answer.attachments[0]?.preview?.content).toEqual({
        title: t(lang, 'messageExtension.tickets_elsewhere.title'),
        text: t(lang, 'messageExtension.no_triage_team.text'),
      });
      expect(answer.attachments[0]?.content.lang).toBe(lang);
    }
  });
});

describe('Find a ticket in the triage team', () => {
  beforeAll(async () => {
    const mention = `<at>${BOT.name}</at>`;
    const said = await post(app.url, {
      type: 'message',
      id: 'triage-here-1',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'en-US',
      from: { id: '29:engineer-sam', name: 'Sam Support' },
      recipient: BOT,
      text: `${mention} triage here`,
      entities: [{ type: 'mention', mentioned: BOT, text: mention }],
      conversation: {
        id: `${TRIAGE_CHANNEL.id};messageid=1700000000000`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT.id,
      },
      channelData: { tenant: TENANT, team: SUPPORT_TEAM, channel: TRIAGE_CHANNEL },
    });
    expect(said.status).toBe(200);
    tickets.accessId = (await store.create(newTicket('pt', 'O Azure recusa o Access ID já associado', 1))).ticket;
    tickets.notAuthorized = await store.assign(
      (await store.create(newTicket('en', 'Partner Center says I am NOT AUTHORIZED for this action', 2))).ticket.number,
      { id: 'sam', name: 'Sam Support' },
    );
    tickets.sqlServer = await store.resolve(
      (await store.create(newTicket('fr', 'Où ouvrir une demande pour SQL Server ?', 3))).ticket.number,
      { id: 'sam', name: 'Sam Support' },
      'Portail Services Hub',
    );
    tickets.markdown = (
      await store.create(newTicket('en', 'see [my page](https://phish.example/login) about support', 4))
    ).ticket;
  });

  it('finds a ticket by its number, written in full, short or bare', async () => {
    const number = tickets.notAuthorized.number;
    for (const text of [
      number,
      number.toLowerCase(),
      `mpn${Number(number.slice(4))}`,
      String(Number(number.slice(4))),
    ]) {
      expect(numbersIn(await find(text, TRIAGE)), text).toEqual([number]);
    }
    expect((await find('MPN-999999', TRIAGE)).attachments).toEqual([]);
  });

  it('inserts exactly the Universal Actions card the triage channel shows (the card its refresh returns)', async () => {
    const number = tickets.accessId.number;
    const [result] = (await find(number, TRIAGE)).attachments;
    const refresh = await post(app.url, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'refresh-1',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'en-US',
      from: { id: '29:engineer-sam', name: 'Sam Support' },
      recipient: BOT,
      conversation: {
        id: `${TRIAGE_CHANNEL.id};messageid=1700000000000`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT.id,
      },
      channelData: { tenant: TENANT, team: SUPPORT_TEAM, channel: TRIAGE_CHANNEL },
      value: {
        action: { type: 'Action.Execute', verb: EXECUTE_VERBS.refresh, data: { ticket: number } },
        trigger: 'automatic',
      },
    });
    expect(refresh.status).toBe(200);
    expect(result?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(result?.content).toEqual((JSON.parse(refresh.text) as { value: unknown }).value);
    expect(JSON.stringify(result?.content)).toContain(EXECUTE_VERBS.assign);
  });

  it.each(LANGS)('finds tickets by a status named in %s', async (lang) => {
    expect(numbersIn(await find(t(lang, 'ticket.status.resolved'), TRIAGE))).toEqual([tickets.sqlServer.number]);
    expect(numbersIn(await find(t(lang, 'ticket.status.assigned').toUpperCase(), TRIAGE))).toEqual([
      tickets.notAuthorized.number,
    ]);
  });

  it('finds tickets by words of the summary, case and accents aside, with a status too', async () => {
    expect(numbersIn(await find('access id', TRIAGE))).toEqual([tickets.accessId.number]);
    expect(numbersIn(await find('not authorized', TRIAGE))).toEqual([tickets.notAuthorized.number]);
    expect(numbersIn(await find('ou ouvrir sql', TRIAGE))).toEqual([tickets.sqlServer.number]);
    expect(numbersIn(await find('sql server resolvido', TRIAGE))).toEqual([tickets.sqlServer.number]);
    expect(numbersIn(await find('sql server new', TRIAGE))).toEqual([]);
    expect(numbersIn(await find('nothing like this', TRIAGE))).toEqual([]);
  });

  it('lists the open tickets, newest first, when the command opens, also from another channel of the team', async () => {
    const open = [tickets.markdown, tickets.notAuthorized, tickets.accessId].map((ticket) => ticket.number);
    expect(numbersIn(await find(undefined, TRIAGE))).toEqual(open);
    expect(numbersIn(await find('', ESCALATIONS))).toEqual(open);
  });

  it('previews a summary as plain text: a link someone wrote is not a link', async () => {
    const [result] = (await find(tickets.markdown.number, TRIAGE)).attachments;
    expect(result?.preview?.content.text).toContain('my page');
    expect(result?.preview?.content.text).not.toMatch(/(?<!\\)\]\(https?:/);
  });

  const ELSEWHERE: [string, Origin, string][] = [
    ['a personal chat', { kind: 'personal', user: 'maria' }, 'pt-BR'],
    ['a group chat the bot is not in', { kind: 'groupChat', chat: '19:partners-chat@thread.v2' }, 'ru-RU'],
    ["another team's channel", { kind: 'channel', team: OTHER_TEAM, channel: OTHER_TEAM }, 'fr-FR'],
    ['the command box', { kind: 'commandBox', user: 'ivan' }, 'en-US'],
  ];

  it.each(ELSEWHERE)(
    'answers from %s with one result saying where tickets are searched, and no ticket',
    async (_name, origin, locale) => {
      const lang = LANGS.find((each) => LOCALE_OF[each] === locale) ?? 'en';
      const sent = connector.requests.length;
      for (const text of [undefined, tickets.accessId.number, 'access id', t(lang, 'ticket.status.new')]) {
        const answer = await find(text, origin, locale);
        expect(answer.status).toBe(200);
        expect(answer.attachments).toHaveLength(1);
        expect(answer.attachments[0]?.preview?.content).toEqual({
          title: t(lang, 'messageExtension.tickets_elsewhere.title'),
          text: t(lang, 'messageExtension.tickets_elsewhere.text'),
        });
        expect(answer.attachments[0]?.content.lang).toBe(lang);
        expect(JSON.stringify(answer.attachments[0]?.content)).not.toContain('Action.Execute');
        expect(answer.text).not.toMatch(/MPN-\d{6}|Access ID|Azure/);
      }
      expect(connector.requests.length).toBe(sent);
    },
  );
});
