/** The offer of a person: what handing over means, and the button that starts it. */
import type { CardView } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { handoffButton } from './buttons';

/** @param afterMisses the bot could not answer the last two questions, and says so first */
export function handoffOfferView(lang: Lang, afterMisses = false): CardView {
  const offer = t(lang, 'handoff.offer');
  return {
    kind: 'fallback',
    data: {
      lang,
      title: t(lang, 'handoff.title'),
      text: afterMisses ? `${t(lang, 'conversation.after_misses')} ${offer}` : offer,
      suggestions: [],
      personText: '',
      followUps: [handoffButton(lang)],
    },
  };
}
