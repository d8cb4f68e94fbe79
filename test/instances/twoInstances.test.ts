/**
 * Two bot processes on two ports sharing one PostgreSQL (a schema of its own in the database TEST_POSTGRES_URL
 * names; without it this test fails, saying how to set it), anonymous as in local development, with a fake
 * Teams connector on loopback receiving what both send. It shows what running several instances behind a load
 * balancer relies on:
 * (a) a Teams conversation whose turns alternate between the instances keeps its dialog state;
 * (b) a Direct Line conversation started on one is written and read on the other, watermarks agree, and a
 *     WebSocket on one receives the reply to an activity posted on the other;
 * (c) a ticket handed off on one, assigned on the other through Action.Execute, shows as assigned on the first.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { CARD_ACTIONS, EXECUTE_VERBS } from '../../cards/verbs';
import { decisionView } from '../../cards/views/decisionView';
import { t } from '../../src/i18n/strings';
import { decide } from '../../src/rules/decide';
import type { PartnerFacts } from '../../src/rules/facts';
import {
  call,
  getActivities,
  openStream,
  postActivity,
  startConversation,
  userMessage,
  type Conversation,
} from '../directline/directLineClient';
import { FakeTeamsConnector, type ConnectorActivity } from '../support/fakeTeamsConnector';
import { useTestSchema } from '../support/postgres';
import { cardAction, channelThread, fromTeams as teamsActivity, mentioningBot } from '../support/teamsActivity';
import { startBotProcess, type BotProcess } from './botProcess';

const SECRET = 'two-instances-directline-secret-0123456789abcdef';
const API_KEY = 'two-instances-tickets-key-0123456789';
const TENANT = { id: '72f988bf-0000-0000-0000-000000000002' };
const TEAM = { id: '19:partner-support@thread.tacv2', name: 'Partner support' };
const TRIAGE_CHANNEL = { id: '19:triage@thread.tacv2', name: 'Triage' };
const ENGINEER = { id: '29:engineer-sam', name: 'Sam Support', aadObjectId: '00000000-0000-0000-0000-0000000000e2' };

const schema = useTestSchema('instances');
let connector: FakeTeamsConnector;
let a: BotProcess;
let b: BotProcess;
let counter = 0;
/** Why the instances are not running (no TEST_POSTGRES_URL, a bot that would not start): each test fails with it. */
let notStarted: Error | undefined;
const started: BotProcess[] = [];

beforeAll(async () => {
  try {
    connector = await new FakeTeamsConnector().start();
    const env = {
      STORAGE_URL: schema().url,
      DIRECTLINE_SECRET: SECRET,
      TICKETS_API_KEY: API_KEY,
      RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
    };
    // Started together: their migrations meet at the advisory lock.
    const bots = await Promise.allSettled([startBotProcess('A', env), startBotProcess('B', env)]);
    for (const bot of bots) if (bot.status === 'fulfilled') started.push(bot.value);
    for (const bot of bots) if (bot.status === 'rejected') throw bot.reason;
    [a, b] = started as [BotProcess, BotProcess];
  } catch (error) {
    notStarted = error instanceof Error ? error : new Error(String(error));
  }
}, 120_000);

beforeEach(() => {
  if (notStarted) throw notStarted;
});

afterAll(async () => {
  await Promise.all(started.map((bot) => bot.stop()));
  await connector?.stop();
}, 30_000);

