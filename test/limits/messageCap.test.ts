/**
 * The message text cap: a message over MAX_MESSAGE_CHARS characters is answered politely (conversation.too_long,
 * with its length and the limit) in the user's language — the client's locale, or the language the user wrote
 * in before — and never classified; characters are code points (😀 is one, not two UTF-16 units); a message
 * at the limit is an ordinary question; a body over 256 KB is refused before any turn (413).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../src/bot/turn';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { MAX_ACTIVITY_BYTES } from '../../src/server/readJsonBody';
import { startHarness, type Harness } from '../robustness/support/appHarness';
import { expectClientAnswer } from '../robustness/support/properties';
import { TeamsChat } from '../robustness/support/teamsChat';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storage: 'memory' });
});

afterAll(async () => {
  await harness?.close();
});

/** A long question in each language, repeated past the cap. */
const LONG: Record<Lang, string> = {
  en: 'How many technical support incidents does a Gold partner get? ',
  ru: 'Сколько инцидентов технической поддержки получает партнёр Gold? ',
  pt: 'Quantos incidentes de suporte técnico um parceiro Gold recebe? ',
  fr: 'Combien d’incidents de support technique un partenaire Gold reçoit-il ? ',
};

const over = (lang: Lang) => LONG[lang].repeat(Math.ceil((MAX_MESSAGE_CHARS + 1) / LONG[lang].length)).trim();
const chat = (locale: string) => new TeamsChat({ url: harness.url, connector: harness.connector, locale });

describe('the message text cap', () => {
  it.each(LANGS)('answers a message over the cap politely in %s, from the client locale', async (lang) => {
    const text = over(lang);
    const step = await chat(LOCALE_OF[lang]).say(text);
    expect(step.status).toBe(200);
    expect(step.replies.map((reply) => reply.text)).toEqual([
      t(lang, 'conversation.too_long', { length: [...text].length, limit: MAX_MESSAGE_CHARS }),
    ]);
  });

  it('answers in the language the user wrote in before, whatever the client locale', async () => {
    const conversation = chat('en-US');
    await conversation.say('Combien d’incidents de support technique un partenaire Gold reçoit-il ?');
    const text = over('en');
    const step = await conversation.say(text);
    expect(step.replies.map((reply) => reply.text)).toEqual([
      t('fr', 'conversation.too_long', { length: text.length, limit: MAX_MESSAGE_CHARS }),
    ]);
  });

  it('counts an emoji as one character, not two UTF-16 units', async () => {
    const text = '😀'.repeat(MAX_MESSAGE_CHARS + 1);
    const characters = [...text].length;
    const step = await chat('en-US').say(text);
    expect(characters).toBeGreaterThan(MAX_MESSAGE_CHARS);
    expect(step.replies.map((reply) => reply.text)).toEqual([
      t('en', 'conversation.too_long', { length: characters, limit: MAX_MESSAGE_CHARS }),
    ]);
    const under = await chat('en-US').say('😀'.repeat(MAX_MESSAGE_CHARS - 1));
    expect(under.replies.map((reply) => reply.text)).not.toContainEqual(
      expect.stringContaining(String(MAX_MESSAGE_CHARS)),
    );
  });

  it('answers a question of exactly the cap as a question', async () => {
    const text = LONG.en.repeat(40).slice(0, MAX_MESSAGE_CHARS);
    const step = await chat('en-US').say(text);
    expect(step.replies.length).toBeGreaterThan(0);
    expect(step.replies.some((reply) => reply.attachments?.length)).toBe(true);
  });

  it(`refuses a body over ${MAX_ACTIVITY_BYTES} bytes with 413 before any turn`, async () => {
    const conversation = chat('en-US');
    const received = harness.connector.received.length;
    const step = await conversation.say('x'.repeat(MAX_ACTIVITY_BYTES));
    expect(step.status).toBe(413);
    expectClientAnswer(step, 'an oversized body');
    expect(harness.connector.received.length).toBe(received);
  });
});
