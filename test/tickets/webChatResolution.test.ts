/**
 * A web chat requester is told of a resolution through the bot's own Direct Line, whatever Host the client
 * sent: over real HTTP on the real app (anonymous local mode), a web chat user whose every request names
 * another host (`Host`, `X-Forwarded-Proto`) hands a question over in Portuguese; the triage channel (a fake
 * Teams connector) resolves the ticket; the user finds the resolution, in Portuguese, in the conversation's
 * transcript and on its WebSocket stream. The host the client named (a listening socket on another loopback
 * port) never receives a byte: not the bot's messages, not the stream.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/renderCard';
import { CARD_ACTIONS, EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../../cards/verbs';
import { t } from '../../src/i18n/strings';
import { openStream, type StreamRecorder, type WireActivity } from '../directline/directLineClient';
import { rawRequest } from '../support/rawHttp';
import { FakeTeamsConnector } from '../support/fakeTeamsConnector';
import { startApp, type RunningApp } from '../support/testApp';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';

const TENANT = { id: '72f988bf-0000-0000-0000-000000000001' };
const BOT = { id: '28:mpn-support-assistant', name: 'Support benefits' };
const TEAM = { id: '19:general-partner-support@thread.tacv2' };
const TRIAGE_CHANNEL = { id: '19:triage-partner-support@thread.tacv2' };
const ENGINEER = { id: '29:engineer-sam', name: 'Sam Support' };
const NOTE = 'Desvinculamos o Access ID da conta antiga; adicione-o de novo no portal do Azure.';

let connector: FakeTeamsConnector;
let app: RunningApp;
let tickets: MemoryTicketStore;
/** The host the client names: it listens, and must receive nothing. */
let forged: Server;
const forgedConnections: Socket[] = [];
let forgedHost: string;
let counter = 0;

beforeAll(async () => {
  forged = createServer((socket) => {
    forgedConnections.push(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => forged.listen(0, '127.0.0.1', resolve));
  forgedHost = `127.0.0.1:${(forged.address() as AddressInfo).port}`;
  connector = await new FakeTeamsConnector().start();
  tickets = new MemoryTicketStore();
  app = await startApp({ overrides: { tickets } });
  const mention = `<at>${BOT.name}</at>`;
  expect(
    (
      await postTeams(
        inTriageChannel({
          type: 'message',
          text: `${mention} triage here`,
          entities: [{ type: 'mention', mentioned: BOT, text: mention }],
        }),
      )
    ).status,
  ).toBe(200);
});

afterAll(async () => {
  await app?.close();
  await connector?.stop();
  await new Promise<void>((resolve) => (forged ? forged.close(() => resolve()) : resolve()));
});

/** A Direct Line request whose Host and X-Forwarded-Proto name the forged host. */
async function directLine<T>(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const exchange = await rawRequest(app.url, {
    method,
    path,
    headers: {
      host: forgedHost,
      'x-forwarded-proto': 'http',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: exchange.status, body: (exchange.text ? JSON.parse(exchange.text) : undefined) as T };
}

async function postTeams(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function inTriageChannel(fields: Record<string, unknown>, thread = '1700000000001'): Record<string, unknown> {
  return {
    id: `teams-activity-${++counter}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    recipient: BOT,
    locale: 'en-US',
    from: ENGINEER,
    conversation: {
      id: `${TRIAGE_CHANNEL.id};messageid=${thread}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT.id,
    },
    channelData: { tenant: TENANT, team: TEAM, channel: TRIAGE_CHANNEL },
    ...fields,
  };
}

/** "Resolve" with the note, on the ticket's card in the triage channel. */
function resolve(number: string, postedId = '1:message-1'): Promise<{ status: number; body: unknown }> {
  const value = {
    action: {
      type: 'Action.Execute',
      verb: EXECUTE_VERBS.resolve,
      data: { ticket: number, [RESOLUTION_NOTE_INPUT]: NOTE },
    },
    trigger: 'manual',
  };
  return postTeams(
    inTriageChannel({ type: 'invoke', name: 'adaptiveCard/action', replyToId: postedId, value }, postedId),
  );
}

describe('a ticket resolved for a web chat requester who named another host', () => {
  it('reaches the requester in Portuguese, in the transcript and on the stream, and nothing goes to that host', async () => {
    const issued = await directLine<{ token: string }>('POST', '/api/webchat/token', undefined, {});
    expect(issued.status).toBe(200);
    const started = await directLine<{ conversationId: string; token: string; streamUrl: string }>(
      'POST',
      '/v3/directline/conversations',
      issued.body.token,
      { locale: 'pt-BR' },
    );
    expect(started.status).toBe(201);
    const { conversationId, token, streamUrl } = started.body;
    // The stream is this server's, whatever Host the request named.
    expect(new URL(streamUrl).host).toBe(new URL(app.url).host);
    const stream: StreamRecorder = await openStream(streamUrl);
    try {
      const say = async (fields: Record<string, unknown>): Promise<WireActivity> => {
        const posted = await directLine<{ id: string }>(
          'POST',
          `/v3/directline/conversations/${conversationId}/activities`,
          token,
          { type: 'message', locale: 'pt-BR', from: { id: 'ignored' }, ...fields },
        );
        expect(posted.status).toBe(200);
        return stream.waitFor((activity) => activity.replyToId === posted.body.id);
      };
      await say({ text: 'Somos parceiro Gold. O Azure diz que o Access ID já está associado a uma conta' });
      await say({ text: 'quero falar com um atendente humano' });
      await say({ value: { action: CARD_ACTIONS.handoffSummary } });
      const ticketCard = await say({ value: { action: CARD_ACTIONS.handoffConsent, consent: true } });
      const number = /MPN-\d{6}/.exec(JSON.stringify(ticketCard))?.[0] as string;
      expect(number, JSON.stringify(ticketCard)).toBeDefined();

      const [posted] = await connector.waitForPosts(TRIAGE_CHANNEL.id, 1);
      expect((await resolve(number, posted?.id)).body).toMatchObject({
        statusCode: 200,
        type: ADAPTIVE_CARD_CONTENT_TYPE,
      });

      const told = t('pt', 'ticket.resolved_message', { number, note: NOTE });
      const onStream = await stream.waitFor((activity) => activity.text === told);
      expect(onStream.from.role).toBe('bot');
      const transcript = await directLine<{ activities: WireActivity[] }>(
        'GET',
        `/v3/directline/conversations/${conversationId}/activities`,
        token,
      );
      expect(transcript.body.activities.filter((activity) => activity.text === told)).toHaveLength(1);
      expect((await tickets.get(number))?.status).toBe('resolved');
      // The ticket keeps no trace of the host the client named.
      expect(JSON.stringify(await tickets.get(number))).not.toContain(forgedHost);
    } finally {
      stream.close();
    }
    expect(forgedConnections).toHaveLength(0);
  });

  it('whose web chat conversation is gone (retention), and whose reference names that host (kept from before): resolved, and still nothing goes there', async () => {
    const { ticket } = await tickets.create({
      lang: 'fr',
      summary: 'Question transmise',
      intents: [],
      facts: {},
      excerpt: [],
      requester: {
        userKey: 'requester-gone',
        conversation: {
          channelId: 'directline',
          serviceUrl: `http://${forgedHost}/`,
          conversation: { id: 'GoneConversation0123456789' } as never,
        },
      },
      sourceActivityId: 'directline:GoneConversation0123456789:1',
    });
    expect((await resolve(ticket.number)).body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
    expect((await tickets.get(ticket.number))?.status).toBe('resolved');
    expect(forgedConnections).toHaveLength(0);
  });
});
