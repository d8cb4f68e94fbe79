/** Malformed article input fails with an ArticleFormatError naming the file and line, and no segment is dropped. */
import { describe, expect, it } from 'vitest';
import { ArticleFormatError } from '../../src/knowledge/articleFormatError';
import { buildKnowledgeBase } from '../../src/knowledge/buildKnowledgeBase';
import { parseArticle } from '../../src/knowledge/parseArticle';
import { articleFiles, lineOf, lineStartingWith, pairOf, type ArticleFile } from './articleFiles';

const files = articleFiles();
const IDENTITY = { title: 'title', liveUrl: 'https://example.org/{locale}' };

function fileOf(locale: string): ArticleFile {
  const found = files.find((f) => f.locale === locale);
  if (!found) throw new Error(`source.json names no ${locale} file`);
  return found;
}

const { file, text } = fileOf('fr-FR');

/** The ArticleFormatError `run` throws; fails the test if it throws nothing or something else. */
function formatErrorOf(run: () => unknown): ArticleFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleFormatError) return error;
    throw error;
  }
  throw new Error('expected an ArticleFormatError, nothing was thrown');
}

function expectFormatError(run: () => unknown, at: { file: string; line: number }): ArticleFormatError {
  const error = formatErrorOf(run);
  expect({ file: error.file, line: error.line }).toEqual(at);
  expect(error.message.startsWith(`${at.file}:${at.line}: `)).toBe(true);
  return error;
}

/** Builds the knowledge base from every file, with `edit` applied to the text of one locale. */
function buildWith(locale: string, edit: (text: string) => string) {
  return () =>
    buildKnowledgeBase(
      files.map((f) => parseArticle(f.file, f.locale === locale ? edit(f.text) : f.text)),
      IDENTITY,
    );
}

describe('a malformed span pair', () => {
  const pair = pairOf(text, 124);
  const translationHalf = pair.slice(0, pair.indexOf('<span class="sxs-lookup">'));

  it.each([
    ['cut after its translation half', translationHalf],
    ['cut in the middle', pair.slice(0, Math.floor(pair.length / 2))],
    ['with an empty translation', pair.replace(/(data-ttu-id="[^"]+">).*?(<\/span>)/, '$1$2')],
    ["with another file's prefix", pair.replace(/"[0-9a-f]+-124"/g, '"abcde-124"')],
  ])('is reported at its line when %s', (_, corrupted) => {
    expectFormatError(() => parseArticle(file, text.replace(pair, corrupted)), { file, line: lineOf(text, 124) });
  });
});

describe('a malformed file', () => {
  it('reports a segment written twice at its second line', () => {
    const twice = text.replace(pairOf(text, 128), `${pairOf(text, 128)} ${pairOf(text, 109)}`);
    const error = expectFormatError(() => parseArticle(file, twice), { file, line: lineOf(text, 128) });
    expect(error.reason).toContain(String(lineOf(text, 109)));
  });

  it('reports missing front matter at line 1', () => {
    const body = text.slice(text.indexOf('\n---\n') + '\n---\n'.length);
    expectFormatError(() => parseArticle(file, body), { file, line: 1 });
  });

  it('reports a heading without its anchor at its line', () => {
    const bare = text.replace('<a name="overview"></a>', '');
    expectFormatError(() => parseArticle(file, bare), { file, line: lineOf(text, 108) });
  });

  it.each(['de-DE', 'en-US'])('reports ms.contentlocale %s at the line that says it', (locale) => {
    const line = lineStartingWith(text, 'ms.contentlocale:');
    const edit = (t: string) => t.replace(/^ms\.contentlocale: .*$/m, `ms.contentlocale: ${locale}`);
    expectFormatError(buildWith('fr-FR', edit), { file, line });
  });
});

describe('translations that disagree', () => {
  it.each(files.map((f) => f.locale))('name the %s file, at its line, when a segment is missing from it', (locale) => {
    const { file: broken, text: original } = fileOf(locale);
    const removeSegment114 = (t: string) => t.replace(` ${pairOf(t, 114)}`, '');
    expectFormatError(buildWith(locale, removeSegment114), { file: broken, line: lineOf(original, 113) });
  });

  it.each(files.map((f) => f.locale))('name the %s file, at its line, when its English source differs', (locale) => {
    const { file: broken, text: original } = fileOf(locale);
    const pair = pairOf(original, 124);
    const reworded = pair.replace(/(data-stu-id="[^"]+">)(.*?)(<\/span>)/, '$1$2 (changed)$3');
    expectFormatError(
      buildWith(locale, (t) => t.replace(pair, reworded)),
      { file: broken, line: lineOf(original, 124) },
    );
  });

  it('refuse to build a knowledge base without the fr-FR translation', () => {
    const withoutFrench = files.filter((f) => f.locale !== 'fr-FR').map((f) => parseArticle(f.file, f.text));
    expect(() => buildKnowledgeBase(withoutFrench, IDENTITY)).toThrow(/fr-FR/);
  });
});

describe('no segment is silently dropped', () => {
  it.each(files)('$file: as many segments are parsed as span pairs are written', ({ file: name, text: raw }) => {
    const translations = raw.match(/data-ttu-id="[0-9a-f]+-\d+"/g)?.length;
    const sources = raw.match(/data-stu-id="[0-9a-f]+-\d+"/g)?.length;
    const parsed = parseArticle(name, raw).segments.length;
    expect({ translations, sources }).toEqual({ translations: parsed, sources: parsed });
  });

  it('reports a segment that lost its translation half instead of dropping it', () => {
    const pair = pairOf(text, 124);
    const englishHalf = pair.slice(pair.indexOf('<span class="sxs-lookup">'));
    expectFormatError(() => parseArticle(file, text.replace(pair, englishHalf)), { file, line: lineOf(text, 124) });
  });

  it('a file saved with CRLF line ends parses to the same segments', () => {
    expect(parseArticle(file, text.replace(/\n/g, '\r\n'))).toEqual(parseArticle(file, text));
  });
});
