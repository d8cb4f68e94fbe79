/**
 * How a conversation test knows which card came back: the cards carry no kind marker and two kinds can share a
 * shape (a fallback card with suggestions and no person text looks like a clarify card), so the expected card
 * is rebuilt with the product's own view function for the expected kind, language and the user's stored facts,
 * and the sent card must equal it. When it does not, `identifyCard` rebuilds every card the bot could have sent
 * and names the one that matches.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CardView } from '../../cards/cardData';
import { renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { clarifyView } from '../../src/answers/clarifyView';
import { decisionView } from '../../src/answers/decisionView';
import { fallbackView } from '../../src/answers/fallbackView';
import { feedbackView } from '../../src/answers/feedbackView';
import { handoffUnavailableView } from '../../src/answers/handoffView';
import { helpView, welcomeView } from '../../src/answers/welcomeView';
import type { SuggestedIntent } from '../../src/answers/buttons';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { CARD_ACTIONS } from '../../dialogs/ids';
import { decide } from '../../src/rules/decide';
import { TOPICS } from '../../src/rules/decision';
import type { PartnerFacts } from '../../src/rules/facts';
import { submitButtons } from './conversationHarness';
import type { BotExpectation } from './scenario';

type CardExpectation = Extract<BotExpectation, { expect: 'card' }>;

/** The intents a clarify card offers, read from its candidate buttons (its follow-ups are not candidates). */
export function clarifyCandidates(card: AdaptiveCardJson): SuggestedIntent[] {
  const body = JSON.stringify(card.body);
  return submitButtons({ ...card, actions: [] })
    .filter(({ data }) => data.action === CARD_ACTIONS.ask && body.includes(JSON.stringify(data)))
    .map(({ data }) => data.intent as SuggestedIntent);
}

/** The view the bot should have sent for an expectation, given the user's facts and the card it did send. */
export function expectedView(expectation: CardExpectation, facts: PartnerFacts, sent: AdaptiveCardJson): CardView {
  const { kind, lang, topic, view, helpful } = expectation;
  switch (kind) {
    case 'answer':
    case 'entitlement':
    case 'question':
      return decisionView(decide(requireTopic(topic, kind), facts), facts, lang);
    case 'welcome':
      return view === 'help' ? helpView(lang) : welcomeView(lang);
    case 'fallback':
      return view === 'handoff' ? handoffUnavailableView(lang) : fallbackView(lang);
    case 'clarify':
      return clarifyView(clarifyCandidates(sent), lang);
    case 'feedback':
      return feedbackView(helpful ?? true, requireTopic(topic, kind), lang);
    case 'ticket':
      throw new Error('no conversation leads to a ticket card while the hand-off to the support team is off');
  }
}

function requireTopic<T>(topic: T | undefined, kind: string): T {
  if (topic === undefined) throw new Error(`a ${kind} card needs its topic`);
  return topic;
}

/** Every card the bot could send in this state, named the way a scenario would state it. */
function candidates(facts: PartnerFacts, sent: AdaptiveCardJson): { name: string; view: CardView }[] {
  return LANGS.flatMap((lang: Lang) => [
    ...TOPICS.flatMap((topic) => {
      const decision = decide(topic, facts);
      const view = decisionView(decision, facts, lang);
      const what = decision.ask ? `asking ${decision.ask}` : `outcome ${decision.outcome}`;
      return [
        { name: `${view.kind} card of ${topic} (${what})`, view },
        ...[true, false].map((helpful) => ({ name: `feedback card (helpful: ${helpful}) for ${topic}`, view: feedbackView(helpful, topic, lang) })),
      ];
    }),
    { name: 'welcome card', view: welcomeView(lang) },
    { name: 'help card (welcome kind)', view: helpView(lang) },
    { name: 'fallback card', view: fallbackView(lang) },
    { name: 'hand-off card (fallback kind)', view: handoffUnavailableView(lang) },
    { name: `clarify card offering ${clarifyCandidates(sent).join(', ')}`, view: clarifyView(clarifyCandidates(sent), lang) },
  ]).map(({ name, view }) => ({ name: `${name}, in ${view.data.lang}`, view }));
}

/**
 * What a sent card is, as a scenario would say it, or undefined when the bot could not have built it. Some
 * views render the same card (a "helpful: yes" feedback card does not name its topic): all of them are named.
 */
export function identifyCard(card: AdaptiveCardJson, facts: PartnerFacts): string | undefined {
  const names = candidates(facts, card)
    .filter(({ view }) => isDeepStrictEqual(JSON.parse(JSON.stringify(renderView(view))), card))
    .map(({ name }) => name);
  if (names.length <= 1) return names[0];
  return names.length <= 3 ? `one of: ${names.join(' | ')}` : `${names[0]} (or any of ${names.length - 1} other views that render this same card)`;
}
