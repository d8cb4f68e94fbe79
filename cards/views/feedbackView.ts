/** The reply to "Was this helpful?": thanks, and after a "No" a box for what was missing and a person. */
import type { CardView } from '../cardData';
import { CARD_ACTIONS, FEEDBACK_COMMENT_INPUT } from '../verbs';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { handoffButton } from './buttons';

export function feedbackView(helpful: boolean, intent: string, lang: Lang): CardView {
  return {
    kind: 'feedback',
    data: {
      lang,
      text: t(lang, helpful ? 'feedback.thanks' : 'feedback.sorry'),
      comment: {
        show: !helpful,
        inputId: FEEDBACK_COMMENT_INPUT,
        label: t(lang, 'feedback.comment_label'),
        placeholder: t(lang, 'feedback.comment_placeholder'),
        send: t(lang, 'feedback.send'),
        data: { action: CARD_ACTIONS.feedbackComment, intent, lang },
      },
      followUps: helpful ? [] : [handoffButton(lang)],
    },
  };
}
