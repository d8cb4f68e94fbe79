/**
 * The Universal Actions of a ticket card, on botbuilder's TestAdapter: what the person who acted gets back (the
 * card, or a message in the triage channel's language), when the channel's message is updated for everyone,
 * and the data Teams may send that the card never would (an unknown verb, no ticket, an over-long note).
 */
import {
  TestAdapter,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type ResourceResponse,
} from 'botbuilder';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderView } from '../../cards/renderCard';
import { EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../../cards/verbs';
import { t } from '../../src/i18n/strings';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import type { Ticket } from '../../src/tickets/ticket';
import { TicketService } from '../../src/tickets/ticketService';
import { TriageActions } from '../../src/tickets/triageActions';
import { TriageChannels } from '../../src/tickets/triageChannel';
import { triageCardView } from '../../cards/views/triageCardView';
import { RecordingMessenger } from '../conversations/recordingMessenger';

const POSTED_ID = '1:triage-message-1';
const ENGINEER = { id: '29:engineer-sam', name: 'Sam Support', aadObjectId: 'aad-sam' };
const SECOND_ENGINEER = { id: '29:engineer-lea', name: 'Léa Support' };

/** A TestAdapter that keeps the activities updated in place (and can refuse to, as Teams does for a deleted message). */
class UpdateRecordingAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];
  refuseUpdates = false;

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    if (this.refuseUpdates) throw Object.assign(new Error('Not Found'), { statusCode: 404 });
    this.updated.push(activity);
    return super.updateActivity(context, activity);
  }
}

let adapter: UpdateRecordingAdapter;
let service: TicketService;
let actions: TriageActions;
let messenger: RecordingMessenger;
let ticket: Ticket;
let logged: string[];

beforeEach(async () => {
  adapter = new UpdateRecordingAdapter();
  messenger = new RecordingMessenger();
  logged = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
  const channels = new TriageChannels(new InMemoryStorage());
  service = new TicketService(new MemoryTicketStore(), channels, messenger, log);
  actions = new TriageActions(service, log);
  await service.setTriageChannel({
    reference: {
      channelId: 'msteams',
      conversation: { id: '19:triage@thread.tacv2', isGroup: true, conversationType: 'channel', name: '' },
    },
    lang: 'fr',
  });
  ticket = await service.open({
    lang: 'pt',
    summary: 'O Azure recusa o Access ID: [ACCESS ID]',
    intents: [{ intent: 'access_id_already_associated', confidence: 0.9 }],
    facts: {},
    excerpt: [],
    requester: {
      userKey: 'requester-maria',
      conversation: {
        channelId: 'msteams',
        conversation: { id: 'a:chat-maria', isGroup: false, conversationType: 'personal', name: '' },
      },
    },
    sourceActivityId: 'msteams:a:chat-maria:activity-4',
  });
});

function context(from: ChannelAccount = ENGINEER, replyToId: string | null = POSTED_ID): TurnContext {
  return new TurnContext(adapter, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    locale: 'en-US',
    from,
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: {
      id: `19:triage@thread.tacv2;messageid=${POSTED_ID}`,
      isGroup: true,
      conversationType: 'channel',
      name: '',
    },
    ...(replyToId ? { replyToId } : {}),
  });
}

function invoke(verb: string, data: Record<string, unknown>): AdaptiveCardInvokeValue {
  return { action: { type: 'Action.Execute', id: '', verb, data }, authentication: undefined as never, state: '' };
}

const card = async (number: string, lang: 'fr' | 'en' = 'fr') =>
  renderView(triageCardView((await service.store.get(number)) as Ticket, lang));
const message = (text: string) => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text,
});

