/**
 * The ticket lifecycle in a Teams support channel, over real HTTP, on the real app (anonymous local mode) with
 * a fake Teams connector as the service URL: a channel becomes the triage channel ("triage here"); a partner
 * hands a question over in Portuguese; the ticket's card is posted to that channel; a support engineer assigns
 * and resolves it with Action.Execute (the invoke's response is the new card, and the channel's message is
 * updated for everyone); the partner is told in Portuguese, with the note; refresh, a missing note, a resolved
 * and an unknown ticket get their answers; GET /api/tickets lists it as resolved.
 */
import { describe, expect, it } from 'vitest';
import { renderView, ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson } from '../../cards/renderCard';
import { CARD_ACTIONS, EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../../cards/verbs';
import { t } from '../../src/i18n/strings';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';
import { nodesOf } from '../cards/cardJson';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import type { ConnectorActivity, ConnectorRequest } from '../support/fakeTeamsConnector';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { postReadingBody } from '../http/messageActivity';
import { cardAction, channelThread, fromTeams as teamsActivity, mentioningBot } from '../support/teamsActivity';

const API_KEY = 'lifecycle-test-key-0123456789';
const TENANT = { id: '72f988bf-0000-0000-0000-000000000001' };
const TEAM = { id: '19:general-partner-support@thread.tacv2', name: 'Partner support' };
/** Not the team's General channel: the ticket must go to the channel where "triage here" was said. */
const TRIAGE_CHANNEL = { id: '19:triage-partner-support@thread.tacv2', name: 'Triage' };
const ENGINEER = { id: '29:engineer-sam', name: 'Sam Support', aadObjectId: '00000000-0000-0000-0000-0000000000e1' };
const PARTNER = { id: '29:partner-maria', name: 'Maria Silva', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const PERSONAL = { id: 'a:personal-chat-maria', conversationType: 'personal', isGroup: false, tenantId: TENANT.id };
const ACCESS_ID = '7QX299ABK3';
const EMAIL = 'maria.silva@contoso.com.br';
const NOTE = 'Desvinculamos o Access ID da conta antiga; adicione-o de novo no portal do Azure.';

const tickets = new MemoryTicketStore();
const app = appWithTeamsConnector({ env: { TICKETS_API_KEY: API_KEY }, overrides: { tickets } });
const { connector } = app;

const post = (activity: Record<string, unknown>) => postReadingBody(app.url, activity);

const fromTeams = (fields: Record<string, unknown>) => teamsActivity(connector.serviceUrl, fields);

/** A message in a thread of the triage channel, @mentioning the bot. */
function channelMessage(text: string): Record<string, unknown> {
  return fromTeams({
    ...mentioningBot(text),
    textFormat: 'plain',
    locale: 'en-US',
    from: ENGINEER,
    ...channelThread(TENANT, TEAM, TRIAGE_CHANNEL),
  });
}

/** The partner's message (typed text or a card button's data) in their personal chat, in Portuguese. */
function partnerMessage(content: { text: string } | { value: Record<string, unknown> }): Record<string, unknown> {
  return fromTeams({
    type: 'message',
    locale: 'pt-BR',
    from: PARTNER,
    conversation: PERSONAL,
    channelData: { tenant: TENANT },
    ...content,
  });
}

/** An Action.Execute on the ticket card posted in the triage channel, from the support engineer. */
function execute(verb: string, data: Record<string, unknown>, replyToId: string): Record<string, unknown> {
  return fromTeams({
    ...cardAction(verb, data, replyToId),
    locale: 'en-US',
    from: ENGINEER,
    ...channelThread(TENANT, TEAM, TRIAGE_CHANNEL, replyToId),
  });
}

function cardOf(activity: ConnectorActivity | undefined): AdaptiveCardJson | undefined {
  return activity?.attachments?.find((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content as
    AdaptiveCardJson | undefined;
}

function factsOf(card: AdaptiveCardJson): { title: string; value: string }[] {
  return nodesOf(card.body)
    .filter((node) => node.type === 'FactSet')
    .flatMap((node) => node.facts as { title: string; value: string }[]);
}

/** What the invoke answered: the card for the person who acted, or a message. */
type InvokeBody = { statusCode: number; type: string; value: unknown };

async function expectedCard(number: string): Promise<unknown> {
  const ticket = (await tickets.get(number)) as Ticket;
  return JSON.parse(JSON.stringify(renderView(triageCardView(ticket, 'en'))));
}

describe('the ticket lifecycle in a Teams triage channel', () => {
  /** Shared by the steps, in order: each step builds on the one before (vitest runs them in sequence). */
  const lifecycle: { number?: string; postedId?: string; threadId?: string } = {};

  it('"triage here" in a team channel makes it the triage channel', async () => {
    const message = channelMessage('triage here');
    expect((await post(message)).status).toBe(200);
    const thread = (message.conversation as { id: string }).id;
    const [reply] = await connector.waitForPosts(thread, 1);
    expect(reply?.activity.text).toBe(t('en', 'triage.set'));
    expect(reply?.activityId).toBe(message.id);
  });

  it('a partner hands a question over in Portuguese: the ticket card to the partner, the triage card posted to the channel', async () => {
    const steps = [
      partnerMessage({
        text: `Somos parceiro Gold. O Azure diz que o Access ID: ${ACCESS_ID} já está associado a uma conta, escreva para ${EMAIL}`,
      }),
      partnerMessage({ text: 'quero falar com um atendente humano' }),
      partnerMessage({ value: { action: CARD_ACTIONS.handoffSummary } }),
      partnerMessage({ value: { action: CARD_ACTIONS.handoffConsent, consent: true } }),
    ];
    for (const [i, step] of steps.entries()) {
      expect((await post(step)).status).toBe(200);
      await connector.waitForPosts(PERSONAL.id, i + 1);
    }
    const replies = connector.posted(PERSONAL.id).map((r) => r.activity);
    expect(replies.map((r) => cardOf(r)?.lang)).toEqual(['pt', 'pt', 'pt', 'pt']);
    const ticketCard = cardOf(replies[3]) as AdaptiveCardJson;
    const number = /MPN-\d{6}/.exec(JSON.stringify(ticketCard))?.[0];
    if (number === undefined) throw new Error(`no ticket number on the partner's card: ${JSON.stringify(ticketCard)}`);
    lifecycle.number = number;

    const [posted] = await connector.waitForPosts(TRIAGE_CHANNEL.id, 1);
    const card = cardOf(posted?.activity) as AdaptiveCardJson;
    expect(card, JSON.stringify(posted?.activity)).toBeDefined();
    expect(card).toEqual(await expectedCard(number));
    expect(card.version).toBe('1.5');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: t('en', 'triage.title', { number }) });
    const executes = nodesOf(card.body).filter((node) => node.type === 'Action.Execute');
    expect(executes.map((a) => [a.verb, a.title, a.data])).toEqual([
      [EXECUTE_VERBS.assign, t('en', 'triage.assign'), { ticket: number }],
      [EXECUTE_VERBS.resolve, t('en', 'triage.resolve'), { ticket: number }],
    ]);
    expect(nodesOf(card.body).some((node) => node.type === 'Input.Text' && node.id === RESOLUTION_NOTE_INPUT)).toBe(
      true,
    );
    expect(card.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: EXECUTE_VERBS.refresh, data: { ticket: lifecycle.number } },
    });
    expect(factsOf(card)).toEqual(
      expect.arrayContaining([{ title: t('en', 'ticket.status'), value: t('en', 'ticket.status.new') }]),
    );
    // The excerpt and the summary show the conversation with the Access ID and the e-mail masked.
    expect(JSON.stringify(card)).not.toContain(ACCESS_ID);
    expect(JSON.stringify(card)).not.toContain(EMAIL);
    lifecycle.postedId = posted?.id;
    lifecycle.threadId = `${TRIAGE_CHANNEL.id};messageid=${lifecycle.postedId}`;
  });

  it('"Assign to me": the invoke answers with the assigned card, and the channel message is updated for everyone', async () => {
    const { number, postedId, threadId } = requireLifecycle(lifecycle);
    const response = await post(execute(EXECUTE_VERBS.assign, { ticket: number }, postedId));
    expect(response.status).toBe(200);
    const body = response.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    const card = body.value as AdaptiveCardJson;
    expect(factsOf(card)).toEqual(
      expect.arrayContaining([
        { title: t('en', 'ticket.status'), value: t('en', 'ticket.status.assigned') },
        { title: t('en', 'triage.assigned_to'), value: ENGINEER.name },
      ]),
    );
    expect(card).toEqual(await expectedCard(number));
    expect(card.refresh).toMatchObject({ userIds: [ENGINEER.aadObjectId] });
    const updates = connector.updates(threadId);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(postedId);
    expect(cardOf(updates[0]?.activity)).toEqual(card);
    expect(connector.posted(threadId)).toHaveLength(0);
  });

  it('"Resolve" without a note: the "note required" message, nothing changes', async () => {
    const { number, postedId, threadId } = requireLifecycle(lifecycle);
    const response = await post(
      execute(EXECUTE_VERBS.resolve, { ticket: number, [RESOLUTION_NOTE_INPUT]: '   ' }, postedId),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t('en', 'triage.note_required'),
    });
    expect((await tickets.get(number))?.status).toBe('assigned');
    expect(connector.updates(threadId)).toHaveLength(1);
    expect(connector.posted(PERSONAL.id)).toHaveLength(4);
  });

  it('"Resolve" with a note: the resolved card, the message updated, and the partner told in Portuguese with the note', async () => {
    const { number, postedId, threadId } = requireLifecycle(lifecycle);
    const response = await post(
      execute(EXECUTE_VERBS.resolve, { ticket: number, [RESOLUTION_NOTE_INPUT]: NOTE }, postedId),
    );
    expect(response.status).toBe(200);
    const body = response.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    const card = body.value as AdaptiveCardJson;
    expect(card).toEqual(await expectedCard(number));
    expect(factsOf(card)).toEqual(
      expect.arrayContaining([
        { title: t('en', 'ticket.status'), value: t('en', 'ticket.status.resolved') },
        { title: t('en', 'triage.resolved_by'), value: ENGINEER.name },
      ]),
    );
    expect(JSON.stringify(card)).toContain(JSON.stringify(NOTE).slice(1, -1));
    expect(nodesOf(card.body).filter((node) => node.type === 'Action.Execute' || node.type === 'Input.Text')).toEqual(
      [],
    );

    const updates = connector.updates(threadId);
    expect(updates).toHaveLength(2);
    expect(updates[1]?.activityId).toBe(postedId);
    expect(cardOf(updates[1]?.activity)).toEqual(card);

    const toPartner = await connector.waitForPosts(PERSONAL.id, 5);
    const told = toPartner[4] as ConnectorRequest;
    expect(told.activity.text).toBe(t('pt', 'ticket.resolved_message', { number, note: NOTE }));
    expect(told.activity.text).toContain(NOTE);
  });

  it('refresh: the current card for the person who sees it, without updating the message', async () => {
    const { number, postedId, threadId } = requireLifecycle(lifecycle);
    const response = await post(execute(EXECUTE_VERBS.refresh, { ticket: number }, postedId));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: ADAPTIVE_CARD_CONTENT_TYPE,
      value: await expectedCard(number),
    });
    expect(connector.updates(threadId)).toHaveLength(2);
  });

  it('"Resolve" again: the "already resolved" message, the partner is not told twice', async () => {
    const { number, postedId, threadId } = requireLifecycle(lifecycle);
    const response = await post(
      execute(EXECUTE_VERBS.resolve, { ticket: number, [RESOLUTION_NOTE_INPUT]: 'again' }, postedId),
    );
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t('en', 'triage.already_resolved'),
    });
    expect(connector.updates(threadId)).toHaveLength(2);
    expect(connector.posted(PERSONAL.id)).toHaveLength(5);
  });

  it('an unknown ticket: the "not found" message', async () => {
    const { postedId } = requireLifecycle(lifecycle);
    for (const verb of [EXECUTE_VERBS.assign, EXECUTE_VERBS.refresh]) {
      const response = await post(execute(verb, { ticket: 'MPN-999999' }, postedId));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: t('en', 'triage.not_found'),
      });
    }
  });

  it('GET /api/tickets?status=resolved with the API key lists the ticket as resolved', async () => {
    const { number } = requireLifecycle(lifecycle);
    const response = await fetch(`${app.url}/api/tickets?status=resolved`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(response.status, 'GET /api/tickets is not wired into src/app.ts').toBe(200);
    const { tickets } = (await response.json()) as { tickets: { number: string; status: string }[] };
    expect(tickets.map((ticket) => [ticket.number, ticket.status])).toEqual([[number, 'resolved']]);
  });
});

function requireLifecycle(lifecycle: { number?: string; postedId?: string; threadId?: string }): {
  number: string;
  postedId: string;
  threadId: string;
} {
  const { number, postedId, threadId } = lifecycle;
  if (!number || !postedId || !threadId)
    throw new Error('an earlier step of the lifecycle failed: no ticket was posted to the triage channel');
  return { number, postedId, threadId };
}
