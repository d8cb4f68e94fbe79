/**
 * Language identification: the script first, then the character n-gram model; the channel locale as a prior
 * for a borderline text, the conversation's language for a text too short to tell.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { compileLanguageModel, identifyLanguage, trainLanguageModel } from '../../src/nlu/languageId';
import { loadNluModel } from '../../src/nlu/modelStore';
import { readUtterances } from '../../src/nlu/utterances';

const model = compileLanguageModel(loadNluModel().language);
const langOf = (text: string, hints = {}) => identifyLanguage(text, model, hints).lang;

describe('the script decides first', () => {
  it.each([
    'Сколько инцидентов у Gold партнера для Windows Server?',
    'Как открыть инцидент по SQL Server в Support for Business?',
    'у нас Gold competency в Cloud Platform, сколько incidents?',
    'Где Access ID в Partner Center?',
    'Partner Center пишет not authorized',
  ])('a Russian question naming English products is ru: %s', (text) => {
    expect(identifyLanguage(text, model)).toMatchObject({ lang: 'ru', by: 'script' });
  });

  it('a Latin-script question is not ru, even in a Russian conversation', () => {
    expect(langOf('how many incidents do we have left this year?', { conversation: 'ru', locale: 'ru' })).toBe('en');
  });
});

describe('the channel locale is a prior', () => {
  it.each([
    ['incidents', 'en', 'fr'],
    ['Premier Support', 'en', 'fr'],
    ['Partner Center', 'en', 'pt'],
  ] as const)('"%s" (the same in %s and %s) follows the locale', (text, a, b) => {
    expect([langOf(text, { locale: a }), langOf(text, { locale: b })]).toEqual([a, b]);
  });

  it('does not override a text that plainly says otherwise', () => {
    expect(langOf('où est le support technique pour nos incidents ?', { locale: 'en' })).toBe('fr');
    expect(langOf('quantos incidentes ainda temos no contrato?', { locale: 'fr' })).toBe('pt');
    expect(langOf('how many incidents do we have left?', { locale: 'pt' })).toBe('en');
  });
});

describe('the conversation decides a text too short to tell', () => {
  it.each(['ok', 'SR 123', 'Gold'])('"%s" is in the language of the conversation, whichever it is', (text) => {
    expect(LANGS.map((conversation) => langOf(text, { conversation }))).toEqual(LANGS);
  });
});

/**
 * The product's language model is trained on the training utterances AND on every article segment
 * (trainNluModel), so testing it on article sentences would only test memory. Here the same recipe is rebuilt
 * with the sentences under test held out: a fair test of prose it has never seen. It can fail when the
 * n-grams of the chat-style training utterances and the rest of the article do not carry over to the held-out
 * sentences — e.g. a Portuguese sentence full of English product names read as English.
 */
describe('the Latin-script languages on article sentences the model was not trained on', () => {
  const kb = knowledgeBase();
  const segments = Object.values(kb.segments);
  const heldOut = (id: number) => id % 4 === 0;
  const train = readUtterances('train');
  const latin = ['en', 'pt', 'fr'] as const;
  const recipe = compileLanguageModel(
    trainLanguageModel(
      Object.fromEntries(
        latin.map((lang) => [
          lang,
          [
            ...train.filter((u) => u.lang === lang).map((u) => u.text),
            ...segments.filter((s) => !heldOut(s.id)).map((s) => s.text[lang]),
          ],
        ]),
      ),
    ),
  );
  const sentences = (lang: (typeof latin)[number]) =>
    segments
      .filter((s) => heldOut(s.id) && (s.text[lang].match(/\p{L}/gu) ?? []).length >= 40)
      .map((s) => ({ id: s.id, text: s.text[lang] }));

  it.each(latin)('%s sentences are recognised as such', (lang) => {
    const held = sentences(lang);
    expect(held.length).toBeGreaterThanOrEqual(5);
    const wrong = held.filter(({ text }) => identifyLanguage(text, recipe).lang !== lang).map(({ id }) => id);
    expect(wrong, 'held-out segment ids read as another language').toEqual([]);
  });
});
