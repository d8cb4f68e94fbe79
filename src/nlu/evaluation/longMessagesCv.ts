/**
 * The tuning measure for long messages: 5-fold cross-validation over the training set, scored on the held-out
 * training lines of LONG_MESSAGE_WORDS words or more (stories, pasted portal text). Tuning the handling of long
 * messages looks at this, never at content/nlu/dev/messages. Each fold's intent model keeps the full model's
 * temperature and thresholds (choosing them again per fold would multiply the training time by six).
 */
import { createClassifier } from '../classifier';
import { features } from '../features';
import { INTENTS } from '../intents';
import { loadNluModel } from '../modelStore';
import { trainSoftmax } from '../softmaxModel';
import type { Utterance } from '../utterances';
import { evaluateEach, type EvaluationReport } from './evaluate';

const FOLDS = 5;
/** A training line this long counts as a long message. */
export const LONG_MESSAGE_WORDS = 15;

export const isLongMessage = (text: string): boolean =>
  (text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= LONG_MESSAGE_WORDS;

export function crossValidatedLongMessages(train: readonly Utterance[], questionWeight?: number): EvaluationReport {
  const full = loadNluModel();
  const examples = train.map((u) => ({ vector: features(u.text, u.lang), label: u.intent }));
  const classifiers = Array.from({ length: FOLDS }, (_, fold) =>
    createClassifier(
      {
        ...full,
        intents: {
          ...trainSoftmax(
            examples.filter((_, i) => i % FOLDS !== fold),
            INTENTS,
          ),
          temperature: full.intents.temperature,
        },
      },
      questionWeight,
    ),
  );
  const held = train.map((u, i) => ({ u, fold: i % FOLDS })).filter(({ u }) => isLongMessage(u.text));
  const foldOf = new Map(held.map(({ u, fold }) => [u, fold]));
  return evaluateEach(
    held.map(({ u }) => u),
    (u) => {
      const classifier = classifiers[foldOf.get(u) ?? -1];
      if (!classifier) throw new Error(`no fold holds out "${u.text}"`);
      return classifier.classify(u.text);
    },
  );
}