/** Posts an activity to an instance's /api/messages; the answer (an invoke's body) when there is one. */
async function send(bot: BotProcess, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  expect(response.status, `${bot.name} answered ${response.status}: ${text}\n${bot.output()}`).toBe(200);
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** In English, unless `fields` say otherwise. */
function fromTeams(fields: Record<string, unknown>): Record<string, unknown> {
  return teamsActivity(connector.serviceUrl, { locale: 'en-US', ...fields });
}

/** A partner's personal chat with the bot. */
function personalChat(name: string) {
  const user = {
    id: `29:partner-${name}`,
    name,
    aadObjectId: `00000000-0000-0000-0000-${String(++counter).padStart(12, '0')}`,
  };
  const conversation = { id: `a:personal-${name}`, conversationType: 'personal', isGroup: false, tenantId: TENANT.id };
  return {
    id: conversation.id,
    say: (content: { text: string } | { value: Record<string, unknown> }) =>
      fromTeams({ type: 'message', from: user, conversation, channelData: { tenant: TENANT }, ...content }),
  };
}

function cardOf(activity: ConnectorActivity | undefined): AdaptiveCardJson | undefined {
  return activity?.attachments?.find((attachment) => attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content as
    AdaptiveCardJson | undefined;
}

/** The fact a question card asks for: the `fact` of its choice buttons. */
function factAsked(card: AdaptiveCardJson | undefined): string[] {
  const facts = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    const data = element.data as Record<string, unknown> | undefined;
    if (element.type === 'Action.Submit' && data?.action === CARD_ACTIONS.fact) facts.add(String(data.fact));
    for (const value of Object.values(element)) visit(value);
  };
  visit(card);
  return [...facts];
}

/** Facts shown on a card (the triage card's status and assignee). */
function factsOf(card: AdaptiveCardJson | undefined): { title: string; value: string }[] {
  const found: { title: string; value: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'FactSet') found.push(...(element.facts as { title: string; value: string }[]));
    for (const value of Object.values(element)) visit(value);
  };
  visit(card);
  return found;
}

