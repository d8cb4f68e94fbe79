/** The article's translation files as the importer reads them, and where a segment stands in their raw text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPath } from '../../src/contentPath';
import type { ArticleSource } from '../../src/knowledge/knowledgeBase';

export const ARTICLE_FOLDER = contentPath('article');

export interface ArticleFile {
  locale: string;
  file: string;
  text: string;
}

/** The files named in content/article/source.json, in its order, with their raw text. */
export function articleFiles(): ArticleFile[] {
  const source = JSON.parse(readFileSync(join(ARTICLE_FOLDER, 'source.json'), 'utf8')) as ArticleSource;
  return Object.entries(source.files).map(([locale, file]) => ({
    locale,
    file,
    text: readFileSync(join(ARTICLE_FOLDER, file), 'utf8'),
  }));
}

/** The whole `<span data-ttu-id>…</span><span class="sxs-lookup">…</span></span>` pair of one segment. */
export function pairOf(text: string, id: number): string {
  const found = new RegExp(`<span data-ttu-id="[0-9a-f]+-${id}">.*?</span></span>`).exec(text);
  if (!found) throw new Error(`segment ${id} is not in the text`);
  return found[0];
}

/** The 1-based line where a segment's pair starts. */
export function lineOf(text: string, id: number): number {
  return lineAt(text, text.indexOf(pairOf(text, id)));
}

/** The 1-based line of the first line that starts with `prefix`. */
export function lineStartingWith(text: string, prefix: string): number {
  const at = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (at < 0) throw new Error(`no line starts with "${prefix}"`);
  return at + 1;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
