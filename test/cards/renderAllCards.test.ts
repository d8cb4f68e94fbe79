/**
 * Every card a partner or the support team can get, in every language: rendered from its template, checked as
 * Teams receives it, then parsed and drawn by the official Adaptive Cards renderer, which must raise no event
 * at all. Universal Actions (Action.Execute and the card's `refresh`) must use the verbs of cards/verbs.ts.
 */
import { escapeUTF8 } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardView } from '../../cards/cardData';
import { MAX_CARD_BYTES, renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { sampleViews, type SampleView } from '../../tools/gallery/sampleViews';
import { CARD_KINDS } from '../../cards/templates';
import { CARD_ACTIONS, CARD_ACTION_VERBS, EXECUTE_VERBS } from '../../cards/verbs';
import { handoffOfferView } from '../../cards/views/handoffView';
import { viewFor } from '../../cards/views/viewFor';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { INTENTS } from '../../src/nlu/intents';
import { isAction, markdownLinks, nodesOf } from './cardJson';
import { openAdaptiveCardsDom, type AdaptiveCardsDom } from './adaptiveCardsDom';

/** Teams shows six buttons of a set; the seventh and later go to a "…" menu. */
const TEAMS_MAX_ACTIONS = 6;
/** Teams refreshes a card automatically for at most 60 users listed in `refresh.userIds`. */
const TEAMS_MAX_REFRESH_USERS = 60;
const EXECUTE_VERB_LIST: readonly string[] = Object.values(EXECUTE_VERBS);

const samples = sampleViews();
const names = [...new Set(samples.map((sample) => sample.name))];

function sampleOf(name: string, lang: Lang): SampleView {
  const sample = samples.find((s) => s.name === name && s.lang === lang);
  if (!sample) throw new Error(`no sample "${name}" in ${lang}`);
  return sample;
}

/** The card's `lang`: Adaptive Cards take an ISO 639-1 code ("pt"), the primary subtag of the view's locale. */
function cardLangOf(lang: Lang): string {
  return LOCALE_OF[lang].split('-')[0] ?? '';
}

let dom: AdaptiveCardsDom;

beforeAll(async () => {
  dom = await openAdaptiveCardsDom();
  // Without a markdown processor the renderer warns on every TextBlock; markdown itself is the gallery's concern.
  dom.AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escapeUTF8(text);
    result.didProcess = true;
  };
});

afterAll(async () => {
  await dom?.close();
});

/** What Teams and the card layer require of the JSON itself. */
/** A fact's title or value: a string with something in it. */
function isFilledText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function jsonProblems(card: AdaptiveCardJson, lang: Lang): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  const unbound = /\$\{[^}]*\}?/.exec(json);
  if (unbound) problems.push(`unbound expression ${unbound[0]}`);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`${bytes} bytes, over ${MAX_CARD_BYTES}`);
  if (card.version !== '1.5') problems.push(`version ${String(card.version)}, expected 1.5`);
  if (card.lang !== cardLangOf(lang))
    problems.push(
      `lang ${JSON.stringify(card.lang)}, expected "${cardLangOf(lang)}" (the language of ${LOCALE_OF[lang]})`,
    );
  return problems;
}

/** The card-level `refresh` of Universal Actions: an Action.Execute with a declared verb, for at most 60 users. */
function refreshProblems(card: AdaptiveCardJson): string[] {
  if (card.refresh === undefined) return [];
  const refresh = card.refresh as { action?: { type?: unknown; verb?: unknown }; userIds?: unknown };
  const problems: string[] = [];
  if (refresh.action?.type !== 'Action.Execute')
    problems.push(`refresh.action is ${JSON.stringify(refresh.action?.type)}, not Action.Execute`);
  if (refresh.action?.verb !== EXECUTE_VERBS.refresh)
    problems.push(`refresh.action.verb ${JSON.stringify(refresh.action?.verb)}, expected ${EXECUTE_VERBS.refresh}`);
  const { userIds } = refresh;
  if (userIds !== undefined && (!Array.isArray(userIds) || !userIds.every((id) => typeof id === 'string' && id.trim())))
    problems.push(`refresh.userIds ${JSON.stringify(userIds)} is not a list of user ids`);
  if (Array.isArray(userIds) && userIds.length > TEAMS_MAX_REFRESH_USERS)
    problems.push(
      `refresh.userIds lists ${userIds.length} users; Teams refreshes for at most ${TEAMS_MAX_REFRESH_USERS}`,
    );
  return problems;
}

