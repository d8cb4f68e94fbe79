/**
 * The real app on SQLite: a conversation's activities live in the bot's storage file, so a new app instance on
 * the same file (a restart) reads them, and an instance streams activities that another instance wrote (two
 * instances behind a load balancer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../support/testApp';
import { TEST_SECRET } from '../support/directLineServer';
import { call, getActivities, newConversation, openStream, postActivity, userMessage } from './directLineClient';

const folder = mkdtempSync(join(tmpdir(), 'directline-app-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const envFor = (file: string) => ({ STORAGE_URL: `sqlite:${join(folder, file)}`, DIRECTLINE_SECRET: TEST_SECRET });
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

describe('Direct Line conversations in SQLite', () => {
  it('survive a restart: a new instance on the same file reads them and carries on', async () => {
    const env = envFor('restart.db');
    const before = await startApp({ env });
    const conversation = await newConversation(before.url, TEST_SECRET);
    const stream = await openStream(conversation.streamUrl);
    const question = await postActivity(
      before.url,
      conversation.conversationId,
      conversation.token,
      userMessage('how many incidents does a Gold partner get?'),
    );
    const answer = await stream.waitFor((a) => a.replyToId === question.body.id);
    stream.close();
    await before.close();

    const after = await startApp({ env });
    try {
      const { status, body } = await getActivities(after.url, conversation.conversationId, conversation.token);
      expect(status).toBe(200);
      const ids = body.activities.map((a) => a.id);
      expect(ids).toContain(question.body.id);
      expect(ids).toContain(answer.id);
      expect(body.activities.find((a) => a.id === answer.id)?.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
      const next = await postActivity(
        after.url,
        conversation.conversationId,
        conversation.token,
        userMessage('thanks'),
      );
      expect(next.status).toBe(200);
      expect(next.body.id > (ids.at(-1) ?? '')).toBe(true);
    } finally {
      await after.close();
    }
  });

  it('reach the sockets of another instance sharing the file', async () => {
    const env = envFor('shared.db');
    const [writer, reader] = [await startApp({ env }), await startApp({ env })];
    try {
      const conversation = await newConversation(writer.url, TEST_SECRET);
      const reconnect = await call<{ streamUrl: string }>(
        reader.url,
        `/v3/directline/conversations/${conversation.conversationId}`,
        { auth: conversation.token },
      );
      const stream = await openStream(reconnect.body.streamUrl);
      const question = await postActivity(
        writer.url,
        conversation.conversationId,
        conversation.token,
        userMessage('Where do I find my Access ID?'),
      );
      await stream.waitFor((a) => a.id === question.body.id);
      const answer = await stream.waitFor((a) => a.replyToId === question.body.id);
      expect(answer.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
      stream.close();
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
