/**
 * The question classifier: language, portal messages, intent with calibrated confidence and out-of-scope
 * rejection, and the partner facts the question names. This is the whole NLU as the product uses it.
 */
import type { Lang } from '../i18n/locales';
import { extractEntitiesFromForm } from './entities';
import type { Intent } from './intents';
import { IntentScorer } from './intentScorer';
import { compileLanguageModel, identifyNormalizedLanguage, type LanguageHints } from './languageId';
import { loadNluModel } from './modelStore';
import { foldNormalized, normalizeText } from './normalize';
import type { NluModel } from './nluModel';
import { matchPortalMessageForm } from './portalMessageMatcher';
import { questionSentence } from './questionSentence';
import { decideIntent } from './rejection';
import { softmax } from './softmaxModel';
import type { PartnerFacts } from '../rules/facts';

export interface Classification {
  intent: Intent;
  confidence: number;
  lang: Lang;
  entities: PartnerFacts;
  /** The runner-up intents, best first (the chosen one is not repeated). */
  alternatives: { intent: Intent; confidence: number }[];
  /** How the intent was reached ('command': a Teams command-menu title, set by the bot). */
  by: 'portal_message' | 'model' | 'rejected' | 'command';
}

const ALTERNATIVES = 3;
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Classifier {
  classify(text: string, hints?: LanguageHints): Classification;
}

/**
 * How much the question sentence of a long message counts beside the whole message. Chosen by 5-fold
 * cross-validation on the long training lines (0, 0.25, 0.4, 0.5, 0.6 tried): 0.25 keeps accuracy and
 * rejections and makes the fewest confident mistakes; 0.5 and more reject in-scope stories.
 */
export const QUESTION_WEIGHT = 0.25;

export function createClassifier(model: NluModel, questionWeight = QUESTION_WEIGHT): Classifier {
  const languages = compileLanguageModel(model.language);
  const intents = new IntentScorer(model.intents, model.words);
  // Only these two are read per question: the model's JSON (vocabulary, weights, n-gram counts) is not kept.
  const { temperature } = model.intents;
  const { rejection } = model;
  return {
    classify(text, hints = {}) {
      // Normalized once, folded once: every step below reads one of these two forms.
      const normalized = normalizeText(text);
      const form = foldNormalized(normalized);
      const language = identifyNormalizedLanguage(normalized, languages, hints);
      const scores = intents.score(normalized, language.lang);
      const whole = softmax(scores.logits, temperature);
      const question = questionWeight > 0 ? questionSentence(text) : undefined;
      const asked = question
        ? softmax(intents.score(normalizeText(question), language.lang).logits, temperature)
        : undefined;
      const probabilities = asked
        ? whole.map((p, i) => (1 - questionWeight) * p + questionWeight * (asked[i] ?? 0))
        : whole;
      const decision = decideIntent(probabilities, scores.knownShare, rejection);
      // A portal message inside a message the model itself calls out of scope (an API's or PowerShell's error
      // worded like the portal's) is that other product's message.
      const matched = matchPortalMessageForm(form);
      const portal =
        matched && !(decision.intent === 'out_of_scope' && !decision.rejectedBecause) ? matched : undefined;
      const intent = portal?.intent ?? decision.intent;
      const confidence = portal
        ? Math.max(
            decision.ranking.find((r) => r.intent === intent)?.confidence ?? 0,
            0.9 + 0.1 * Math.min(1, portal.coverage),
          )
        : decision.confidence;
      return {
        intent,
        confidence: round(confidence),
        lang: language.lang,
        entities: extractEntitiesFromForm(form),
        alternatives: decision.ranking
          .filter((r) => r.intent !== intent)
          .slice(0, ALTERNATIVES)
          .map((r) => ({ intent: r.intent, confidence: round(r.confidence) })),
        by: portal ? 'portal_message' : decision.rejectedBecause ? 'rejected' : 'model',
      };
    },
  };
}

let shared: Classifier | undefined;

/** The product's classifier, from the trained model in generated/ (loaded once). */
export function classifier(): Classifier {
  shared ??= createClassifier(loadNluModel());
  return shared;
}
