/**
 * Talking to the bot through Web Chat in a page or a frame, and what its cards should show: the expected text
 * comes from the same rules, views and strings as the bot's reply, never from copied sentences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { toReply } from '../../cards/reply';
import { plain } from '../../cards/views/articleText';
import { viewFor } from '../../cards/views/viewFor';
import { PROJECT_ROOT } from '../../src/contentPath';
import type { Lang } from '../../src/i18n/locales';
import type { PartnerFacts } from '../../src/rules/facts';
import { nodesOf } from '../cards/cardJson';

/** A chat surface: the demo page itself or the frame the embed script opens. */
export type ChatSurface = Page | FrameLocator;

export const CHAT_TIMEOUT_MS = 20_000;

/** Waits until Web Chat is connected (chat.js marks #webchat) over the expected transport. */
export async function waitForChat(
  surface: ChatSurface,
  transport: 'websocket' | 'polling' = 'websocket',
): Promise<void> {
  const host = surface.locator('#webchat[data-status="online"]');
  await host.waitFor({ timeout: CHAT_TIMEOUT_MS });
  expect(await host.getAttribute('data-transport')).toBe(transport);
  await sendBox(surface).waitFor({ state: 'visible' });
  // Web Chat's own "Connecting…" notice goes a moment after the transport is up.
  await surface
    .locator('.webchat__connectivityStatus', { hasText: /\S/ })
    .waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT_MS });
}

/** Waits for a locator to be visible, scrolls it into view (for the screenshots) and returns it. */
export async function visible(locator: Locator, timeout = CHAT_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  await locator.scrollIntoViewIfNeeded();
  return locator;
}

export function sendBox(surface: ChatSurface): Locator {
  return surface.locator('[data-id="webchat-sendbox-input"]');
}

/** Types a message in the send box and sends it with Enter. */
export async function say(surface: ChatSurface, text: string): Promise<void> {
  const input = sendBox(surface);
  await input.fill(text);
  await input.press('Enter');
}

const QUOTES = /['"‘’“”]/g;

/**
 * A pattern for text as Web Chat shows it: its markdown renderer turns straight quotes into typographic ones
 * ("I'm" → "I’m"), so any quote matches any other.
 */
export function shownAs(text: string): RegExp {
  // The class is spelled with \u escapes: Playwright passes the pattern on inside a selector string.
  const escaped = text
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(QUOTES, '[\\u0027\\u0022\\u2018\\u2019\\u201C\\u201D]')
    .replace(/\s+/g, '\\s+');
  return new RegExp(escaped);
}

/** The last Adaptive Card in the transcript that contains `text`. */
export function cardWith(surface: ChatSurface, text: string): Locator {
  return surface.locator('.ac-adaptiveCard', { hasText: shownAs(text) }).last();
}

interface ScenarioStep {
  user?: string;
  card?: string;
  facts?: PartnerFacts;
}

/** The steps of a conversation scenario (test/conversations/scenarios/<name>.json). */
export function scenarioSteps(name: string): ScenarioStep[] {
  const file = join(PROJECT_ROOT, 'test', 'conversations', 'scenarios', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { steps: ScenarioStep[] }).steps;
}

/**
 * The facts (title and value, as plain text) of the bot's entitlement card for what is known, in `lang`; never none,
 * so that a test looking for each of them on the page always has something to look for.
 */
export function entitlementFacts(facts: PartnerFacts, lang: Lang): { title: string; value: string }[] {
  const { card } = toReply(viewFor('entitlement', facts, lang));
  const shown = nodesOf(card)
    .filter((node) => node.type === 'FactSet')
    .flatMap((node) => node.facts as { title: string; value: string }[])
    .map(({ title, value }) => ({ title: plain(title), value: plain(value) }));
  if (shown.length === 0) throw new Error(`the ${lang} entitlement card for ${JSON.stringify(facts)} has no facts`);
  return shown;
}

/** Text to compare with what a card shows: one line, single spaces, one kind of quote. */
export function oneLine(text: string): string {
  return text.replace(QUOTES, "'").replace(/\s+/g, ' ').trim();
}