describe('two instances on one PostgreSQL', () => {
  it('(a) a Teams conversation whose turns alternate between the instances keeps its dialog state', async () => {
    const chat = personalChat('alternating');
    await send(
      a,
      chat.say({
        text: "getting 'this access id is already associated to an account' when linking support benefits in azure",
      }),
    );
    const [first] = await connector.waitForPosts(chat.id, 1);
    expect(factAsked(cardOf(first?.activity)), 'A asks for the membership').toEqual(['membership']);

    // B answers the question A asked: it reads the dialog stack A saved.
    await send(b, chat.say({ text: 'gold' }));
    const second = (await connector.waitForPosts(chat.id, 2))[1];
    expect(factAsked(cardOf(second?.activity)), 'B goes on to the next question').toEqual(['contractHistory']);

    await send(a, chat.say({ text: 'First time we linked it' }));
    const third = (await connector.waitForPosts(chat.id, 3))[2];
    const facts: PartnerFacts = { productKind: 'cloud', membership: 'gold', contractHistory: 'first_time' };
    const answer = JSON.parse(
      JSON.stringify(renderView(decisionView(decide('access_id_already_associated', facts), facts, 'en'))),
    ) as unknown;
    expect(cardOf(third?.activity), 'A answers with the facts gathered on both instances').toEqual(answer);
    expect(connector.posted(chat.id)).toHaveLength(3);
  });

  it('(b) a Direct Line conversation started on one instance is written and read on the other; a socket on one gets the reply to a post on the other', async () => {
    const started = await startConversation(a.url, SECRET);
    expect(started.status).toBe(201);
    const { conversationId, token }: Conversation = started.body;
    const onB = await call<{ streamUrl: string; conversationId: string }>(
      b.url,
      `/v3/directline/conversations/${conversationId}`,
      { auth: token },
    );
    expect(onB.status).toBe(200);
    expect(onB.body.streamUrl).toContain(`127.0.0.1:${b.port}`);
    const stream = await openStream(onB.body.streamUrl);
    try {
      const question = await postActivity(
        a.url,
        conversationId,
        token,
        userMessage('how many incidents does a Gold partner get?'),
      );
      expect(question.status).toBe(200);
      await stream.waitFor((activity) => activity.id === question.body.id);
      const reply = await stream.waitFor(
        (activity) => activity.replyToId === question.body.id && activity.type === 'message',
      );
      expect(reply.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);

      const readOnB = await getActivities(b.url, conversationId, token);
      expect(readOnB.status).toBe(200);
      const ids = readOnB.body.activities.map((activity) => activity.id);
      expect(ids).toContain(question.body.id);
      expect(ids).toContain(reply.id);
      expect(Number(readOnB.body.watermark)).toBe(ids.length);
      const readOnA = await getActivities(a.url, conversationId, token);
      expect(readOnA.body).toEqual(readOnB.body);

      const followUp = await postActivity(b.url, conversationId, token, userMessage('thanks'));
      expect(followUp.status).toBe(200);
      expect(followUp.body.id > (ids.at(-1) ?? '')).toBe(true);
      const newerOnA = await getActivities(a.url, conversationId, token, readOnB.body.watermark);
      expect(newerOnA.body.activities[0]?.id).toBe(followUp.body.id);
      expect(Number(newerOnA.body.watermark)).toBe(Number(readOnB.body.watermark) + newerOnA.body.activities.length);
      // The socket on B saw the same activities, in the same order, as the store holds them.
      await stream.waitFor((activity) => activity.id === followUp.body.id);
      const all = await getActivities(b.url, conversationId, token);
      const stored = all.body.activities.map((activity) => activity.id);
      const streamed = stream.activities
        .filter((activity) => activity.type !== 'typing')
        .map((activity) => activity.id);
      const from = stored.indexOf(streamed[0] as string);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(streamed).toEqual(stored.slice(from, from + streamed.length));
    } finally {
      stream.close();
    }
  });

  it('(c) a ticket handed off on one instance and assigned on the other shows as assigned on the first', async () => {
    // B: "triage here" in a team channel (the triage channel is kept in the shared state).
    const inTriageChannel = channelThread(TENANT, TEAM, TRIAGE_CHANNEL);
    const triageThread = inTriageChannel.conversation.id as string;
    await send(b, fromTeams({ ...mentioningBot('triage here'), from: ENGINEER, ...inTriageChannel }));
    expect((await connector.waitForPosts(triageThread, 1))[0]?.activity.text).toBe(t('en', 'triage.set'));

    // A: a partner hands a question over.
    const chat = personalChat('handoff');
    const steps = [
      chat.say({ text: 'Azure keeps telling me the Access ID is already associated to an account, what do I do' }),
      chat.say({ text: 'I want to talk to a person' }),
      chat.say({ value: { action: CARD_ACTIONS.handoffSummary } }),
      chat.say({ value: { action: CARD_ACTIONS.handoffConsent, consent: true } }),
    ];
    for (const step of steps) await send(a, step);
    const toPartner = await connector.waitForPosts(chat.id, 4);
    const number = /MPN-\d{6}/.exec(JSON.stringify(toPartner.at(-1)?.activity))?.[0];
    expect(
      number,
      `the hand-off ends with the ticket card: ${JSON.stringify(toPartner.map((r) => r.activity.text ?? cardOf(r.activity)?.body?.[0]))}\n${a.output()}`,
    ).toBeDefined();
    const [posted] = await connector.waitForPosts(TRIAGE_CHANNEL.id, 1);
    expect(JSON.stringify(cardOf(posted?.activity))).toContain(number as string);

    // B: the engineer presses "Assign to me" on the card A posted.
    const replyToId = posted?.id as string;
    const execute = (verb: string) =>
      fromTeams({
        ...cardAction(verb, { ticket: number }, replyToId),
        from: ENGINEER,
        ...channelThread(TENANT, TEAM, TRIAGE_CHANNEL, replyToId),
      });
    const assigned = (await send(b, execute(EXECUTE_VERBS.assign))).body as {
      statusCode: number;
      type: string;
      value: AdaptiveCardJson;
    };
    expect(assigned).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    const assignedFacts = [
      { title: t('en', 'ticket.status'), value: t('en', 'ticket.status.assigned') },
      { title: t('en', 'triage.assigned_to'), value: ENGINEER.name },
    ];
    expect(factsOf(assigned.value)).toEqual(expect.arrayContaining(assignedFacts));

    // A: the API and the card's refresh both show the assignment B made.
    const response = await fetch(`${a.url}/api/tickets`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(response.status).toBe(200);
    const { tickets } = (await response.json()) as {
      tickets: { number: string; status: string; assignee?: { name: string } }[];
    };
    expect(tickets.find((ticket) => ticket.number === number)).toMatchObject({
      status: 'assigned',
      assignee: { name: ENGINEER.name },
    });
    const refreshed = (await send(a, execute(EXECUTE_VERBS.refresh))).body as {
      statusCode: number;
      value: AdaptiveCardJson;
    };
    expect(refreshed.value).toEqual(assigned.value);
  });
});
