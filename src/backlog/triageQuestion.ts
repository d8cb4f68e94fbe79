/** One backlog question triaged: intent, confidence, language, route, the article section, redacted text. */
import { articleUrl } from '../../cards/views/articleText';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Classifier } from '../nlu/classifier';
import { isTopic } from '../nlu/intents';
import { redact } from '../privacy/redact';
import { decide } from '../rules/decide';
import type { Route } from '../rules/requestRoute';
import type { LanguageHints } from '../nlu/languageId';
import { routeOf } from './routeOf';

export interface TriagedQuestion {
  text: string;
  intent: string;
  confidence: number;
  lang: string;
  route: Route;
  section: string;
}

export function triageQuestion(classifier: Classifier, text: string, hints: LanguageHints = {}): TriagedQuestion {
  const { intent, confidence, lang, entities } = classifier.classify(text, hints);
  const anchor = isTopic(intent) ? knowledgeBase().segments[decide(intent, entities).cites[0] ?? 0]?.anchor : undefined;
  return {
    text: redact(text),
    intent,
    confidence,
    lang,
    route: routeOf(intent, entities),
    section: anchor ? articleUrl(lang, anchor) : '',
  };
}
