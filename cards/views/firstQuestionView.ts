/**
 * The card a typed question gets when it opens a conversation (nothing asked before it), composed as the
 * dialogs compose it: a topic's decision led by the sentences that answer the question, the article's own
 * sentences for a question no topic names, or the conversation's own cards. `npm run answer` and the detail
 * evaluation read the bot's answers through this one function.
 */
import type { CardView } from '../cardData';
import type { Classification } from '../../src/nlu/classifier';
import { isTopic } from '../../src/nlu/intents';
import { outOfScopeSegments, topicQuestionSegments, type Retriever } from '../../src/nlu/retrieval';
import { decide } from '../../src/rules/decide';
import type { PartnerFacts } from '../../src/rules/facts';
import { articleAnswerView } from './articleAnswerView';
import { decisionView } from './decisionView';
import { viewFor } from './viewFor';

export function firstQuestionView(
  text: string,
  classification: Classification,
  facts: PartnerFacts,
  retriever: Retriever,
): CardView {
  const { intent, lang } = classification;
  if (isTopic(intent))
    return decisionView(
      decide(intent, facts),
      facts,
      lang,
      topicQuestionSegments(retriever, text, classification, intent, lang),
    );
  if (intent === 'out_of_scope') {
    const retrieved = outOfScopeSegments(retriever, text, classification);
    if (retrieved.length) return articleAnswerView(retrieved, lang);
  }
  return viewFor(intent, facts, lang);
}
