/** What a partner who asks for a person is told while no support desk is connected to the bot. */
import type { CardView } from '../../cards/cardData';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';

export function handoffUnavailableView(lang: Lang): CardView {
  return {
    kind: 'fallback',
    data: {
      locale: LOCALE_OF[lang],
      title: t(lang, 'handoff.title'),
      text: t(lang, 'handoff.unavailable'),
      suggestions: [],
      personText: '',
      followUps: [],
    },
  };
}
