/**
 * The labelled utterances: training (content/nlu/train), the short-question development set (content/nlu/dev) and
 * the development set of long, real-style messages (content/nlu/dev/messages), one file per language.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { LANGS, type Lang } from '../i18n/locales';
import { INTENTS, isIntent, type Intent } from './intents';

export type DataSplit = 'train' | 'dev' | 'dev-messages';

/** The folder of each split under content/nlu. */
const FOLDERS: Record<DataSplit, string[]> = { train: ['train'], dev: ['dev'], 'dev-messages': ['dev', 'messages'] };

export interface Utterance {
  text: string;
  intent: Intent;
  lang: Lang;
}

/** One split's file for one language, exactly as written: label → utterances. */
export function readUtteranceFile(split: DataSplit, lang: Lang): Record<string, string[]> {
  return JSON.parse(readFileSync(contentPath('nlu', ...FOLDERS[split], `${lang}.json`), 'utf8')) as Record<
    string,
    string[]
  >;
}

/** Every utterance of a split, all languages, in file order; an unknown label is an error. */
export function readUtterances(split: DataSplit, langs: readonly Lang[] = LANGS): Utterance[] {
  return langs.flatMap((lang) =>
    Object.entries(readUtteranceFile(split, lang)).flatMap(([label, texts]) => {
      if (!isIntent(label))
        throw new Error(`content/nlu/${splitPath(split, lang)}: "${label}" is not one of ${INTENTS.join(', ')}`);
      return texts.map((text) => ({ text, intent: label, lang }));
    }),
  );
}

/** A split's file for one language, relative to content/nlu: `splitPath('dev-messages', 'fr')` is `dev/messages/fr.json`. */
export function splitPath(split: DataSplit, lang: Lang): string {
  return [...FOLDERS[split], `${lang}.json`].join('/');
}
