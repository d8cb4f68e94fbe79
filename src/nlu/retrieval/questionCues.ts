/**
 * Question words and the words an answering sentence uses for them, per language (content/nlu/retrieval-cues.json):
 * "where" is answered by "displayed", "select", "page"; "how long" by "until", "expire". The retriever adds
 * them to a question at a lower weight, so the sentence that answers the kind of question asked ranks first.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../../contentPath';
import { LANGS, type Lang } from '../../i18n/locales';
import { matchForm } from '../normalize';

export type QuestionCues = Record<Lang, { cue: RegExp; words: string[] }[]>;

export function readQuestionCues(file = contentPath('nlu', 'retrieval-cues.json')): QuestionCues {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string[]>>;
  return Object.fromEntries(
    LANGS.map((lang) => {
      const cues = data[lang];
      if (!cues) throw new Error(`${file}: no cues for "${lang}"`);
      // Whole words, or the start of a word for a stem such as "encontr".
      return [
        lang,
        Object.entries(cues).map(([cue, words]) => ({
          cue: new RegExp(`(?<![\\p{L}\\p{N}])${matchForm(cue)}`, 'u'),
          words,
        })),
      ];
    }),
  ) as QuestionCues;
}

/** The answer words a question's cues call for, as one text. */
export function cueWordsOf(cues: QuestionCues, question: string, lang: Lang): string {
  const form = matchForm(question);
  return cues[lang]
    .filter(({ cue }) => cue.test(form))
    .flatMap(({ words }) => words)
    .join(' ');
}
