/**
 * Reads the answer to a question card from what the user typed instead of clicking: a fact named in the text
 * ("we are gold"), a choice's number ("2") or label ("Gold competency"), a word that only one label has
 * ("Gold"), or a short reply starting with an answer word from content/nlu/answers.json ("нет, для себя").
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { FACT_VALUES, isFactName, isFactValue, type FactName, type FactValue, type PartnerFacts } from '../rules/facts';
import { wordsOf as words } from './replyWords';

const MAX_SHORT_REPLY_WORDS = 6;

type AnswerWords = Partial<Record<FactName, Record<string, string[]>>>;

function loadAnswerWords(): { fact: FactName; value: string; phrase: string }[] {
  const file = JSON.parse(readFileSync(contentPath('nlu', 'answers.json'), 'utf8')) as AnswerWords & {
    $comment?: string;
  };
  return Object.entries(file).flatMap(([fact, values]) => {
    if (typeof values === 'string') return [];
    if (!isFactName(fact)) throw new Error(`content/nlu/answers.json: "${fact}" is not a fact name`);
    return Object.entries(values).flatMap(([value, phrases]) => {
      if (!isFactValue(fact, value)) throw new Error(`content/nlu/answers.json: "${value}" is not a value of ${fact}`);
      return phrases.map((phrase) => ({ fact, value, phrase: words(phrase) }));
    });
  });
}

let answerWords: ReturnType<typeof loadAnswerWords> | undefined;

export function factAnswer<F extends FactName>(
  fact: F,
  text: string,
  entities: PartnerFacts,
  lang: Lang,
): FactValue<F> | undefined {
  const named = entities[fact];
  if (named) return named;
  const values = FACT_VALUES[fact] as readonly FactValue<F>[];
  const typed = words(text);
  const number = Number(typed);
  if (Number.isInteger(number) && number >= 1 && number <= values.length) return values[number - 1];

  const labels = values.map((value) => ({ value, words: words(t(lang, `fact.${fact}.${value}`)).split(' ') }));
  const exact = labels.find((label) => label.words.join(' ') === typed);
  if (exact) return exact.value;
  const owners = labels.filter(
    (label) => label.words.includes(typed) && labels.every((other) => other === label || !other.words.includes(typed)),
  );
  if (owners.length === 1) return owners[0]?.value;

  const replyWords = typed.split(' ');
  if (replyWords.length > MAX_SHORT_REPLY_WORDS) return undefined;
  answerWords ??= loadAnswerWords();
  const padded = `${typed} `;
  const match = answerWords.find((a) => a.fact === fact && (typed === a.phrase || padded.startsWith(`${a.phrase} `)));
  return match?.value as FactValue<F> | undefined;
}
