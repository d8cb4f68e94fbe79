/**
 * Builds the NLU model from the training utterances: the language model, the softmax intent model, and the
 * temperature and rejection thresholds chosen by cross-validation on the training data alone (the
 * development set stays unseen for evaluation).
 */
import { createHash } from 'node:crypto';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import { FEATURE_VERSION, features } from './features';
import { INTENTS } from './intents';
import { IntentScorer } from './intentScorer';
import { trainLanguageModel } from './languageId';
import type { NluModel, RejectionThresholds } from './nluModel';
import { normalizeText } from './normalize';
import { prepareWords } from './preparedWords';
import { decideIntent } from './rejection';
import { softmax, trainSoftmax, type SoftmaxModel } from './softmaxModel';
import type { Utterance } from './utterances';

const FOLDS = 5;
/** The most in-scope questions the thresholds may reject in cross-validation. */
const MAX_IN_SCOPE_REJECTED = 0.02;

export function dataHash(utterances: readonly Utterance[]): string {
  return createHash('sha256').update(JSON.stringify(utterances)).digest('hex').slice(0, 16);
}

interface Scored {
  intent: string;
  scores: number[];
  known: number;
}

export function trainNluModel(train: readonly Utterance[]): NluModel {
  const kb = knowledgeBase();
  const articleTexts = (lang: 'en' | 'pt' | 'fr') => Object.values(kb.segments).map((s) => s.text[lang]);
  const language = trainLanguageModel(
    Object.fromEntries(
      (['en', 'pt', 'fr'] as const).map((lang) => [
        lang,
        [...train.filter((u) => u.lang === lang).map((u) => u.text), ...articleTexts(lang)],
      ]),
    ),
  );

  const examples = train.map((u) => ({ vector: features(u.text, u.lang), label: u.intent }));
  // Each held-out question scored as the classifier scores it (IntentScorer gives the numbers of features() +
  // logits() + knownShare() to the bit: test/nlu/fastPath.test.ts).
  const scored: Scored[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const scorer = new IntentScorer(
      trainSoftmax(
        examples.filter((_, i) => i % FOLDS !== fold),
        INTENTS,
      ),
    );
    train.forEach((u, i) => {
      if (i % FOLDS !== fold) return;
      const { logits, knownShare } = scorer.score(normalizeText(u.text), u.lang);
      scored.push({ intent: u.intent, scores: logits, known: knownShare });
    });
  }
  const temperature = fitTemperature(scored);
  const { rejection, measured } = chooseThresholds(scored, temperature);

  const intents: SoftmaxModel = { ...trainSoftmax(examples, INTENTS), temperature };
  return {
    featureVersion: FEATURE_VERSION,
    dataHash: dataHash(train),
    trainedAt: new Date().toISOString(),
    language,
    intents,
    words: prepareWords(train),
    rejection,
    calibration: { folds: FOLDS, ...measured },
  };
}

/** The temperature that minimizes the negative log-likelihood of the held-out predictions. */
function fitTemperature(scored: readonly Scored[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let temperature = 0.2; temperature <= 4; temperature += 0.05) {
    let loss = 0;
    for (const { intent, scores } of scored)
      loss -= Math.log(softmax(scores, temperature)[INTENTS.indexOf(intent as never)] ?? 1e-12);
    if (loss < best.loss) best = { temperature: Math.round(temperature * 100) / 100, loss };
  }
  return best.temperature;
}

/** Thresholds that reject the most out-of-scope questions while rejecting few in-scope ones. */
function chooseThresholds(scored: readonly Scored[], temperature: number) {
  const inScope = scored.filter((s) => s.intent !== 'out_of_scope');
  const outOfScope = scored.filter((s) => s.intent === 'out_of_scope');
  let best:
    | {
        rejection: RejectionThresholds;
        measured: { outOfScopeRecall: number; inScopeRejected: number; accuracy: number };
        score: number;
      }
    | undefined;
  for (let minConfidence = 0; minConfidence <= 0.8; minConfidence += 0.025) {
    for (const minMargin of [0, 0.05, 0.1, 0.15, 0.2]) {
      for (const minKnownShare of [0, 0.2, 0.3, 0.4, 0.5]) {
        const rejection = { minConfidence: Math.round(minConfidence * 1000) / 1000, minMargin, minKnownShare };
        const decide = (s: Scored) => decideIntent(softmax(s.scores, temperature), s.known, rejection).intent;
        const rejected = inScope.filter((s) => decide(s) === 'out_of_scope').length / inScope.length;
        if (rejected > MAX_IN_SCOPE_REJECTED) continue;
        const recall = outOfScope.filter((s) => decide(s) === 'out_of_scope').length / outOfScope.length;
        const accuracy = inScope.filter((s) => decide(s) === s.intent).length / inScope.length;
        const score = recall + accuracy;
        if (!best || score > best.score)
          best = { rejection, measured: { outOfScopeRecall: recall, inScopeRejected: rejected, accuracy }, score };
      }
    }
  }
  if (!best) throw new Error('no rejection thresholds keep in-scope rejections under the limit');
  return best;
}
