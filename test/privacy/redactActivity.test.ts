/**
 * Every stored string of an activity is redacted — text, value, from.name, channelData, attachments' content,
 * speak, summary, entities, keys included — while its structure is kept as it was: ids, type, channel, service
 * URL, timestamps, locale, account roles, the client's activity id, attachment and entity types.
 */
import { describe, expect, it } from 'vitest';
import { MASKS } from '../../src/privacy/redact';
import { redactActivity, redactReference } from '../../src/privacy/redactActivity';

const EMAIL = 'jane.leak@contoso.com';
const ACCESS_ID = '7QX299ABK3';
const SAID = `mail ${EMAIL}, code ${ACCESS_ID}`;
const REDACTED = `mail ${MASKS.email}, code ${MASKS.code}`;
/** Looks like a pasted code: kept only where the structure needs it verbatim. */
const OPAQUE_ID = '29:1AbCdEf123456789XyZ';

describe('redactActivity', () => {
  const activity = {
    type: 'message',
    id: OPAQUE_ID,
    timestamp: '2026-12-04T10:00:00.000Z',
    localTimestamp: '2026-12-04T12:00:00.000+02:00',
    serviceUrl: 'https://smba.trafficmanager.net/emea/1234567890/',
    channelId: 'directline',
    locale: 'en-US',
    textFormat: 'plain',
    replyToId: OPAQUE_ID,
    name: 'webchat/join',
    text: SAID,
    speak: SAID,
    summary: SAID,
    from: { id: OPAQUE_ID, name: EMAIL, role: 'user', aadObjectId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
    recipient: { id: OPAQUE_ID, name: 'Bot', role: 'bot' },
    conversation: {
      id: OPAQUE_ID,
      name: SAID,
      tenantId: '72f988bf-0000-0000-0000-000000000001',
      conversationType: 'personal',
      isGroup: false,
    },
    channelData: {
      clientActivityID: 'client-1234567890abc',
      clientTimestamp: '2026-12-04T10:00:00.000Z',
      note: SAID,
      [EMAIL]: 1,
      nested: [{ deeper: { text: SAID } }],
    },
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        name: SAID,
        content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: SAID }] },
      },
    ],
    entities: [
      { type: 'mention', text: SAID, mentioned: { id: OPAQUE_ID, name: EMAIL } },
      { type: 'ClientCapabilities', note: SAID },
    ],
    value: { comment: SAID, count: 5, ok: true, none: null },
  };

  it('redacts every string that is not structure, at any depth, keys included', () => {
    const redacted = redactActivity(activity);
    expect(JSON.stringify(redacted)).not.toMatch(/jane\.leak|7QX299ABK3/);
    expect(redacted.text).toBe(REDACTED);
    expect(redacted.speak).toBe(REDACTED);
    expect(redacted.summary).toBe(REDACTED);
    expect(redacted.from.name).toBe(MASKS.email);
    expect(redacted.conversation.name).toBe(REDACTED);
    expect(redacted.channelData.note).toBe(REDACTED);
    expect(redacted.channelData.nested[0]?.deeper.text).toBe(REDACTED);
    expect(Object.keys(redacted.channelData)).toContain(MASKS.email);
    expect(redacted.attachments[0]?.name).toBe(REDACTED);
    expect(redacted.attachments[0]?.content.body[0]?.text).toBe(REDACTED);
    expect(redacted.entities[0]?.text).toBe(REDACTED);
    expect(redacted.entities[0]?.mentioned?.name).toBe(MASKS.email);
    expect(redacted.entities[1]?.note).toBe(REDACTED);
    expect(redacted.value).toEqual({ comment: REDACTED, count: 5, ok: true, none: null });
  });

  it('keeps the structure exactly: ids, type, channel, service URL, timestamps, locale, roles, client ids, content types', () => {
    const redacted = redactActivity(activity);
    const { type, id, timestamp, localTimestamp, serviceUrl, channelId, locale, textFormat, replyToId, name } =
      activity;
    expect(redacted).toMatchObject({
      type,
      id,
      timestamp,
      localTimestamp,
      serviceUrl,
      channelId,
      locale,
      textFormat,
      replyToId,
      name,
    });
    expect(redacted.from).toMatchObject({ id: OPAQUE_ID, role: 'user', aadObjectId: activity.from.aadObjectId });
    expect(redacted.recipient).toEqual(activity.recipient);
    expect(redacted.conversation).toMatchObject({
      id: OPAQUE_ID,
      tenantId: activity.conversation.tenantId,
      conversationType: 'personal',
      isGroup: false,
    });
    expect(redacted.channelData).toMatchObject({
      clientActivityID: activity.channelData.clientActivityID,
      clientTimestamp: activity.channelData.clientTimestamp,
    });
    expect(redacted.attachments[0]?.contentType).toBe(activity.attachments[0]?.contentType);
    expect(redacted.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(redacted.entities.map((entity) => entity.type)).toEqual(['mention', 'ClientCapabilities']);
    expect(redacted.entities[0]?.mentioned?.id).toBe(OPAQUE_ID);
  });

  it('leaves the activity it was given unchanged', () => {
    const copy = structuredClone(activity);
    redactActivity(activity);
    expect(activity).toEqual(copy);
  });
});

describe('redactReference', () => {
  it('redacts the names in a conversation reference and keeps its addresses', () => {
    const reference = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      locale: 'en-US',
      conversation: { id: OPAQUE_ID, name: SAID, conversationType: 'personal', tenantId: 't-1', isGroup: false },
      user: { id: OPAQUE_ID, name: EMAIL, aadObjectId: 'a-1' },
      bot: { id: '28:bot', name: 'Support benefits' },
    };
    const redacted = redactReference(reference);
    expect(redacted).toEqual({
      ...reference,
      conversation: { ...reference.conversation, name: REDACTED },
      user: { ...reference.user, name: MASKS.email },
    });
  });
});
