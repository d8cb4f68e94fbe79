/**
 * Reads the answer to a question card from what the user typed instead of clicking: a fact named in the text
 * ("we are gold"), a choice's label ("Gold competency", "Gold"), or its number ("2").
 */
import { plain } from '../answers/articleText';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { matchForm } from '../nlu/normalize';
import { FACT_VALUES, type FactName, type FactValue, type PartnerFacts } from '../rules/facts';

function words(text: string): string {
  return matchForm(plain(text)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function factAnswer<F extends FactName>(fact: F, text: string, entities: PartnerFacts, lang: Lang): FactValue<F> | undefined {
  const named = entities[fact];
  if (named) return named as FactValue<F>;
  const values = FACT_VALUES[fact] as readonly FactValue<F>[];
  const typed = words(text);
  const number = Number(typed);
  if (Number.isInteger(number) && number >= 1 && number <= values.length) return values[number - 1];
  const labels = values.map((value) => ({ value, label: words(t(lang, `fact.${fact}.${value}`)) }));
  const exact = labels.find(({ label }) => label === typed);
  if (exact) return exact.value;
  const firstWord = (label: string) => label.split(' ')[0] ?? '';
  const byFirstWord = labels.filter(({ label }) => firstWord(label) === typed);
  return byFirstWord.length === 1 ? byFirstWord[0]?.value : undefined;
}
