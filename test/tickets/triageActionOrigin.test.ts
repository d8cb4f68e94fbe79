/**
 * Who may act on a ticket, over real HTTP on the real app (anonymous local mode) with a fake Teams connector:
 * the ticket card's Universal Actions (assign, resolve with a note, refresh) are accepted from the triage
 * channel and from the other channels of its team, and refused from everywhere else (a personal chat, another
 * team's channel, a group chat, web chat, Direct Line) with the Universal Actions error response in the
 * sender's language: the same refusal whether the ticket exists or not, nothing changed, nothing sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/renderCard';
import { EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../../cards/verbs';
import { t } from '../../src/i18n/strings';
import type { Ticket } from '../../src/tickets/ticket';
import { call, getActivities, postActivity, startConversation, userMessage } from '../directline/directLineClient';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { postReadingBody } from '../http/messageActivity';
import { cardAction, channelThread, fromTeams as teamsActivity, mentioningBot } from '../support/teamsActivity';

const TENANT = { id: '72f988bf-0000-0000-0000-000000000001' };
const TEAM = { id: '19:general-partner-support@thread.tacv2', name: 'Partner support' };
const TRIAGE_CHANNEL = { id: '19:triage-partner-support@thread.tacv2', name: 'Triage' };
/** Another channel of the support team: the team may act on its tickets from any of its channels. */
const TEAM_OTHER_CHANNEL = { id: '19:escalations-partner-support@thread.tacv2', name: 'Escalations' };
const OTHER_TEAM = { id: '19:general-reseller@thread.tacv2', name: 'Reseller' };
const ENGINEER = { id: '29:engineer-sam', name: 'Sam Support', aadObjectId: '00000000-0000-0000-0000-0000000000e1' };
const STRANGER = { id: '29:stranger-ivan', name: 'Ivan', aadObjectId: '00000000-0000-0000-0000-0000000000f1' };
const REQUESTER_CHAT = 'a:personal-chat-maria';
const NOTE = 'Resolved: click https://phish.example/login to keep your benefits';
const UNKNOWN_TICKET = 'MPN-999999';

const tickets = new MemoryTicketStore();
const app = appWithTeamsConnector({ overrides: { tickets } });
const { connector } = app;
let ticket: Ticket;

beforeAll(async () => {
  const said = await post(channelActivity(TRIAGE_CHANNEL, TEAM, mentioningBot('triage here')));
  expect(said.status).toBe(200);
  const { ticket: created } = await tickets.create({
    lang: 'pt',
    summary: 'O Azure recusa o Access ID',
    intents: [{ intent: 'access_id_already_associated', confidence: 0.9 }],
    facts: {},
    excerpt: [{ from: 'user', text: 'O Azure recusa o Access ID', at: new Date().toISOString() }],
    requester: {
      userKey: 'requester-maria',
      conversation: {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: REQUESTER_CHAT, conversationType: 'personal', isGroup: false, name: '' },
      },
    },
    sourceActivityId: 'msteams:a:personal-chat-maria:activity-4',
  });
  ticket = created;
});

const post = (activity: Record<string, unknown>) => postReadingBody(app.url, activity);

/** From the support engineer in English, unless `fields` say otherwise. */
function fromTeams(fields: Record<string, unknown>): Record<string, unknown> {
  return teamsActivity(connector.serviceUrl, { locale: 'en-US', from: ENGINEER, ...fields });
}

/** An activity in a thread of a team's channel, as Teams sends it. */
function channelActivity(
  channel: { id: string },
  team: { id: string },
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return fromTeams({ ...channelThread(TENANT, team, channel), ...fields });
}

/** The data of the ticket card's button `verb` (resolving carries the note). */
function actionData(verb: string, number: string): Record<string, unknown> {
  return verb === EXECUTE_VERBS.resolve ? { ticket: number, [RESOLUTION_NOTE_INPUT]: NOTE } : { ticket: number };
}

function invokeValue(verb: string, number: string): Record<string, unknown> {
  return cardAction(verb, actionData(verb, number)).value as Record<string, unknown>;
}

