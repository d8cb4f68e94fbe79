/**
 * The answer cards a typed search gets, composed as the bot composes its first answer (cards/views/
 * firstQuestionView): a topic's decision led by the sentences that answer the question, or the article's own
 * sentences for a question no topic names, then the other sections the retrieval found. A decision that would
 * ask a fact in a chat gives instead one card per case ("Gold: …", "Silver: …"): a message cannot ask.
 */
import type { CardView } from '../../cards/cardData';
import { articleAnswerView } from '../../cards/views/articleAnswerView';
import { plain, sectionHeading } from '../../cards/views/articleText';
import { decisionView } from '../../cards/views/decisionView';
import { viewForMessage } from '../../cards/views/messageView';
import { sectionView } from '../../cards/views/sectionView';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import type { Classification } from '../nlu/classifier';
import { isTopic } from '../nlu/intents';
import { outOfScopeSegments, topicQuestionSegments, type RetrievedSegment, type Retriever } from '../nlu/retrieval';
import { decide } from '../rules/decide';
import type { Topic } from '../rules/decision';
import { FACT_VALUES, type PartnerFacts } from '../rules/facts';

/** A card for a message, with what the result list says about it. */
export interface AnswerViewItem {
  view: CardView;
  /** The section the card answers from (the result's title). */
  title: string;
  /** The case the card answers for, when the topic depends on a fact the query did not give. */
  subtitle?: string;
  /** The sentences that answer, or the card's lead: the result's text. */
  text: string;
}

/**
 * The topic's answer for `facts`, led by `retrieved`; when the decision needs a fact, one answer per value of
 * that fact that decides the topic.
 */
export function topicAnswerItems(
  topic: Topic,
  facts: PartnerFacts,
  lang: Lang,
  retrieved: readonly RetrievedSegment[] = [],
): AnswerViewItem[] {
  const decision = decide(topic, facts);
  if (!decision.ask) return itemOf(decisionView(decision, facts, lang, retrieved));
  const fact = decision.ask;
  let undecided = false;
  const cases = (FACT_VALUES[fact] as readonly string[]).flatMap((value) => {
    const each = { ...facts, [fact]: value };
    const caseDecision = decide(topic, each);
    if (caseDecision.ask) {
      undecided = true;
      return [];
    }
    const subtitle = t(lang, 'messageExtension.case', {
      fact: t(lang, `fact.${fact}.label`),
      value: plain(t(lang, `fact.${fact}.${value}`)),
    });
    return itemOf(decisionView(caseDecision, each, lang, retrieved)).map((item) => ({ ...item, subtitle }));
  });
  // A case that needs yet another fact: the whole section answers it.
  const anchor = knowledgeBase().segments[decision.cites[0] ?? -1]?.anchor;
  return undecided && anchor ? [...cases, ...itemOf(sectionView(anchor, lang))] : cases;
}

/** The cards answering a classified query, best first; empty when the article does not answer it. */
export function queryAnswerItems(
  query: string,
  classification: Classification,
  retriever: Retriever,
): AnswerViewItem[] {
  const { intent, lang, entities } = classification;
  const items: AnswerViewItem[] = [];
  if (isTopic(intent))
    items.push(
      ...topicAnswerItems(
        intent,
        entities,
        lang,
        topicQuestionSegments(retriever, query, classification, intent, lang),
      ),
    );
  else if (intent === 'out_of_scope') {
    const retrieved = outOfScopeSegments(retriever, query, classification);
    const first = retrieved[0];
    if (first) items.push(...itemOf(articleAnswerView(retrieved, lang), sectionHeading(first.segment, lang)));
  }
  if (!items.length) return [];
  // Other sections that answer the query, each its own result.
  const shown = new Set(items.map((item) => item.title));
  const kb = knowledgeBase();
  const bySection = new Map<string, RetrievedSegment[]>();
  for (const found of retriever.retrieve(query, lang)) {
    const anchor = kb.segments[found.segment]?.anchor ?? '';
    bySection.set(anchor, [...(bySection.get(anchor) ?? []), found]);
  }
  for (const segments of bySection.values()) {
    const first = segments[0];
    if (!first || shown.has(sectionHeading(first.segment, lang))) continue;
    items.push(...itemOf(articleAnswerView(segments, lang), sectionHeading(first.segment, lang)));
  }
  return items;
}

/**
 * The view made for a message, titled by its card (or `title`, for the article's own sentences, whose card says
 * "The article says:"), its text what answers: the quoted sentences, or the lead and its figures.
 */
export function itemOf(view: CardView, title?: string): AnswerViewItem[] {
  const forMessage = viewForMessage(view);
  if (forMessage?.kind === 'answer') {
    const { data } = forMessage;
    const quoted = data.quoted.flatMap((passage) => passage.sentences.map((sentence) => sentence.text));
    const text = plain(
      (quoted.length ? quoted : [data.lead, ...data.blocks.map((block) => block.text)]).filter(Boolean).join(' '),
    );
    return [{ view: forMessage, title: title ?? data.title, text: text || data.title }];
  }
  if (forMessage?.kind === 'entitlement') {
    const { data } = forMessage;
    const figures = data.facts.length ? [data.lead, ...data.facts.map((fact) => `${fact.title}: ${fact.value}`)] : [];
    const quoted = data.quoted.flatMap((passage) => passage.sentences.map((sentence) => sentence.text));
    const text = plain((figures.length ? figures : quoted.length ? quoted : [data.intro]).filter(Boolean).join(' '));
    return [{ view: forMessage, title: title ?? data.title, text: text || data.title }];
  }
  return [];
}
