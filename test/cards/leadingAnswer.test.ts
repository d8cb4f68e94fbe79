/**
 * A detail question's answer, as the bot composes it (classifier, retriever, view) and Teams receives it: the
 * card's first block after the title quotes the retrieved sentence and cites its section, the rule's decision
 * follows, the rest of the section is folded behind "Show the whole section"; the plain text keeps that order;
 * the card stays within Teams' limits, fully bound, and parses with the official renderer without an event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { articleUrl, quote } from '../../cards/views/articleText';
import { cardToText, markdownToPlain } from '../../cards/cardToText';
import { firstQuestionView } from '../../cards/views/firstQuestionView';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { classifier } from '../../src/nlu/classifier';
import { articleRetriever } from '../../src/nlu/retrieval';
import { openAdaptiveCardsDom, type AdaptiveCardsDom } from './adaptiveCardsDom';

/** Questions whose answering segment the retriever finds first (see test/nlu/retriever.test.ts), one per language. */
const QUESTIONS: readonly { lang: Lang; text: string; leads: number }[] = [
  { lang: 'en', text: 'which link is it for on-premises requests?', leads: 157 },
  { lang: 'ru', text: 'сколько дней займет обработка запроса на активацию?', leads: 124 },
  { lang: 'pt', text: 'quantos dias leva para processar a solicitação de ativação?', leads: 124 },
  { lang: 'fr', text: "combien de jours faut-il pour traiter la demande d'activation ?", leads: 124 },
];

/** Teams refuses a bot message over about 28 KB. */
const TEAMS_MESSAGE_BYTES = 28 * 1024;

type Node = Record<string, unknown>;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function answerCard(text: string): { card: AdaptiveCardJson; lang: Lang } {
  const classification = classifier().classify(text);
  return {
    card: renderView(firstQuestionView(text, classification, {}, articleRetriever())),
    lang: classification.lang,
  };
}

let dom: AdaptiveCardsDom;
beforeAll(async () => {
  dom = await openAdaptiveCardsDom();
});
afterAll(async () => {
  await dom?.close();
});

describe.each(QUESTIONS)('the answer to "$text" ($lang)', ({ lang, text, leads }) => {
  it('leads with the retrieved sentence, quoted and linked to its section', () => {
    const { card, lang: answered } = answerCard(text);
    expect(answered).toBe(lang);
    const body = card.body as Node[];
    const first = body[1];
    expect(first?.type).toBe('Container');
    expect(first?.style).toBe('accent');
    const items = first?.items as Node[];
    const [sentence, cite] = [items[0], items.at(-1)];
    expect(String(sentence?.text)).toBe(t(lang, 'card.quote', { text: quote(leads, lang) }));
    expect(String(cite?.text)).toContain(`(${articleUrl(lang, knowledgeBase().segments[leads]?.anchor)})`);
  });

  it('folds the rest of the section behind "Show the whole section", and the plain text keeps the order', () => {
    const { card } = answerCard(text);
    const fold = (card.actions as Node[]).find((action) => action.type === 'Action.ShowCard');
    expect(fold?.title).toBe(t(lang, 'card.show_whole_section'));
    const plain = squash(cardToText(card));
    const sentenceAt = plain.indexOf(squash(markdownToPlain(quote(leads, lang))));
    const foldAt = plain.indexOf(`[${t(lang, 'card.show_whole_section')}]`);
    expect(sentenceAt).toBeGreaterThanOrEqual(0);
    expect(sentenceAt).toBeLessThan(400);
    expect(foldAt).toBeGreaterThan(sentenceAt);
    // The folded section comes after its button, and holds more of the article than the quoted sentence.
    expect(plain.length - foldAt).toBeGreaterThan(200);
  });

  it('stays within Teams limits, fully bound, and parses with the official renderer without an event', () => {
    const { card } = answerCard(text);
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/\$\{/);
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(Math.min(MAX_CARD_BYTES, TEAMS_MESSAGE_BYTES));
    // The renderer checks `lang` with a global (/g) regular expression, whose lastIndex survives between cards.
    const langPattern = dom.AC.CardElement.langProperty.regEx;
    if (langPattern) langPattern.lastIndex = 0;
    const adaptiveCard = new dom.AC.AdaptiveCard();
    const context = new dom.AC.SerializationContext(dom.AC.Versions.v1_5);
    adaptiveCard.parse(card, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
    expect(events).toEqual([]);
    expect(adaptiveCard.render()).toBeInstanceOf(dom.window.HTMLElement);
  });
});

describe('a question no topic names but the article answers', () => {
  it('gets "The article says:" and the retrieved sentences, not the out-of-scope card', () => {
    const text = 'CSP partners creating Azure requests without a support contract';
    const classification = classifier().classify(text);
    const view = firstQuestionView(
      text,
      { ...classification, intent: 'out_of_scope', alternatives: [] },
      {},
      articleRetriever(),
    );
    expect(view.kind).toBe('answer');
    if (view.kind !== 'answer') return;
    expect(view.data.title).toBe(t('en', 'card.article_says'));
    expect(view.data.quoted[0]?.sentences[0]?.text).toBe(t('en', 'card.quote', { text: quote(175, 'en') }));
  });

  it('a question the article does not answer keeps the out-of-scope card', () => {
    const text = 'how do I change the bank account for our incentive payouts';
    const classification = classifier().classify(text);
    expect(classification.intent).toBe('out_of_scope');
    expect(firstQuestionView(text, classification, {}, articleRetriever()).kind).toBe('fallback');
  });
});
