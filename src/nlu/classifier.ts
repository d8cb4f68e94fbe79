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

export function createClassifier(model: NluModel): Classifier {
  const languages = compileLanguageModel(model.language);
  const intents = new IntentScorer(model.intents);
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
      const probabilities = softmax(scores.logits, temperature);
      const decision = decideIntent(probabilities, scores.knownShare, rejection);
      const portal = matchPortalMessageForm(form);
      const intent = portal?.intent ?? decision.intent;
      const confidence = portal ? Math.max(decision.ranking.find((r) => r.intent === intent)?.confidence ?? 0, 0.9 + 0.1 * Math.min(1, portal.coverage)) : decision.confidence;
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
