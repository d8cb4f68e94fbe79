/**
 * What every answer to a topic quotes: the topic's own section of the article as its title and source,
 * whatever branch the rules took, and each sentence of the article at most once.
 */
import { describe, expect, it } from 'vitest';
import { sampleViews } from '../../tools/gallery/sampleViews';
import { LANGS } from '../../src/i18n/locales';
import { isTopic } from '../../src/nlu/intents';
import { decide } from '../../src/rules/decide';
import { TOPICS } from '../../src/rules/decision';

/** The cards viewFor gives a topic, with the facts each was built with. */
const topicSamples = sampleViews().filter(
  (sample) => sample.intent !== undefined && isTopic(sample.intent) && sample.name.startsWith(`${sample.intent} `),
);

describe.each(TOPICS)('%s', (topic) => {
  it.each(LANGS)('every answer branch is titled and sourced with the same section (%s)', (lang) => {
    const cards = topicSamples.filter(
      (sample) => sample.intent === topic && sample.lang === lang && sample.view.kind !== 'question',
    );
    const titles = new Map(
      cards.map((sample) => [sample.name, 'title' in sample.view.data ? sample.view.data.title : '']),
    );
    const sources = new Map(
      cards.flatMap((sample) => ('source' in sample.view.data ? [[sample.name, sample.view.data.source.url]] : [])),
    );
    expect(new Set(titles.values()).size, JSON.stringify(Object.fromEntries(titles), null, 1)).toBe(1);
    expect(new Set(sources.values()).size, JSON.stringify(Object.fromEntries(sources), null, 1)).toBeLessThanOrEqual(1);
  });

  it('quotes each sentence of the article once per answer', () => {
    const repeated = topicSamples
      .filter((sample) => sample.intent === topic && sample.lang === 'en')
      .flatMap((sample) => {
        const { cites } = decide(topic, sample.facts);
        const twice = cites.filter((id, i) => cites.indexOf(id) !== i);
        return twice.length ? [`${sample.name}: segments ${twice.join(', ')}`] : [];
      });
    expect(repeated).toEqual([]);
  });
});
