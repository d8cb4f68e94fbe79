/**
 * The NLU data validator: content/nlu/{train,dev,dev/messages}/<lang>.json and content/nlu/portal-messages/<lang>.json
 * are strict UTF-8 JSON with known labels, every label has enough examples in every language, no example sits under
 * two labels or in both training and a development set, no training line nearly repeats a long development message,
 * and every example is written in its file's language. Dev utterances are named by place (file, label, index) in
 * failure messages, never by text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentPath } from '../../src/contentPath';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { INTENTS } from '../../src/nlu/intents';
import { matchForm, normalizeText } from '../../src/nlu/normalize';
import { splitPath, type DataSplit } from '../../src/nlu/utterances';

const SPLITS: readonly DataSplit[] = ['train', 'dev', 'dev-messages'];
const DEV_SETS: readonly DataSplit[] = ['dev', 'dev-messages'];
/** Examples each label needs; the long messages are a mix of topics and out-of-scope, not every label. */
const MIN_EXAMPLES: Partial<Record<DataSplit, number>> = { train: 30, dev: 15 };
const MIN_LONG_MESSAGES = { total: 40, inScope: 15, outOfScope: 15 };
const PORTAL_MESSAGES = ['not_authorized_error', 'no_benefits_error', 'access_id_already_associated'];

