/**
 * The plain-text face of every card (channels without Adaptive Cards, transcripts) says what the card says:
 * its title, its lead, the facts it rests on, its question and choices, its links, and the rules' figures.
 */
import { describe, expect, it } from 'vitest';
import type { CardView } from '../../cards/cardData';
import { sampleViews } from '../../tools/gallery/sampleViews';
import { markdownToPlain } from '../../cards/cardToText';
import { toReply } from '../../cards/reply';
import { viewFor } from '../../cards/views/viewFor';
import { LANGS } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { decide } from '../../src/rules/decide';
import { FACT_VALUES } from '../../src/rules/facts';

const samples = sampleViews();
const names = [...new Set(samples.map((sample) => sample.name))];

/** What a reader of the plain text must find, read from the view's data (not from the rendered card). */
function mustSay(view: CardView): string[] {
  switch (view.kind) {
    case 'answer':
    case 'entitlement': {
      const { title, lead, facts, links } = view.data;
      return [
        title,
        lead,
        ...facts.map((fact) => `${fact.title}: ${fact.value}`),
        ...links.map((link) => link.url),
      ].filter(Boolean);
    }
    case 'question':
      return [view.data.title, view.data.question, ...view.data.choices.map((choice) => choice.title)];
    case 'clarify':
      return [view.data.title, view.data.text, ...view.data.candidates.map((candidate) => candidate.title)];
    case 'welcome':
      return [
        view.data.title,
        ...view.data.suggestions.map((button) => button.title),
        ...view.data.languages.map((button) => button.title),
      ];
    case 'fallback':
      return [view.data.title, view.data.text, ...view.data.suggestions.map((button) => button.title)];
    case 'feedback':
      return [view.data.text];
    case 'ticket': {
      const { title, number, status, created, summary, facts } = view.data;
      // The summary is what the user typed, escaped for the card (cards/userText.ts): the plain text has it as typed.
      return [
        title,
        number,
        status,
        created,
        markdownToPlain(summary),
        ...facts.map((fact) => `${fact.title}: ${fact.value}`),
      ];
    }
    case 'triage': {
      const { title, summary, facts, canAssign, assign, canResolve, resolve } = view.data;
      return [
        title,
        markdownToPlain(summary),
        ...facts.map((fact) => `${fact.title}: ${markdownToPlain(fact.value)}`),
        ...(canAssign ? [assign.title] : []),
        ...(canResolve ? [resolve.title] : []),
      ];
    }
  }
}

describe.each(names)('%s', (name) => {
  it.each(LANGS)('the plain text states the title, lead, facts, choices and links (%s)', (lang) => {
    const sample = samples.find((s) => s.name === name && s.lang === lang);
    if (!sample) throw new Error(`no sample "${name}" in ${lang}`);
    const { text } = toReply(sample.view);
    const missing = mustSay(sample.view).filter((part) => !text.includes(part));
    expect(missing, `missing from:\n${text}\n`).toEqual([]);
  });
});

describe('the entitlement answer in plain text', () => {
  const cases = LANGS.flatMap((lang) => FACT_VALUES.membership.map((membership) => ({ lang, membership })));

  it.each(cases)('states the $membership figures on the fact lines ($lang)', ({ lang, membership }) => {
    const { states } = decide('entitlement', { membership });
    const view = viewFor('entitlement', { membership }, lang);
    if (view.kind !== 'entitlement') throw new Error(`entitlement gave a ${view.kind} card`);
    const [product, cloud] = view.data.facts;
    const lines = toReply(view).text.split('\n');
    const line = (title: string | undefined) =>
      lines.find((l) => title !== undefined && l.startsWith(`${title}: `)) ?? '';

    expect(line(product?.title)).toMatch(new RegExp(`\\b${String(states.productSupportIncidents)}\\b`));
    if (membership === 'action_pack') expect(line(cloud?.title)).toContain(t(lang, 'entitlement.not_included'));
    else expect(line(cloud?.title)).toMatch(new RegExp(`\\b${String(states['signatureCloudSupport.other'])}\\b`));
  });

  it.each(LANGS)("states every membership's on-premises incidents when no membership is known (%s)", (lang) => {
    const view = viewFor('entitlement', {}, lang);
    if (view.kind !== 'entitlement') throw new Error(`entitlement gave a ${view.kind} card`);
    const text = toReply(view).text;
    for (const membership of FACT_VALUES.membership) {
      const incidents = decide('entitlement', { membership }).states.productSupportIncidents;
      expect(text).toMatch(new RegExp(`\\b${String(incidents)}\\b`));
    }
    expect(view.data.memberships).toHaveLength(FACT_VALUES.membership.length);
  });
});
