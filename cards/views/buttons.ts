/** The buttons many cards share: feedback, talk to a person, topic suggestions, languages, portals. */
import type { Button, Feedback, Link } from '../cardData';
import { CARD_ACTIONS } from '../verbs';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import type { Topic } from '../../src/rules/decision';
import type { PortalId } from '../../src/rules/portals';
import { portalUrl } from './articleText';

/** The intents a person can pick from a list of topics: the rules' topics and talking to a person. */
export type SuggestedIntent = Topic | 'human_handoff';

export function feedbackFor(intent: string, lang: Lang): Feedback {
  return {
    question: t(lang, 'card.helpful.question'),
    answers: [true, false].map((helpful) => ({
      title: t(lang, helpful ? 'card.helpful.yes' : 'card.helpful.no'),
      data: { action: CARD_ACTIONS.feedback, helpful, intent, lang },
    })),
  };
}

export function handoffButton(lang: Lang): Button {
  return { title: t(lang, 'topic.human_handoff.title'), data: { action: CARD_ACTIONS.handoff } };
}

export function topicButton(intent: SuggestedIntent, lang: Lang): Button {
  return { title: t(lang, `topic.${intent}.title`), data: { action: CARD_ACTIONS.ask, intent } };
}

/** A suggested question: the button reads as a question the partner might ask. */
export function exampleButton(intent: SuggestedIntent, lang: Lang): Button {
  return { title: t(lang, `topic.${intent}.example`), data: { action: CARD_ACTIONS.ask, intent } };
}

export function languageButtons(): Button[] {
  return LANGS.map((lang) => ({ title: t(lang, 'language.name'), data: { action: CARD_ACTIONS.language, lang } }));
}

export function portalLinks(portals: readonly PortalId[], lang: Lang): Link[] {
  return portals.map((portal) => ({ title: t(lang, `portal.${portal}`), url: portalUrl(portal) }));
}