/** Where an invoke may come from, and the sender's locale. */
const ORIGINS: {
  name: string;
  locale: string;
  activity: (value: Record<string, unknown>) => Record<string, unknown>;
}[] = [
  {
    name: 'a Teams personal chat',
    locale: 'ru-RU',
    activity: (value) =>
      fromTeams({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'ru-RU',
        from: STRANGER,
        conversation: { id: 'a:personal-chat-ivan', conversationType: 'personal', isGroup: false, tenantId: TENANT.id },
        channelData: { tenant: TENANT },
        value,
      }),
  },
  {
    name: "another team's channel",
    locale: 'fr-FR',
    activity: (value) =>
      channelActivity(OTHER_TEAM, OTHER_TEAM, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'fr-FR',
        from: STRANGER,
        replyToId: '1:message-9',
        value,
      }),
  },
  {
    name: "another team's channel, in a thread named like the triage channel's",
    locale: 'en-US',
    activity: (value) =>
      channelActivity(OTHER_TEAM, OTHER_TEAM, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: STRANGER,
        conversation: { id: `${TRIAGE_CHANNEL.id};messageid=1`, conversationType: 'channel', isGroup: true },
        value,
      }),
  },
  {
    name: 'a group chat',
    locale: 'pt-BR',
    activity: (value) =>
      fromTeams({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'pt-BR',
        from: STRANGER,
        conversation: {
          id: '19:group-chat-1@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: TENANT.id,
        },
        channelData: { tenant: TENANT },
        value,
      }),
  },
  {
    name: 'web chat, even claiming the triage channel and its team',
    locale: 'en-US',
    activity: (value) =>
      fromTeams({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'webchat',
        from: STRANGER,
        conversation: { id: `${TRIAGE_CHANNEL.id};messageid=1`, conversationType: 'channel', isGroup: true },
        channelData: { tenant: TENANT, team: TEAM, channel: TRIAGE_CHANNEL },
        value,
      }),
  },
];

async function ticketNow(): Promise<Ticket | undefined> {
  return tickets.get(ticket.number);
}

describe('ticket actions from outside the triage team', () => {
  for (const origin of ORIGINS) {
    it(`are refused from ${origin.name}, in the sender's language, the same for a ticket that does not exist, changing and sending nothing`, async () => {
      const before = await ticketNow();
      const requestsBefore = connector.requests.length;
      const lang = origin.locale.slice(0, 2) as 'en' | 'ru' | 'pt' | 'fr';
      const refusal = {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: t(lang, 'triage.not_allowed') },
      };
      for (const verb of Object.values(EXECUTE_VERBS)) {
        for (const number of [ticket.number, UNKNOWN_TICKET]) {
          const response = await post(origin.activity(invokeValue(verb, number)));
          expect(response.status, `${verb} ${number}`).toBe(403);
          expect(response.body, `${verb} ${number}`).toEqual(refusal);
        }
      }
      expect(await ticketNow()).toEqual(before);
      expect((await ticketNow())?.status).toBe('new');
      expect(connector.requests.slice(requestsBefore)).toEqual([]);
    });
  }

  it('are refused on Direct Line (the web chat widget), changing nothing and posting no card to the user', async () => {
    const token = await call<{ token: string }>(app.url, '/api/webchat/token', {
      method: 'POST',
      body: { locale: 'en-US' },
    });
    expect(token.status).toBe(200);
    const started = await startConversation(app.url, token.body.token);
    expect(started.status).toBe(201);
    const { conversationId } = started.body;
    const before = await ticketNow();
    const requestsBefore = connector.requests.length;
    for (const verb of Object.values(EXECUTE_VERBS)) {
      const posted = await postActivity(
        app.url,
        conversationId,
        token.body.token,
        userMessage('', {
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          value: invokeValue(verb, ticket.number),
        }),
      );
      expect(posted.status).toBe(200);
    }
    expect(await ticketNow()).toEqual(before);
    expect(connector.requests.slice(requestsBefore)).toEqual([]);
    // The bot's only activity is its welcome: no card, no message answered the invokes.
    const transcript = await getActivities(app.url, conversationId, token.body.token);
    const fromBot = transcript.body.activities.filter((activity) => activity.from.role === 'bot');
    expect(fromBot).toHaveLength(1);
    expect(JSON.stringify(transcript.body.activities)).not.toContain(ticket.summary);
  });
});

describe('ticket actions from the triage team', () => {
  /** The support engineer presses `verb` on the ticket's card in a channel of the triage team. */
  const pressInTeam = (channel: { id: string }, verb: string) =>
    post(channelActivity(channel, TEAM, cardAction(verb, actionData(verb, ticket.number))));

  it('are accepted in another channel of the triage team (assign), and in the triage channel itself (resolve, refresh)', async () => {
    const assigned = await pressInTeam(TEAM_OTHER_CHANNEL, EXECUTE_VERBS.assign);
    expect(assigned.body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    expect((await ticketNow())?.assignee).toEqual({ id: ENGINEER.aadObjectId, name: ENGINEER.name });

    const resolved = await pressInTeam(TRIAGE_CHANNEL, EXECUTE_VERBS.resolve);
    expect(resolved.body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    expect((await ticketNow())?.status).toBe('resolved');
    const [told] = await connector.waitForPosts(REQUESTER_CHAT, 1);
    expect(told?.activity.text).toBe(t('pt', 'ticket.resolved_message', { number: ticket.number, note: NOTE }));

    const refreshed = await pressInTeam(TRIAGE_CHANNEL, EXECUTE_VERBS.refresh);
    expect(refreshed.body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
  });
});
