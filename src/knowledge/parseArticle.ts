/**
 * Parses one docs-localization markdown file (aligned `<span data-ttu-id>` pairs) into its segments, each with
 * its English source, its translation, its section anchor and its place in the article.
 */
import { ArticleFormatError } from './articleFormatError';
import type { SegmentPlace } from './types';

export interface ParsedSegment {
  id: number;
  line: number;
  anchor: string;
  place: SegmentPlace;
  source: string;
  translation: string;
}

export interface ParsedArticle {
  file: string;
  locale: string;
  /** The line of `ms.contentlocale` in the front matter. */
  localeLine: number;
  title: string;
  description: string;
  segments: ParsedSegment[];
  /** Rows of the entitlement table: each row a list of cells, each cell the segment ids written in it. */
  table: number[][][];
}

const SEGMENT_PAIR =
  /<span data-ttu-id="([0-9a-f]+)-(\d+)">(.*?)<\/span><span class="sxs-lookup"><span data-stu-id="\1-\2">(.*?)<\/span><\/span>/g;
const TRANSLATION_OPENING = /<span data-ttu-id=/g;
const SOURCE_OPENING = /<span data-stu-id=/g;
const ANCHOR = /<a name="([^"]+)"><\/a>/;
const LINK_AROUND_SEGMENT = /\[<span data-ttu-id="[0-9a-f]+-(\d+)">.*?<\/span><\/span>\]\(([^)\s]+)\)/g;
const TABLE_DIVIDER = /^\|(\s*:?-+:?\s*\|)+\s*$/;

/** Cleans a span's content: unescapes markdown escapes and folds white space. Bold and links stay. */
export function cleanSegmentText(raw: string): string {
  return raw
    .replace(/\\([*_#[\]()])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * @example parseArticle('technical-support-benefits.fr-FR.md', text).segments[0].translation
 *   // 'Avantages du support technique'
 */
export function parseArticle(file: string, text: string): ParsedArticle {
  const lines = text.split(/\r?\n/);
  const { meta, bodyStart } = parseFrontMatter(file, lines);
  const segments: ParsedSegment[] = [];
  const table: number[][][] = [];
  const seen = new Map<number, number>();
  let prefix: string | undefined;
  let anchor: string | undefined;
  let step: number | undefined;

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const heading = /^\s*#{1,6}\s/.test(line);
    if (heading) {
      const found = ANCHOR.exec(line);
      if (!found?.[1]) throw new ArticleFormatError(file, lineNumber, 'heading without an <a name="…"> anchor');
      anchor = found[1];
      step = undefined;
    }
    step = stepAt(line, step);

    const translations = line.match(TRANSLATION_OPENING)?.length ?? 0;
    const sources = line.match(SOURCE_OPENING)?.length ?? 0;
    const pairs = [...line.matchAll(SEGMENT_PAIR)];
    if (translations !== pairs.length || sources !== pairs.length) {
      throw new ArticleFormatError(
        file,
        lineNumber,
        `${translations} translation and ${sources} source span(s) but ${pairs.length} complete pair(s)`,
      );
    }
    if (pairs.length === 0) continue;
    if (!anchor) throw new ArticleFormatError(file, lineNumber, 'segment before the first heading');

    const linkTargets = new Map([...line.matchAll(LINK_AROUND_SEGMENT)].map((m) => [Number(m[1]), m[2] ?? '']));
    const cells = TABLE_DIVIDER.test(line) ? [] : tableCells(line);
    const row: number[][] = cells.map(() => []);

    for (const [, filePrefix, idText, translation, source] of pairs) {
      const id = Number(idText);
      if (prefix === undefined) prefix = filePrefix;
      else if (filePrefix !== prefix) {
        throw new ArticleFormatError(
          file,
          lineNumber,
          `segment ${id} has prefix "${filePrefix}", the file uses "${prefix}"`,
        );
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        throw new ArticleFormatError(file, lineNumber, `segment ${id} appears twice (first on line ${earlier})`);
      }
      seen.set(id, lineNumber);
      const cleanSource = cleanSegmentText(source ?? '');
      const cleanTranslation = cleanSegmentText(translation ?? '');
      if (!cleanSource || !cleanTranslation) {
        throw new ArticleFormatError(
          file,
          lineNumber,
          `segment ${id} has an empty ${cleanSource ? 'translation' : 'source'}`,
        );
      }
      const column = cells.length ? cellIndexOf(line, pairs, id) : undefined;
      const place = placeOf(line, { heading, step, href: linkTargets.get(id), column, row: table.length });
      if (column !== undefined) row[column]?.push(id);
      segments.push({ id, line: lineNumber, anchor, place, source: cleanSource, translation: cleanTranslation });
    }
    if (cells.length) table.push(row);
  }
  return { file, ...meta, segments, table };
}

function parseFrontMatter(file: string, lines: string[]) {
  if (lines[0]?.trim() !== '---') throw new ArticleFormatError(file, 1, 'missing YAML front matter (expected "---")');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new ArticleFormatError(file, 1, 'front matter is not closed by "---"');
  const lineOf = (name: string): number => {
    const at = lines.slice(1, end).findIndex((l) => l.startsWith(`${name}:`));
    if (at < 0) throw new ArticleFormatError(file, 1, `front matter has no "${name}"`);
    return at + 2;
  };
  const field = (name: string): string =>
    (lines[lineOf(name) - 1] ?? '')
      .slice(name.length + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  return {
    meta: {
      locale: field('ms.contentlocale'),
      localeLine: lineOf('ms.contentlocale'),
      title: field('title'),
      description: field('description'),
    },
    bodyStart: end + 1,
  };
}

/** The number of the numbered step a line belongs to: a new "N." item, an indented continuation, or none. */
function stepAt(line: string, current: number | undefined): number | undefined {
  const numbered = /^\s{0,3}(\d+)\.\s/.exec(line);
  if (numbered) return Number(numbered[1]);
  if (/^\s*#/.test(line) || /^\S/.test(line)) return undefined;
  return current;
}

function placeOf(
  line: string,
  at: { heading: boolean; step?: number; href?: string; column?: number; row: number },
): SegmentPlace {
  if (at.heading) return { kind: 'heading' };
  if (at.href) return { kind: 'link', href: at.href };
  if (at.column !== undefined) return { kind: 'table-cell', row: at.row, column: at.column };
  if (/^\s*>/.test(line)) return at.step ? { kind: 'note', step: at.step } : { kind: 'note' };
  if (at.step !== undefined) return { kind: 'step', step: at.step };
  if (/^\s*[-*]\s/.test(line)) return { kind: 'list-item' };
  return { kind: 'paragraph' };
}

/** The cells of a markdown table row (text between pipes), or none for a line that is not a table row. */
function tableCells(line: string): string[] {
  if (!/^\s*\|/.test(line)) return [];
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

function cellIndexOf(line: string, pairs: RegExpMatchArray[], id: number): number {
  const pair = pairs.find((p) => Number(p[2]) === id);
  const before = line.slice(0, pair?.index ?? 0);
  return (before.match(/\|/g)?.length ?? 1) - 1;
}
