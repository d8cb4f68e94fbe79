/** The out-of-scope answer: what the bot can help with, suggested questions, and the offer of a person. */
import type { CardView } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { handoffButton, topicButton } from './buttons';

const FALLBACK_SUGGESTIONS = [
  'entitlement',
  'activate_benefits',
  'remaining_incidents',
  'onprem_support_request',
  'paid_support_plans',
] as const;

export function fallbackView(lang: Lang): CardView {
  return {
    kind: 'fallback',
    data: {
      lang,
      title: t(lang, 'fallback.title'),
      text: t(lang, 'fallback.text'),
      suggestions: FALLBACK_SUGGESTIONS.map((intent) => topicButton(intent, lang)),
      personText: t(lang, 'fallback.person'),
      followUps: [handoffButton(lang)],
    },
  };
}
