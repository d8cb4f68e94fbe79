/**
 * The card for a rules decision: the entitlement table, a question when a fact is missing, or an answer
 * quoting the article's sentences in the partner's language. When the question's own answering sentences were
 * retrieved, every card leads with them, and an answer folds the rest of the section behind "Show the whole
 * section".
 */
import type { CardView, QuotedPassage } from '../cardData';
import { CARD_ACTIONS } from '../verbs';
import type { Lang } from '../../src/i18n/locales';
import { hasString, t } from '../../src/i18n/strings';
import type { RetrievedSegment } from '../../src/nlu/retrieval';
import type { Decision } from '../../src/rules/decision';
import { factsReadBy } from '../../src/rules/decide';
import { FACT_VALUES, type FactName, type PartnerFacts } from '../../src/rules/facts';
import { answerBlocks } from './answerBlocks';
import { plain, sectionHeading, sourceLink } from './articleText';
import { feedbackFor, handoffButton, portalLinks } from './buttons';
import { entitlementView } from './entitlementView';
import { knownFacts } from './knownFacts';
import { quotedSentences } from './quotedSentences';

/**
 * @param retrieved the segments that answer the question asked (src/nlu/retrieval), best first; none for a topic's own question.
 * @param supposed the facts that hold for this answer only (a hypothetical follow-up's), not the partner's own.
 */
export function decisionView(
  decision: Decision,
  facts: PartnerFacts,
  lang: Lang,
  retrieved: readonly RetrievedSegment[] = [],
  supposed: readonly FactName[] = [],
): CardView {
  const quoted = quotedSentences(retrieved, lang);
  if (decision.ask) return questionView(decision, decision.ask, lang, quoted);
  if (decision.topic === 'entitlement') return entitlementView(decision, facts, lang, quoted, supposed);
  const first = decision.cites[0] ?? 0;
  const leadKey = `outcome.${decision.topic}.${decision.outcome}`;
  return {
    kind: 'answer',
    data: {
      lang,
      title: sectionHeading(first, lang),
      quoted,
      lead: hasString(leadKey) ? t(lang, leadKey) : '',
      blocks: answerBlocks(decision.cites, lang),
      foldTitle: quoted.length ? t(lang, 'card.show_whole_section') : '',
      facts: knownFacts(factsReadBy(decision.topic), facts, lang),
      source: sourceLink(first, lang),
      links: portalLinks(decision.portals, lang),
      followUps: [handoffButton(lang)],
      feedback: feedbackFor(decision.topic, lang),
    },
  };
}

/** The question for a missing fact, its context led by the sentences that answer what was asked. */
function questionView(decision: Decision, fact: FactName, lang: Lang, quoted: readonly QuotedPassage[]): CardView {
  return {
    kind: 'question',
    data: {
      lang,
      title: t(lang, 'card.to_be_precise'),
      context: [
        ...quoted.map(({ sentences, cite }) => ({
          text: `${sentences.map((s) => s.text).join(' ')} [${cite.title}](${cite.url})`,
        })),
        ...answerBlocks(decision.cites, lang).map(({ text }) => ({ text })),
      ],
      question: t(lang, `fact.${fact}.question`),
      choices: FACT_VALUES[fact].map((value) => ({
        title: plain(t(lang, `fact.${fact}.${value}`)),
        data: { action: CARD_ACTIONS.fact, fact, value, intent: decision.topic },
      })),
      followUps: [handoffButton(lang)],
    },
  };
}
