/** The partner facts an answer rests on, as labelled facts a card shows ("Membership: Gold competency"). */
import type { Fact } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import type { FactName, PartnerFacts } from '../../src/rules/facts';

export function knownFacts(names: readonly FactName[], facts: PartnerFacts, lang: Lang): Fact[] {
  return names.flatMap((name) => {
    const value = facts[name];
    return value ? [{ title: t(lang, `fact.${name}.label`), value: t(lang, `fact.${name}.${value}`) }] : [];
  });
}
