/**
 * What a user types is data in every card, also when it looks like the cards' own template expressions
 * ("${lang}", "${title}"): a question with one, asked before a hand-off, still gives the hand-off's cards
 * (the summary offers it as it was typed), and no turn fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../cards/renderCard';
import { startHarness, type Harness } from './support/appHarness';
import { errorsSince } from './support/properties';
import { buttonsOf, TeamsChat } from './support/teamsChat';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storage: 'memory' });
});

afterAll(async () => {
  await harness?.close();
});

describe('user text that looks like a template expression', () => {
  it.each(['${lang}', '${title}', 'why does ${question} show ${data} instead of my ${text}?'])(
    'goes through a hand-off as text: %s',
    async (typed) => {
      const chat = new TeamsChat({ url: harness.url, connector: harness.connector });
      const before = harness.logs.lines.length;
      await chat.say(`Azure says the Access ID is already associated ${typed}`);
      const summary = await chat.say('talk to a person');
      expect(buttonsOf(summary.replies).some((data) => data.action === 'handoff_summary')).toBe(true);
      expect(JSON.stringify(summary.replies)).toContain(JSON.stringify(typed).slice(1, -1));
      const consent = await chat.press({ action: 'handoff_summary' });
      expect(buttonsOf(consent.replies).some((data) => data.action === 'handoff_consent')).toBe(true);
      expect(errorsSince(harness.logs.lines, before)).toEqual([]);
    },
  );

  it('still refuses a card whose own binding is missing', () => {
    expect(() => renderCard('clarify', {} as never)).toThrow(/unbound expression/);
  });
});