/** A file read as bytes and decoded strictly: a byte that is not UTF-8 fails instead of becoming U+FFFD. */
function readStrictJson(...parts: string[]): unknown {
  const bytes = readFileSync(contentPath(...parts));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

function readLabelled(split: DataSplit, lang: Lang): Record<string, string[]> {
  return readStrictJson('nlu', ...splitPath(split, lang).split('/')) as Record<string, string[]>;
}

interface Example {
  split: DataSplit;
  lang: Lang;
  label: string;
  index: number;
  text: string;
}

function examples(split: DataSplit, langs: readonly Lang[] = LANGS): Example[] {
  return langs.flatMap((lang) =>
    Object.entries(readLabelled(split, lang)).flatMap(([label, texts]) =>
      texts.map((text, index) => ({ split, lang, label, index, text })),
    ),
  );
}

/** Where an example is; dev examples (and anything equal to one) are never shown by their text. */
function place(e: Example, withText = e.split === 'train'): string {
  return `${splitPath(e.split, e.lang)} ${e.label}[${e.index}]${withText ? ` "${e.text}"` : ''}`;
}

/** The form two examples are compared in: matchForm, punctuation and spacing gone. */
function sameness(text: string): string {
  return matchForm(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe.each(SPLITS)('content/nlu/%s', (split) => {
  describe.each(LANGS)('%s.json', (lang) => {
    it('is valid UTF-8 JSON: an object of known labels, each a list of non-empty strings', () => {
      const file = readStrictJson('nlu', ...splitPath(split, lang).split('/'));
      expect(typeof file === 'object' && file !== null && !Array.isArray(file)).toBe(true);
      const entries = Object.entries(file as Record<string, unknown>);
      expect(
        entries.map(([label]) => label).filter((label) => !(INTENTS as readonly string[]).includes(label)),
      ).toEqual([]);
      const malformed = entries.filter(
        ([, texts]) => !Array.isArray(texts) || texts.some((t) => typeof t !== 'string' || !t.trim()),
      );
      expect(malformed.map(([label]) => label)).toEqual([]);
    });

    const min = MIN_EXAMPLES[split];
    if (min !== undefined) {
      it(`has every one of the ${INTENTS.length} labels with at least ${min} examples`, () => {
        const file = readLabelled(split, lang);
        const short = INTENTS.filter((label) => (file[label]?.length ?? 0) < min).map(
          (label) => `${label}: ${file[label]?.length ?? 0}`,
        );
        expect(short).toEqual([]);
      });
    } else {
      it(`has at least ${MIN_LONG_MESSAGES.total} messages, ${MIN_LONG_MESSAGES.inScope} in scope and ${MIN_LONG_MESSAGES.outOfScope} out of scope`, () => {
        const all = examples(split, [lang]);
        const outOfScope = all.filter((e) => e.label === 'out_of_scope').length;
        expect(all.length).toBeGreaterThanOrEqual(MIN_LONG_MESSAGES.total);
        expect(all.length - outOfScope).toBeGreaterThanOrEqual(MIN_LONG_MESSAGES.inScope);
        expect(outOfScope).toBeGreaterThanOrEqual(MIN_LONG_MESSAGES.outOfScope);
      });
    }
  });

  it('has no utterance under two labels (in any language of the split)', () => {
    const labels = new Map<string, Example[]>();
    for (const e of examples(split)) labels.set(sameness(e.text), [...(labels.get(sameness(e.text)) ?? []), e]);
    const conflicts = [...labels.values()]
      .filter((list) => new Set(list.map((e) => e.label)).size > 1)
      .map((list) => list.map((e) => place(e)));
    expect(conflicts).toEqual([]);
  });
});

/** A training line sharing this share of its words with a long development message (Jaccard) is that message reworded. */
const NEAR_DUPLICATE = 0.6;
const wordSet = (text: string) => new Set(sameness(text).split(' ').filter(Boolean));
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

describe.each(DEV_SETS)('train and %s', (dev) => {
  it('share no utterance (compared without case, accents and punctuation)', () => {
    const train = new Map(examples('train').map((e) => [`${e.lang}|${sameness(e.text)}`, e]));
    const leaked = examples(dev).flatMap((e) => {
      const twin = train.get(`${e.lang}|${sameness(e.text)}`);
      return twin ? [`${place(e)} = ${place(twin, false)}`] : [];
    });
    expect(leaked).toEqual([]);
  });
});

describe('train and dev-messages', () => {
  it(`hold no training line sharing ${NEAR_DUPLICATE} of its words with a long development message (named by place only)`, () => {
    const near = LANGS.flatMap((lang) => {
      const train = examples('train', [lang]).map((e) => ({ e, words: wordSet(e.text) }));
      return examples('dev-messages', [lang]).flatMap((d) => {
        const words = wordSet(d.text);
        const twin = train.find((t) => overlap(t.words, words) >= NEAR_DUPLICATE);
        return twin ? [`${place(d)} ~ ${place(twin.e, false)}`] : [];
      });
    });
    expect(near).toEqual([]);
  });

  it('the check would catch a development message reworded by a few words', () => {
    const [message] = examples('dev-messages', ['en']);
    const words = sameness(message?.text ?? '').split(' ');
    const reworded = new Set([...words.slice(0, -3), 'please', 'thanks', 'folks']);
    expect(overlap(reworded, wordSet(message?.text ?? ''))).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
  });
});

/**
 * Language checks that do not ask the classifier's own language model (trained on these very utterances, it
 * would agree with them whatever they say). Russian: the share of Cyrillic letters — low enough for a Russian
 * sentence quoting an English portal message or product names, impossible for an en/pt/fr sentence. en/pt/fr:
 * function words and diacritics only one of the three languages uses, outside quoted text (a pasted English
 * message inside a French question is still French). An utterance fails when it shows none of its own
 * language's markers and at least two of another's; short or name-only utterances ("Gold", "SR 1234") show
 * none and pass, as they should.
 */
const MIN_CYRILLIC_SHARE = 0.1;

function cyrillicShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length / (letters.length || 1);
}

type LatinLang = Exclude<Lang, 'ru'>;
const LATIN: readonly LatinLang[] = ['en', 'pt', 'fr'];

/** Words of one language only (folded): words two of them share ("do", "no", "on", "que", "mais", "nos") are left out. */
const MARKER_WORDS: Record<LatinLang, ReadonlySet<string>> = {
  en: new Set(
    'the is are does how what where when why who my our we you your can of and with it have has not this that get please there i any for which should will would from did was an'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o os da das dos na nas nao como onde meu minha nosso nossa para pra tem um uma voce ja ainda isso qual quais quantos quando por eu sao sem tudo esta seu sua ao aos temos'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le les des du une je nous vous est pas ne comment mon ma mes notre pour avec ca quoi quel quelle combien sur dans au aux il svp merci sont avons encore c j d l qu n'.split(
      ' ',
    ),
  ),
};
const MARKER_LETTERS: Record<LatinLang, RegExp | undefined> = { en: undefined, pt: /[ãõ]/u, fr: /[èêàùûîïœë]/u };

function withoutQuotes(text: string): string {
  return normalizeText(text)
    .replace(/"[^"]*"/g, ' ')
    .replace(/(^|[\s:(])'[^']+'(?=$|[\s.,;:!?)])/g, ' ');
}

function markers(text: string): Record<LatinLang, number> {
  const plain = withoutQuotes(text);
  const words = matchForm(plain)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const count = (lang: LatinLang) =>
    words.filter((w) => MARKER_WORDS[lang].has(w)).length + (MARKER_LETTERS[lang]?.test(plain) ? 1 : 0);
  return { en: count('en'), pt: count('pt'), fr: count('fr') };
}

/** Whether a Latin-script text reads as written in another of en/pt/fr than `lang`. */
function readsAsOtherThan(text: string, lang: LatinLang): boolean {
  const found = markers(text);
  return found[lang] === 0 && LATIN.some((other) => other !== lang && found[other] >= 2);
}

describe.each(SPLITS)("content/nlu/%s utterances are in their file's language", (split) => {
  it("ru.json: Cyrillic makes up a real share of every utterance's letters", () => {
    const latin = examples(split, ['ru']).filter((e) => cyrillicShare(e.text) < MIN_CYRILLIC_SHARE);
    expect(latin.map((e) => place(e))).toEqual([]);
  });

  it.each(LATIN)(
    '%s.json: no Cyrillic letters, and no utterance that reads as another Latin-script language',
    (lang) => {
      const wrong = examples(split, [lang]).filter((e) => cyrillicShare(e.text) > 0 || readsAsOtherThan(e.text, lang));
      expect(wrong.map((e) => place(e))).toEqual([]);
    },
  );
});

describe('the language check itself', () => {
  it('would catch most ordinary sentences filed under another Latin-script language', () => {
    for (const [from, to] of [
      ['en', 'fr'],
      ['fr', 'pt'],
      ['pt', 'en'],
    ] as const) {
      const texts = examples('train', [from]).map((e) => e.text);
      const caught = texts.filter((text) => readsAsOtherThan(text, to)).length;
      expect(caught / texts.length, `${from} utterances checked as ${to}`).toBeGreaterThan(0.5);
    }
  });
});

describe.each(LANGS)('content/nlu/portal-messages/%s.json', (lang) => {
  it('is valid UTF-8 JSON with exactly the three portal messages, each in at least three wordings', () => {
    const file = readStrictJson('nlu', 'portal-messages', `${lang}.json`) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual([...PORTAL_MESSAGES].sort());
    for (const message of PORTAL_MESSAGES) {
      const wordings = file[message];
      expect(Array.isArray(wordings) && wordings.every((w) => typeof w === 'string' && w.trim() !== ''), message).toBe(
        true,
      );
      expect((wordings as string[]).length, message).toBeGreaterThanOrEqual(3);
    }
  });
});
