/**
 * `npm run --silent answer`: one answer (intent, lang, card, text) per input line, in order; the entitlement
 * question answered with the article's own cell for Gold on-premises support, in the question's language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { jsonLines, parseLines, runCli, type CliRun } from './runCli';

const QUESTIONS: [Lang, string][] = [
  ['en', 'how many on-premises incidents does a Gold partner get?'],
  ['ru', 'Сколько инцидентов для локальных продуктов получает партнер с компетенцией Gold?'],
  ['pt', 'Quantos incidentes on-premises um parceiro Gold recebe?'],
  ['fr', 'Combien d’incidents sur site un partenaire Gold obtient-il ?'],
];

/** The entitlement table's cell for Microsoft Product Support (on-premises) under the Gold column, in one language. */
function goldOnPremisesCell(lang: Lang): string {
  const kb = knowledgeBase();
  const text = (ids: number[] | undefined, l: Lang) =>
    (ids ?? []).map((id) => kb.segments[id]?.text[l] ?? '').join(' ');
  const [header = [], ...rows] = kb.table;
  const column = header.findIndex((cell) => text(cell, 'en').includes('Gold'));
  const row = rows.find((cells) => text(cells[0], 'en').includes('Microsoft Product Support'));
  return text(row?.[column], lang);
}

/** Every string an Adaptive Card shows. */
function cardStrings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(cardStrings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(cardStrings);
  return [];
}

describe('answer CLI', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli('tools/answerCli.ts', [], jsonLines(...QUESTIONS.map(([, text]) => ({ text })), '{"text": '));
  }, 60_000);

  it('answers each line in order, with an {"error"} line for a bad one', () => {
    expect(run.code).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines.map((line) => line.lang ?? 'error')).toEqual([...QUESTIONS.map(([lang]) => lang), 'error']);
    expect(lines[4]).toEqual({ error: expect.stringMatching(/line 5/) });
  });

  it('gives the documented fields: intent, lang, card, text', () => {
    for (const line of parseLines(run.stdout).slice(0, QUESTIONS.length)) {
      expect(Object.keys(line).sort()).toEqual(['card', 'intent', 'lang', 'text']);
      expect(line.card).toMatchObject({ type: 'AdaptiveCard' });
    }
  });

  it.each(QUESTIONS.map(([lang, text], index) => ({ lang, text, index })))(
    '$lang: the Gold on-premises question is answered with 20 incidents',
    ({ lang, index }) => {
      const cell = goldOnPremisesCell(lang);
      expect(cell).toMatch(/\b20\b/);
      const answer = parseLines(run.stdout)[index];
      expect(answer).toMatchObject({ intent: 'entitlement', lang, card: { lang } });
      expect(answer?.text).toContain(cell);
      expect(cardStrings(answer?.card).some((s) => s.includes(cell))).toBe(true);
    },
  );
});
