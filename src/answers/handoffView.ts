/** What a partner who asks for a person is told while no support desk is connected to the bot. */
import type { CardView } from '../../cards/cardData';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { CARD_ACTIONS } from '../../dialogs/ids';

export function handoffUnavailableView(lang: Lang): CardView {
  return {
    kind: 'fallback',
    data: {
      lang,
      title: t(lang, 'handoff.title'),
      text: t(lang, 'handoff.unavailable'),
      suggestions: [],
      personText: '',
      followUps: [{ title: t(lang, 'help.button'), data: { action: CARD_ACTIONS.help } }],
    },
  };
}
