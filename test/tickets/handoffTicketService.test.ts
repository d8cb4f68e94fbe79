/**
 * The ticket service behind the hand-off, with a recording Messenger in place of Teams: a ticket is opened once
 * per incoming activity and posted once, in the triage channel's language, to the channel "triage here" named;
 * without a channel it waits in the store; a channel the bot was removed from is forgotten; resolving tells the
 * requester in the requester's language, and tells no one once the requester asked to be forgotten.
 */
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderView } from '../../cards/renderCard';
import { t } from '../../src/i18n/strings';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import type { NewTicket } from '../../src/tickets/ticket';
import { REDACTED_AT_REQUEST } from '../../src/tickets/ticketTransitions';
import { TicketService } from '../../src/tickets/ticketService';
import { TriageChannels } from '../../src/tickets/triageChannel';
import { triageCardView } from '../../cards/views/triageCardView';
import { cardOf } from '../conversations/conversationHarness';
import { RecordingMessenger } from '../conversations/recordingMessenger';

const silent = pino({ level: 'silent' });
const CHANNEL_REFERENCE = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: '19:triage@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Triage' },
};
const REQUESTER_REFERENCE = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:personal-chat-ivan', conversationType: 'personal', isGroup: false, name: '' },
  user: { id: '29:ivan', name: 'Ivan' },
};
const ENGINEER = { id: 'aad-engineer', name: 'Sam Support' };

function newTicket(sourceActivityId: string, fields: Partial<NewTicket> = {}): NewTicket {
  return {
    lang: 'ru',
    summary: 'Azure пишет, что Access ID: [ACCESS ID] уже связан',
    intents: [{ intent: 'access_id_already_associated', confidence: 0.93 }],
    facts: { membership: 'gold' },
    excerpt: [
      { from: 'user', text: 'Azure пишет, что Access ID: [ACCESS ID] уже связан', at: '2025-03-01T09:00:00.000Z' },
    ],
    requester: { userKey: 'requester-ivan', conversation: REQUESTER_REFERENCE },
    sourceActivityId,
    ...fields,
  };
}

let store: MemoryTicketStore;
let channels: TriageChannels;
let messenger: RecordingMessenger;
let service: TicketService;

beforeEach(() => {
  store = new MemoryTicketStore();
  channels = new TriageChannels(new InMemoryStorage());
  messenger = new RecordingMessenger();
  service = new TicketService(store, channels, messenger, silent);
});

describe('opening a ticket from a hand-off', () => {
  it('opens one ticket per incoming activity and posts it once, however often the activity comes', async () => {
    await service.setTriageChannel({ reference: CHANNEL_REFERENCE, lang: 'fr' });
    const first = await service.open(newTicket('msteams:a:personal-chat-ivan:activity-7'));
    const again = await service.open(
      newTicket('msteams:a:personal-chat-ivan:activity-7', { summary: 'a different summary' }),
    );
    const [third, fourth] = await Promise.all([
      service.open(newTicket('msteams:a:personal-chat-ivan:activity-9')),
      service.open(newTicket('msteams:a:personal-chat-ivan:activity-9')),
    ]);

    expect(again).toEqual(first);
    expect(third?.number).toBe(fourth?.number);
    expect(third?.number).not.toBe(first.number);
    expect((await store.list()).map((ticket) => ticket.number).sort()).toEqual([first.number, third?.number].sort());
    expect(messenger.sent.map((s) => [s.kind, s.reference.conversation?.id])).toEqual([
      ['send', CHANNEL_REFERENCE.conversation.id],
      ['send', CHANNEL_REFERENCE.conversation.id],
    ]);
  });

  it("posts the triage card in the channel's language, with the partner's language as a fact", async () => {
    await service.setTriageChannel({ reference: CHANNEL_REFERENCE, lang: 'fr' });
    const ticket = await service.open(newTicket('activity-1'));
    const card = cardOf(messenger.sent[0]?.activity ?? {});
    expect(card).toEqual(JSON.parse(JSON.stringify(renderView(triageCardView(ticket, 'fr')))));
    expect(card?.lang).toBe('fr');
    expect(JSON.stringify(card)).toContain(
      JSON.stringify({ title: t('fr', 'ticket.language'), value: t('ru', 'language.name') }),
    );
    expect(messenger.sent[0]?.activity.summary).toBe(t('fr', 'triage.title', { number: ticket.number }));
  });

  it('keeps the ticket in the store when no channel was named for triage', async () => {
    const ticket = await service.open(newTicket('activity-1'));
    expect(await store.get(ticket.number)).toEqual(ticket);
    expect(messenger.sent).toEqual([]);
  });

  it('forgets a triage channel the bot was removed from, and does not post there again', async () => {
    await service.setTriageChannel({ reference: CHANNEL_REFERENCE, lang: 'en' });
    messenger.status = 'removed';
    await service.open(newTicket('activity-1'));
    expect(await channels.get()).toBeUndefined();
    messenger.status = 'sent';
    await service.open(newTicket('activity-2'));
    expect(messenger.sent).toHaveLength(1);
    expect(await store.list()).toHaveLength(2);
  });
});

describe('resolving a ticket', () => {
  it("tells the requester in the requester's language, with the note, in their own conversation", async () => {
    const ticket = await service.open(newTicket('activity-1'));
    await service.assign(ticket.number, ENGINEER);
    const resolved = await service.resolve(ticket.number, ENGINEER, 'Готово: Access ID отвязан');
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: { note: 'Готово: Access ID отвязан', by: ENGINEER },
    });
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0]?.reference).toEqual(REQUESTER_REFERENCE);
    expect(messenger.sent[0]?.activity.text).toBe(
      t('ru', 'ticket.resolved_message', { number: ticket.number, note: 'Готово: Access ID отвязан' }),
    );
  });

  it('tells no one once the requester asked to be forgotten; the ticket keeps its number and status', async () => {
    const ticket = await service.open(newTicket('activity-1'));
    expect(await store.redactRequester('requester-ivan')).toBe(1);
    const resolved = await service.resolve(ticket.number, ENGINEER, 'done');
    expect(resolved).toMatchObject({
      number: ticket.number,
      status: 'resolved',
      summary: REDACTED_AT_REQUEST,
      excerpt: [],
      facts: {},
    });
    expect(resolved.requester).toBeUndefined();
    expect(messenger.sent).toEqual([]);
  });

  it('still resolves the ticket when the requester cannot be reached (the bot was removed from the chat)', async () => {
    const ticket = await service.open(newTicket('activity-1'));
    messenger.status = 'removed';
    await expect(service.resolve(ticket.number, ENGINEER, 'done')).resolves.toMatchObject({ status: 'resolved' });
    expect((await store.get(ticket.number))?.status).toBe('resolved');
  });
});
