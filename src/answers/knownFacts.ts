/** The partner facts an answer rests on, as labelled facts a card shows ("Membership: Gold competency"). */
import type { Fact } from '../../cards/cardData';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import type { FactName, PartnerFacts } from '../rules/facts';

export function knownFacts(names: readonly FactName[], facts: PartnerFacts, lang: Lang): Fact[] {
  return names.flatMap((name) => {
    const value = facts[name];
    return value ? [{ title: t(lang, `fact.${name}.label`), value: t(lang, `fact.${name}.${value}`) }] : [];
  });
}
