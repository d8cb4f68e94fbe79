/**
 * The DirectLineAdapter beyond replies: a proactive message from a saved conversation reference reaches the
 * stream, an update replaces the activity (GET shows the new version, the stream gets it live), a deletion leaves
 * a messageDelete in its place, and traces stay out of the conversation as on every channel but the Emulator.
 */
import { ActivityHandler, TurnContext, type ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';
import { getActivities, newConversation, openStream, postActivity, userMessage } from './directLineClient';

/** Remembers each conversation's reference and the id of its last reply; says "edit me" and sends a trace. */
class ReferenceKeepingBot extends ActivityHandler {
  readonly references = new Map<string, Partial<ConversationReference>>();
  readonly lastReply = new Map<string, string>();

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.references.set(context.activity.conversation.id, TurnContext.getConversationReference(context.activity));
      await context.sendTraceActivity('debug', { detail: 'for the Emulator only' });
      const sent = await context.sendActivity('edit me');
      this.lastReply.set(context.activity.conversation.id, sent?.id ?? '');
      await next();
    });
  }
}

const bot = new ReferenceKeepingBot();
let server: DirectLineServer;

beforeAll(async () => {
  server = await startDirectLineServer({ bot });
});

afterAll(async () => {
  await server.close();
});

async function conversationWithReply() {
  const conversation = await newConversation(server.url, TEST_SECRET);
  const stream = await openStream(conversation.streamUrl);
  const posted = await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('hello'));
  await stream.waitFor((a) => a.replyToId === posted.body.id);
  return {
    conversation,
    stream,
    reference: bot.references.get(conversation.conversationId) ?? {},
    replyId: bot.lastReply.get(conversation.conversationId) ?? '',
  };
}

describe('DirectLineAdapter', () => {
  it('sends a proactive message from a saved conversation reference', async () => {
    const { conversation, stream, reference } = await conversationWithReply();
    await server.module.adapter.continueConversation(reference, async (context) => {
      await context.sendActivity('your ticket was updated');
    });
    const proactive = await stream.waitFor((a) => a.text === 'your ticket was updated');
    expect(proactive).toMatchObject({
      from: { role: 'bot' },
      recipient: { id: expect.stringMatching(/^dl_/) },
      conversation: { id: conversation.conversationId },
    });
    stream.close();
  });

  it('updates an activity in place, at its original time, live on the stream and in GET', async () => {
    const { conversation, stream, reference, replyId } = await conversationWithReply();
    const original = stream.activities.find((a) => a.id === replyId);
    server.clock.advanceSeconds(30);
    await server.module.adapter.continueConversation(reference, async (context) => {
      await context.updateActivity({
        id: replyId,
        type: 'message',
        text: 'edited',
        conversation: reference.conversation,
      });
    });
    await stream.waitFor((a) => a.id === replyId && a.text === 'edited');
    const { body } = await getActivities(server.url, conversation.conversationId, conversation.token);
    const updated = body.activities.find((a) => a.id === replyId);
    expect(updated?.text).toBe('edited');
    expect(updated?.timestamp).toBe(original?.timestamp);
    stream.close();
  });

  it('leaves a messageDelete in place of a deleted activity', async () => {
    const { conversation, stream, reference, replyId } = await conversationWithReply();
    await server.module.adapter.continueConversation(reference, async (context) => {
      await context.deleteActivity(replyId);
    });
    const { body } = await getActivities(server.url, conversation.conversationId, conversation.token);
    expect(body.activities.find((a) => a.id === replyId)).toMatchObject({ type: 'messageDelete' });
    stream.close();
  });

  it('refuses to update an activity that is not in the conversation', async () => {
    const { stream, reference } = await conversationWithReply();
    await expect(
      server.module.adapter.continueConversation(reference, async (context) => {
        await context.updateActivity({ id: 'someone-else|0000001', type: 'message', text: 'x' });
      }),
    ).rejects.toThrow(/no activity/);
    stream.close();
  });

  it('keeps traces out of the conversation', async () => {
    const { conversation, stream } = await conversationWithReply();
    const { body } = await getActivities(server.url, conversation.conversationId, conversation.token);
    expect(body.activities.map((a) => a.type)).not.toContain('trace');
    expect(stream.activities.map((a) => a.type)).not.toContain('trace');
    stream.close();
  });
});
