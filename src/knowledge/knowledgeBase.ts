/**
 * The knowledge base as the running product uses it: imported once from the article files in
 * content/article and kept in memory (the import takes a few milliseconds; see bench/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPath } from '../contentPath';
import { buildKnowledgeBase } from './buildKnowledgeBase';
import { parseArticle } from './parseArticle';
import type { KnowledgeBase } from './types';

export interface ArticleSource {
  title: string;
  liveUrl: string;
  files: Record<string, string>;
}

/** Reads and imports the article files named in content/article/source.json. */
export function importArticle(folder = contentPath('article')): KnowledgeBase {
  const source = JSON.parse(readFileSync(join(folder, 'source.json'), 'utf8')) as ArticleSource;
  const parsed = Object.values(source.files).map((file) =>
    parseArticle(file, readFileSync(join(folder, file), 'utf8')),
  );
  return buildKnowledgeBase(parsed, { title: source.title, liveUrl: source.liveUrl });
}

let cached: KnowledgeBase | undefined;

/** The product's knowledge base, imported on first use. */
export function knowledgeBase(): KnowledgeBase {
  cached ??= importArticle();
  return cached;
}
