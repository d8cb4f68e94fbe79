/** The trained NLU as one serializable object: language model, intent model and its rejection thresholds. */
import type { LanguageModel } from './languageId';
import type { PreparedWords } from './preparedWords';
import type { SoftmaxModel } from './softmaxModel';

export interface RejectionThresholds {
  /** Below this calibrated probability the top in-scope intent is rejected. */
  minConfidence: number;
  /** Below this gap between the first and second intent the question is rejected. */
  minMargin: number;
  /** Below this share of known words the question is rejected (it speaks of things the model never saw). */
  minKnownShare: number;
}

export interface NluModel {
  featureVersion: number;
  /** A hash of the data the model was trained on; a model trained on other data is refused. */
  dataHash: string;
  trainedAt: string;
  language: LanguageModel;
  intents: SoftmaxModel;
  /** The training texts' words with their stems, so the classifier need not stem them again. */
  words: PreparedWords;
  rejection: RejectionThresholds;
  /** What cross-validation on the training data measured when the thresholds were chosen. */
  calibration: { folds: number; outOfScopeRecall: number; inScopeRejected: number; accuracy: number };
}
