/** The hand-off's two questions: the one-line summary, then consent to share it with what the bot knows. */
import type { CardView } from '../cardData';
import { userText } from '../userText';
import { CARD_ACTIONS } from '../verbs';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { FACT_NAMES, type PartnerFacts } from '../../src/rules/facts';
import { knownFacts } from './knownFacts';

/** @param lastQuestion the user's last question (redacted), offered as the summary */
export function handoffSummaryQuestion(lang: Lang, lastQuestion?: string): CardView {
  return {
    kind: 'question',
    data: {
      lang,
      title: t(lang, 'topic.human_handoff.title'),
      context: lastQuestion ? [{ text: `“${userText(lastQuestion)}”` }] : [],
      question: t(lang, 'handoff.ask_summary'),
      choices: lastQuestion
        ? [{ title: t(lang, 'handoff.use_last_question'), data: { action: CARD_ACTIONS.handoffSummary } }]
        : [],
      followUps: [],
    },
  };
}

export function handoffConsentQuestion(lang: Lang, summary: string, facts: PartnerFacts): CardView {
  return {
    kind: 'question',
    data: {
      lang,
      title: t(lang, 'handoff.consent_title'),
      context: [
        { text: `**${t(lang, 'ticket.summary')}:** ${userText(summary)}` },
        ...knownFacts(FACT_NAMES, facts, lang).map((fact) => ({ text: `${fact.title}: ${fact.value}` })),
        { text: t(lang, 'handoff.consent_text') },
      ],
      question: t(lang, 'handoff.consent_question'),
      choices: [
        { title: t(lang, 'handoff.consent_yes'), data: { action: CARD_ACTIONS.handoffConsent, consent: true } },
        { title: t(lang, 'handoff.consent_no'), data: { action: CARD_ACTIONS.handoffConsent, consent: false } },
      ],
      followUps: [],
    },
  };
}
