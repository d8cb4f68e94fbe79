/** `npm run --silent classify`: one JSON classification per input line, in order, an error line in place of a bad one. */
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, parseLines, runCli, type CliRun } from './runCli';

describe('classify CLI', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(
      'tools/classifyCli.ts',
      [],
      jsonLines(
        { text: 'how many on-premises incidents does a Gold partner get?' },
        'this is not json',
        { text: 'Сколько инцидентов у нас осталось?', locale: 'ru-RU' },
        { text: 42 },
        { text: 'Como ativo os benefícios técnicos?', locale: 'pt-BR' },
      ),
    );
  }, 60_000);

  it('exits cleanly with one output line per input line', () => {
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toHaveLength(5);
  });

  it('keeps the input order, with an {"error"} line in place of each bad line', () => {
    const lines = parseLines(run.stdout);
    expect(lines.map((line) => line.lang ?? 'error')).toEqual(['en', 'error', 'ru', 'error', 'pt']);
    expect(lines[1]).toEqual({ error: expect.stringMatching(/line 2/) });
    expect(lines[3]).toEqual({ error: expect.stringMatching(/line 4.*text/) });
  });

  it('gives the documented fields: intent, confidence, lang, entities, alternatives', () => {
    const [first] = parseLines(run.stdout);
    expect(Object.keys(first ?? {}).sort()).toEqual(['alternatives', 'confidence', 'entities', 'intent', 'lang']);
    expect(first).toMatchObject({
      intent: 'entitlement',
      lang: 'en',
      entities: { membership: 'gold', productKind: 'on_premises' },
    });
  });
});
