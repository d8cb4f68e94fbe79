/** The welcome card (on install and for a greeting) and the help card: what the bot does, topics, languages. */
import type { CardView } from '../../cards/cardData';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { TOPICS } from '../rules/decision';
import { exampleButton, languageButtons, topicButton } from './buttons';

/** The topics a welcome card suggests, most asked first. */
const WELCOME_SUGGESTIONS = ['activate_benefits', 'entitlement', 'remaining_incidents', 'cloud_support_request'] as const;

export function welcomeView(lang: Lang): CardView {
  return {
    kind: 'welcome',
    data: {
      locale: LOCALE_OF[lang],
      title: t(lang, 'welcome.title'),
      intro: t(lang, 'welcome.intro'),
      commands: '',
      suggestionsTitle: t(lang, 'welcome.try'),
      suggestions: WELCOME_SUGGESTIONS.map((intent) => exampleButton(intent, lang)),
      languageTitle: t(lang, 'welcome.language'),
      languages: languageButtons(),
    },
  };
}

export function helpView(lang: Lang): CardView {
  return {
    kind: 'welcome',
    data: {
      locale: LOCALE_OF[lang],
      title: t(lang, 'help.title'),
      intro: t(lang, 'help.intro'),
      commands: t(lang, 'help.commands'),
      suggestionsTitle: t(lang, 'welcome.try'),
      suggestions: [...TOPICS.map((intent) => topicButton(intent, lang)), topicButton('human_handoff', lang)],
      languageTitle: t(lang, 'welcome.language'),
      languages: languageButtons(),
    },
  };
}
