/** "Did you mean…": the closest topics as buttons when the classifier is not sure. */
import type { CardView } from '../cardData';
import { CARD_ACTIONS } from '../verbs';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { handoffButton, topicButton, type SuggestedIntent } from './buttons';

export function clarifyView(candidates: readonly SuggestedIntent[], lang: Lang): CardView {
  return {
    kind: 'clarify',
    data: {
      lang,
      title: t(lang, 'clarify.title'),
      text: t(lang, 'clarify.text'),
      candidates: candidates.map((intent) => topicButton(intent, lang)),
      followUps: [
        { title: t(lang, 'clarify.none'), data: { action: CARD_ACTIONS.help } },
        ...(candidates.includes('human_handoff') ? [] : [handoffButton(lang)]),
      ],
    },
  };
}
