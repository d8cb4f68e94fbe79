/**
 * The three classifiers the NLU benchmark compares on one train/dev split: ours, NLP.js (node-nlp, with its
 * own per-language pipelines) and a plain `natural` BayesClassifier over the same tokens and stems.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import { createClassifier } from '../../src/nlu/classifier';
import { identifyLanguage, type CompiledLanguageModel } from '../../src/nlu/languageId';
import { stem, tokenize } from '../../src/nlu/tokenize';
import { trainNluModel } from '../../src/nlu/trainNluModel';
import type { Utterance } from '../../src/nlu/utterances';
import type { Lang } from '../../src/i18n/locales';

export interface TrainedContender {
  classify(text: string): Promise<string> | string;
}

export interface Contender {
  name: string;
  train(train: readonly Utterance[], languages: CompiledLanguageModel): Promise<TrainedContender>;
}

export const ours: Contender = {
  name: 'ours',
  async train(train) {
    const classifier = createClassifier(trainNluModel(train));
    return { classify: (text) => classifier.classify(text).intent };
  },
};

export const naturalBayes: Contender = {
  name: 'natural BayesClassifier',
  async train(train, languages) {
    const bayes = new BayesClassifier();
    const tokens = (text: string, lang: Lang) => tokenize(text).map((token) => stem(token, lang));
    for (const u of train) bayes.addDocument(tokens(u.text, u.lang), u.intent);
    bayes.train();
    return { classify: (text) => bayes.classify(tokens(text, identifyLanguage(text, languages).lang)) };
  },
};

interface NlpJsManager {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string }>;
}

export const nlpJs: Contender = {
  name: 'NLP.js (node-nlp)',
  async train(train, languages) {
    // node-nlp is loaded only here: it is a benchmark contender, not a part of the product.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily; node-nlp ships no types
    const { NlpManager } = require('node-nlp') as { NlpManager: new (options: object) => NlpJsManager };
    const manager = new NlpManager({
      languages: ['en', 'ru', 'pt', 'fr'],
      forceNER: false,
      autoSave: false,
      autoLoad: false,
      nlu: { log: false },
    });
    for (const u of train) manager.addDocument(u.lang, u.text, u.intent);
    await manager.train();
    return {
      async classify(text) {
        const { intent } = await manager.process(identifyLanguage(text, languages).lang, text);
        return intent === 'None' ? 'out_of_scope' : intent;
      },
    };
  },
};