describe('the ticket card actions', () => {
  it("answer in the triage channel's language, whatever the language of the person who acts", async () => {
    const response = await actions.handle(context(), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }));
    expect(response).toEqual({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: await card(ticket.number) });
    expect((response.value as { lang?: string }).lang).toBe('fr');
  });

  it("assign the ticket to the person's Entra ID object id when Teams gives one, else to the channel account", async () => {
    await actions.handle(context(), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }));
    expect((await service.store.get(ticket.number))?.assignee).toEqual({
      id: ENGINEER.aadObjectId,
      name: ENGINEER.name,
    });
    await actions.handle(context(SECOND_ENGINEER), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }));
    expect((await service.store.get(ticket.number))?.assignee).toEqual(SECOND_ENGINEER);
    expect(adapter.updated).toHaveLength(2);
    expect(adapter.updated.map((a) => a.id)).toEqual([POSTED_ID, POSTED_ID]);
  });

  it('keep a resolution note to 1,000 characters, and send the requester that note', async () => {
    const note = `${'x'.repeat(1200)}`;
    await actions.handle(
      context(),
      invoke(EXECUTE_VERBS.resolve, { ticket: ticket.number, [RESOLUTION_NOTE_INPUT]: `  ${note}  ` }),
    );
    const resolved = await service.store.get(ticket.number);
    expect(resolved?.resolution?.note).toBe(note.slice(0, 1000));
    expect(messenger.sent.at(-1)?.activity.text).toBe(
      t('pt', 'ticket.resolved_message', { number: ticket.number, note: note.slice(0, 1000) }),
    );
  });

  it.each([
    ['an unknown verb', invoke('ticket_delete', { ticket: 'MPN-000001' })],
    ['no ticket in the data', invoke(EXECUTE_VERBS.assign, {})],
    ['a ticket number that is not a string', invoke(EXECUTE_VERBS.assign, { ticket: 1 })],
  ])('refuse %s with the invalid-button message, changing nothing', async (_what, value) => {
    expect(await actions.handle(context(), value)).toEqual(message(t('fr', 'conversation.invalid_submit')));
    expect((await service.store.get(ticket.number))?.status).toBe('new');
    expect(adapter.updated).toEqual([]);
  });

  it('refuse a note that is not text as a missing note', async () => {
    expect(
      await actions.handle(
        context(),
        invoke(EXECUTE_VERBS.resolve, { ticket: ticket.number, [RESOLUTION_NOTE_INPUT]: { text: 'x' } }),
      ),
    ).toEqual(message(t('fr', 'triage.note_required')));
    expect((await service.store.get(ticket.number))?.status).toBe('new');
  });

  it('refuse to assign a resolved ticket', async () => {
    await actions.handle(
      context(),
      invoke(EXECUTE_VERBS.resolve, { ticket: ticket.number, [RESOLUTION_NOTE_INPUT]: 'done' }),
    );
    expect(
      await actions.handle(context(SECOND_ENGINEER), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number })),
    ).toEqual(message(t('fr', 'triage.already_resolved')));
    expect((await service.store.get(ticket.number))?.assignee).toEqual({
      id: ENGINEER.aadObjectId,
      name: ENGINEER.name,
    });
  });

  it('still answer with the new card when the channel message cannot be updated (a warning is logged)', async () => {
    adapter.refuseUpdates = true;
    const response = await actions.handle(context(), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }));
    expect(response.value).toEqual(await card(ticket.number));
    expect(logged.join('\n')).toContain('could not update the ticket card for everyone');
  });

  it('update nothing when the invoke names no message (a card outside the channel)', async () => {
    const response = await actions.handle(
      context(ENGINEER, null),
      invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }),
    );
    expect(response.type).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(adapter.updated).toEqual([]);
  });

  it('list who acted as the users whose card Teams refreshes', async () => {
    await actions.handle(context(), invoke(EXECUTE_VERBS.assign, { ticket: ticket.number }));
    const response = await actions.handle(
      context(SECOND_ENGINEER),
      invoke(EXECUTE_VERBS.resolve, { ticket: ticket.number, [RESOLUTION_NOTE_INPUT]: 'done' }),
    );
    expect((response.value as { refresh: { userIds: string[] } }).refresh.userIds).toEqual([
      ENGINEER.aadObjectId,
      SECOND_ENGINEER.id,
    ]);
  });
});
