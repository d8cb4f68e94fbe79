/**
 * The card for a rules decision: the entitlement table, a question when a fact is missing, or an answer
 * quoting the article's sentences in the partner's language.
 */
import type { CardView } from '../../cards/cardData';
import { CARD_ACTIONS } from '../../dialogs/ids';
import type { Lang } from '../i18n/locales';
import { hasString, t } from '../i18n/strings';
import type { Decision } from '../rules/decision';
import { factsReadBy } from '../rules/decide';
import { FACT_VALUES, type FactName, type PartnerFacts } from '../rules/facts';
import { answerBlocks } from './answerBlocks';
import { plain, sectionHeading, sourceLink } from './articleText';
import { feedbackFor, handoffButton, portalLinks } from './buttons';
import { entitlementView } from './entitlementView';
import { knownFacts } from './knownFacts';

export function decisionView(decision: Decision, facts: PartnerFacts, lang: Lang): CardView {
  if (decision.ask) return questionView(decision, decision.ask, lang);
  if (decision.topic === 'entitlement') return entitlementView(decision, facts, lang);
  const first = decision.cites[0] ?? 0;
  const leadKey = `outcome.${decision.topic}.${decision.outcome}`;
  return {
    kind: 'answer',
    data: {
      lang,
      title: sectionHeading(first, lang),
      lead: hasString(leadKey) ? t(lang, leadKey) : '',
      blocks: answerBlocks(decision.cites, lang),
      facts: knownFacts(factsReadBy(decision.topic), facts, lang),
      source: sourceLink(first, lang),
      links: portalLinks(decision.portals, lang),
      followUps: [handoffButton(lang)],
      feedback: feedbackFor(decision.topic, lang),
    },
  };
}

function questionView(decision: Decision, fact: FactName, lang: Lang): CardView {
  return {
    kind: 'question',
    data: {
      lang,
      title: t(lang, 'card.to_be_precise'),
      context: answerBlocks(decision.cites, lang).map(({ text }) => ({ text })),
      question: t(lang, `fact.${fact}.question`),
      choices: FACT_VALUES[fact].map((value) => ({
        title: plain(t(lang, `fact.${fact}.${value}`)),
        data: { action: CARD_ACTIONS.fact, fact, value, intent: decision.topic },
      })),
      followUps: [handoffButton(lang)],
    },
  };
}
