/** The card for a classified question: the rules' answer for a topic, or the conversation's own cards. */
import type { CardView } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { isTopic, type Intent } from '../../src/nlu/intents';
import { decide } from '../../src/rules/decide';
import type { PartnerFacts } from '../../src/rules/facts';
import { decisionView } from './decisionView';
import { fallbackView } from './fallbackView';
import { handoffOfferView } from './handoffView';
import { helpView, welcomeView } from './welcomeView';

export function viewFor(intent: Intent, facts: PartnerFacts, lang: Lang): CardView {
  if (isTopic(intent)) return decisionView(decide(intent, facts), facts, lang);
  switch (intent) {
    case 'greeting':
      return welcomeView(lang);
    case 'help':
      return helpView(lang);
    case 'human_handoff':
      return handoffOfferView(lang);
    case 'out_of_scope':
      return fallbackView(lang);
  }
}
