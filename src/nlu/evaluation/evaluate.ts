/**
 * Evaluates the classifier on labelled utterances: accuracy and macro-F1 per language and overall, per-label
 * precision and recall, out-of-scope precision and recall, in-scope questions wrongly rejected, mistakes made
 * with high confidence, language-id accuracy, and latency.
 */
import { LANGS, type Lang } from '../../i18n/locales';
import type { Classification, Classifier } from '../classifier';
import { INTENTS } from '../intents';
import type { Utterance } from '../utterances';
import { confusion, labelScores, macroF1, percentile, type Confusion, type LabelScores } from './metrics';

export interface SliceReport {
  count: number;
  accuracy: number;
  inScopeAccuracy: number;
  macroF1: number;
  outOfScopePrecision: number;
  outOfScopeRecall: number;
  /** Share of in-scope questions answered "out of scope". */
  inScopeRejected: number;
  /** Share of questions given a wrong intent with a confidence of HIGH_CONFIDENCE or more. */
  highConfidenceMistakes: number;
  languageAccuracy: number;
  labels: LabelScores[];
  confusion: Confusion;
}

export interface EvaluationReport {
  overall: SliceReport;
  byLang: Record<Lang, SliceReport>;
  latencyMicros: { p50: number; p99: number };
  errors: { lang: Lang; expected: string; predicted: string; confidence: number; text: string }[];
}

/** A wrong intent at this confidence or more is a high-confidence mistake (the bot answers it without a doubt). */
export const HIGH_CONFIDENCE = 0.8;

interface Outcome {
  utterance: Utterance;
  intent: string;
  confidence: number;
  lang: Lang;
}

function slice(outcomes: readonly Outcome[]): SliceReport {
  const matrix = confusion(
    outcomes.map((o) => ({ expected: o.utterance.intent, predicted: o.intent })),
    INTENTS,
  );
  const labels = labelScores(matrix);
  const oos = labels.find((l) => l.label === 'out_of_scope');
  const inScope = outcomes.filter((o) => o.utterance.intent !== 'out_of_scope');
  const share = (items: readonly Outcome[], test: (o: Outcome) => boolean) =>
    items.length ? items.filter(test).length / items.length : 0;
  return {
    count: outcomes.length,
    accuracy: share(outcomes, (o) => o.intent === o.utterance.intent),
    inScopeAccuracy: share(inScope, (o) => o.intent === o.utterance.intent),
    macroF1: macroF1(labels),
    outOfScopePrecision: oos?.precision ?? 0,
    outOfScopeRecall: oos?.recall ?? 0,
    inScopeRejected: share(inScope, (o) => o.intent === 'out_of_scope'),
    highConfidenceMistakes: share(outcomes, (o) => o.intent !== o.utterance.intent && o.confidence >= HIGH_CONFIDENCE),
    languageAccuracy: share(outcomes, (o) => o.lang === o.utterance.lang),
    labels,
    confusion: matrix,
  };
}

export function evaluate(classifier: Classifier, utterances: readonly Utterance[]): EvaluationReport {
  return evaluateEach(utterances, (utterance) => classifier.classify(utterance.text));
}

/** Evaluates each utterance with its own classification (cross-validation gives each fold its own model). */
export function evaluateEach(
  utterances: readonly Utterance[],
  classify: (utterance: Utterance) => Classification,
): EvaluationReport {
  const latencies: number[] = [];
  const outcomes: Outcome[] = utterances.map((utterance) => {
    const started = process.hrtime.bigint();
    const result = classify(utterance);
    latencies.push(Number(process.hrtime.bigint() - started) / 1000);
    return { utterance, intent: result.intent, confidence: result.confidence, lang: result.lang };
  });
  return {
    overall: slice(outcomes),
    byLang: Object.fromEntries(
      LANGS.map((lang) => [lang, slice(outcomes.filter((o) => o.utterance.lang === lang))]),
    ) as Record<Lang, SliceReport>,
    latencyMicros: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    errors: outcomes
      .filter((o) => o.intent !== o.utterance.intent)
      .map((o) => ({
        lang: o.utterance.lang,
        expected: o.utterance.intent,
        predicted: o.intent,
        confidence: o.confidence,
        text: o.utterance.text,
      })),
  };
}