/** Every text, fact and button says something, nothing is said twice; verbs are declared; links are https. */
function contentProblems(card: AdaptiveCardJson): string[] {
  const problems: string[] = [];
  for (const node of nodesOf(card.body)) {
    if (node.type === 'TextBlock') {
      const text = typeof node.text === 'string' ? node.text : '';
      if (!text.trim()) problems.push(`TextBlock with empty text ${JSON.stringify(node.text)}`);
      for (const link of markdownLinks(text))
        if (!isHttps(link.url)) problems.push(`markdown link [${link.text}] to "${link.url}" is not https`);
    }
    if (node.type === 'FactSet') {
      for (const fact of (node.facts as { title?: unknown; value?: unknown }[] | undefined) ?? []) {
        if (!isFilledText(fact.title) || !isFilledText(fact.value))
          problems.push(`fact with an empty part ${JSON.stringify(fact)}`);
      }
    }
  }
  const said = nodesOf(card.body).flatMap((node) =>
    node.type === 'TextBlock' ? [node.text] : node.type.startsWith('Input.') ? [node.label] : [],
  );
  for (const text of new Set(said.filter((text, i) => said.indexOf(text) !== i)))
    problems.push(`said twice: ${JSON.stringify(text)}`);
  for (const action of nodesOf([card.body, card.actions, card.refresh]).filter(isAction)) {
    const title = typeof action.title === 'string' ? action.title.trim() : '';
    if (!title) problems.push(`${action.type} without a title`);
    if (action.type === 'Action.Submit') {
      const verb = (action.data as { action?: unknown } | undefined)?.action;
      if (typeof verb !== 'string' || !CARD_ACTION_VERBS.includes(verb))
        problems.push(`Action.Submit "${title}" sends undeclared verb ${JSON.stringify(verb)}`);
    }
    if (action.type === 'Action.Execute') {
      if (typeof action.verb !== 'string' || !EXECUTE_VERB_LIST.includes(action.verb))
        problems.push(`Action.Execute "${title}" has undeclared verb ${JSON.stringify(action.verb)}`);
      const data = action.data as Record<string, unknown> | undefined;
      if (typeof data !== 'object' || data === null || Array.isArray(data))
        problems.push(`Action.Execute "${title}" sends no data object`);
    }
    if (action.type === 'Action.OpenUrl' && !isHttps(action.url))
      problems.push(`Action.OpenUrl "${title}" opens ${JSON.stringify(action.url)}, not https`);
  }
  problems.push(...refreshProblems(card));
  return problems;
}

/** Buttons a partner can see and tell apart: at most six in a set, no two with the same title on a card. */
function buttonProblems(card: AdaptiveCardJson): string[] {
  const problems: string[] = [];
  const sets = [
    card.actions,
    ...nodesOf(card.body)
      .filter((node) => node.type === 'ActionSet')
      .map((set) => set.actions),
  ];
  for (const set of sets) {
    const count = Array.isArray(set) ? set.length : 0;
    if (count > TEAMS_MAX_ACTIONS)
      problems.push(`a set of ${count} buttons: Teams hides all but ${TEAMS_MAX_ACTIONS} behind "…"`);
  }
  const titles = nodesOf([card.body, card.actions])
    .filter(isAction)
    .map((action) => String(action.title));
  for (const title of new Set(titles.filter((title, i) => titles.indexOf(title) !== i)))
    problems.push(`two buttons titled "${title}"`);
  return problems;
}

function isHttps(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Parses with the official renderer (schema 1.5, Teams' button limit) and draws the card; every event is a problem. */
function rendererProblems(card: AdaptiveCardJson): {
  problems: string[];
  element: { textContent: string | null } | undefined;
} {
  const { AC } = dom;
  // The renderer checks `lang` with a global (/g) regular expression, whose lastIndex survives between cards.
  const langPattern = AC.CardElement.langProperty.regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  adaptiveCard.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const element = adaptiveCard.render();
  if (!element) problems.push('render() produced no element');
  return { problems, element };
}

/** Fails listing every problem, one a line. */
function expectNone(problems: string[]): void {
  expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
}

describe.each(names)('%s', (name) => {
  describe.each(LANGS)('%s', (lang) => {
    const card = (): AdaptiveCardJson => renderView(sampleOf(name, lang).view);

    it('is bound, version 1.5, under 40 KB, in the language of the view', () => {
      expectNone(jsonProblems(card(), lang));
    });

    it('has text in every block, fact and button, none twice, declared verbs (Action.Submit, Action.Execute, refresh) and https links', () => {
      expectNone(contentProblems(card()));
    });

    it('shows every button, each with its own title', () => {
      expectNone(buttonProblems(card()));
    });

    it('parses and renders with the official renderer without any event', () => {
      const { problems, element } = rendererProblems(card());
      expectNone(problems);
      expect(element).toBeInstanceOf(dom.window.HTMLElement);
      expect(element?.textContent?.trim()).not.toBe('');
    });
  });
});

describe('the sample cards', () => {
  const kindsOf = (list: readonly SampleView[]) => new Set(list.map((s) => s.view.kind));

  it('hold every kind of card and every intent, in every language', () => {
    expect([...kindsOf(samples)].sort()).toEqual([...CARD_KINDS].sort());
    for (const intent of INTENTS)
      expect(samples.filter((s) => s.intent === intent).map((s) => s.lang)).toEqual(expect.arrayContaining([...LANGS]));
    for (const name of names) expect(samples.filter((s) => s.name === name).map((s) => s.lang)).toEqual([...LANGS]);
  });

  it('ask every fact a rule asks for', () => {
    const asked = samples.flatMap((s) =>
      s.view.kind === 'question'
        ? s.view.data.choices.filter((c) => c.data.action === CARD_ACTIONS.fact).map((c) => String(c.data.fact))
        : [],
    );
    expect(new Set(asked)).toEqual(new Set(['membership', 'contractHistory', 'csp', 'productKind']));
  });

  it('hold the hand-off questions (summary with and without a last question, consent) and the ticket in every status for the triage channel', () => {
    const actions = (kind: string) =>
      samples.flatMap((s) =>
        s.view.kind === kind && 'choices' in s.view.data ? s.view.data.choices.map((c) => c.data.action) : [],
      );
    expect(actions('question')).toEqual(
      expect.arrayContaining([CARD_ACTIONS.handoffSummary, CARD_ACTIONS.handoffConsent]),
    );
    const triageStatuses = samples
      .filter((s) => s.view.kind === 'triage' && s.lang === 'en')
      .map((s) => s.name.split(' ').at(-1));
    expect(triageStatuses).toEqual(['new', 'assigned', 'resolved']);
  });

  it.each(LANGS)('include the hand-off card: viewFor(human_handoff) is handoffOfferView (%s)', (lang) => {
    const expected: CardView = handoffOfferView(lang);
    expect(viewFor('human_handoff', {}, lang)).toEqual(expected);
  });
});
