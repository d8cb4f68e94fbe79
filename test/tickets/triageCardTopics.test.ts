/** A ticket's card names its topic whatever the question was classified as, in every language. */
import { describe, expect, it } from 'vitest';
import { renderView } from '../../cards/renderCard';
import { LANGS } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { INTENTS } from '../../src/nlu/intents';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';

const ticket = (intent: (typeof INTENTS)[number]): Ticket => ({
  number: 'MPN-000007',
  createdAt: '2026-11-21T07:00:00.000Z',
  updatedAt: '2026-11-21T07:00:00.000Z',
  status: 'new',
  lang: 'pt',
  summary: 'preciso de ajuda',
  intents: [{ intent, confidence: 0.42 }],
  facts: {},
  excerpt: [],
  sourceActivityId: `test:${intent}`,
  version: 1,
});

describe.each(LANGS)('in %s', (lang) => {
  it.each(INTENTS)('renders a ticket whose question was %s', (intent) => {
    const card = JSON.stringify(renderView(triageCardView(ticket(intent), lang)));
    expect(card).toContain('42%');
    if (intent === 'out_of_scope' || intent === 'greeting' || intent === 'help')
      expect(card).toContain(t(lang, 'triage.topic_other'));
  });
});
