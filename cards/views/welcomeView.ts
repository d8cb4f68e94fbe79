/** The welcome card (on install and for a greeting) and the help card: what the bot does, topics, languages. */
import type { CardView } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { languageButtons, topicButton } from './buttons';

/** The topics a welcome card suggests, most asked first (Teams shows at most six buttons in a row of actions). */
const WELCOME_SUGGESTIONS = [
  'activate_benefits',
  'entitlement',
  'remaining_incidents',
  'cloud_support_request',
] as const;
/** The help card's topics: those its text names that a button helps most with. */
export const HELP_SUGGESTIONS = [
  'activate_benefits',
  'entitlement',
  'remaining_incidents',
  'onprem_support_request',
  'cloud_support_request',
  'access_id_already_associated',
] as const;

export function welcomeView(lang: Lang): CardView {
  return {
    kind: 'welcome',
    data: {
      lang,
      title: t(lang, 'welcome.title'),
      intro: t(lang, 'welcome.intro'),
      commands: '',
      suggestionsTitle: t(lang, 'welcome.try'),
      suggestions: WELCOME_SUGGESTIONS.map((intent) => topicButton(intent, lang)),
      languageTitle: t(lang, 'welcome.language'),
      languages: languageButtons(),
    },
  };
}

export function helpView(lang: Lang): CardView {
  return {
    kind: 'welcome',
    data: {
      lang,
      title: t(lang, 'help.title'),
      intro: t(lang, 'help.intro'),
      commands: t(lang, 'help.commands'),
      suggestionsTitle: t(lang, 'welcome.try'),
      suggestions: HELP_SUGGESTIONS.map((intent) => topicButton(intent, lang)),
      languageTitle: t(lang, 'welcome.language'),
      languages: languageButtons(),
    },
  };
}
