/** The training and development utterances in content/nlu/{train,dev}/<lang>.json, as labelled examples. */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { LANGS, type Lang } from '../i18n/locales';
import { INTENTS, isIntent, type Intent } from './intents';

export type DataSplit = 'train' | 'dev';

export interface Utterance {
  text: string;
  intent: Intent;
  lang: Lang;
}

/** One split's file for one language, exactly as written: label → utterances. */
export function readUtteranceFile(split: DataSplit, lang: Lang): Record<string, string[]> {
  return JSON.parse(readFileSync(contentPath('nlu', split, `${lang}.json`), 'utf8')) as Record<string, string[]>;
}

/** Every utterance of a split, all languages, in file order; an unknown label is an error. */
export function readUtterances(split: DataSplit, langs: readonly Lang[] = LANGS): Utterance[] {
  return langs.flatMap((lang) =>
    Object.entries(readUtteranceFile(split, lang)).flatMap(([label, texts]) => {
      if (!isIntent(label)) throw new Error(`content/nlu/${split}/${lang}.json: "${label}" is not one of ${INTENTS.join(', ')}`);
      return texts.map((text) => ({ text, intent: label, lang }));
    }),
  );
}
