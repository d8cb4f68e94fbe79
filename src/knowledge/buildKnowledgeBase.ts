/**
 * Joins the three parsed translations of the article into one knowledge base: every segment with its English
 * source and the ru-RU, pt-BR and fr-FR translations, checked to be the same article in all three files.
 */
import { langOfLocale, type Lang } from '../i18n/locales';
import { ArticleFormatError } from './articleFormatError';
import type { ParsedArticle } from './parseArticle';
import type { KnowledgeBase, Section, Segment } from './types';

/** What the article files do not say of themselves: its English title and where it lives. */
export interface ArticleIdentity {
  /** The English title of the article. */
  title: string;
  /** The live article URL with a `{locale}` placeholder. */
  liveUrl: string;
}

/** @param articles the parsed ru-RU, pt-BR and fr-FR files (one each) */
export function buildKnowledgeBase(articles: ParsedArticle[], identity: ArticleIdentity): KnowledgeBase {
  const [first, ...others] = articles;
  if (!first) throw new Error('buildKnowledgeBase needs at least one parsed article');
  const byLang = new Map<Lang, ParsedArticle>();
  for (const article of articles) {
    const lang = langOfLocale(article.locale);
    if (!lang || lang === 'en') {
      throw new ArticleFormatError(article.file, 1, `ms.contentlocale "${article.locale}" is not one of ru-RU, pt-BR, fr-FR`);
    }
    if (byLang.has(lang)) throw new ArticleFormatError(article.file, 1, `a second file for ${article.locale}`);
    byLang.set(lang, article);
  }

  for (const other of others) checkSameStructure(first, other);

  const segments: Record<number, Segment> = {};
  for (const parsed of first.segments) {
    const text = { en: parsed.source } as Record<Lang, string>;
    for (const [lang, article] of byLang) {
      const twin = article.segments.find((s) => s.id === parsed.id);
      text[lang] = twin?.translation ?? '';
    }
    segments[parsed.id] = { id: parsed.id, anchor: parsed.anchor, place: parsed.place, text };
  }

  const heading = (lang: Lang) => byLang.get(lang)?.title ?? '';
  return {
    meta: {
      title: { en: identity.title, ru: heading('ru'), pt: heading('pt'), fr: heading('fr') },
      liveUrl: identity.liveUrl,
    },
    segments,
    sections: sectionsOf(first),
    table: first.table,
  };
}

function checkSameStructure(reference: ParsedArticle, other: ParsedArticle): void {
  const ids = new Set(reference.segments.map((s) => s.id));
  for (const segment of other.segments) {
    const twin = reference.segments.find((s) => s.id === segment.id);
    if (!twin) {
      throw new ArticleFormatError(other.file, segment.line, `segment ${segment.id} is not in ${reference.file}`);
    }
    ids.delete(segment.id);
    if (twin.source !== segment.source) {
      throw new ArticleFormatError(
        other.file,
        segment.line,
        `segment ${segment.id}: English source differs from ${reference.file}:${twin.line}`,
      );
    }
    if (twin.anchor !== segment.anchor || twin.place.kind !== segment.place.kind) {
      throw new ArticleFormatError(
        other.file,
        segment.line,
        `segment ${segment.id} stands in a different place than in ${reference.file}:${twin.line}`,
      );
    }
  }
  const missing = [...ids];
  if (missing.length) {
    throw new ArticleFormatError(other.file, 1, `segment(s) ${missing.join(', ')} of ${reference.file} are missing`);
  }
}

function sectionsOf(article: ParsedArticle): Section[] {
  const sections: Section[] = [];
  for (const segment of article.segments) {
    let section = sections.at(-1);
    if (!section || section.anchor !== segment.anchor) {
      section = { anchor: segment.anchor, heading: segment.id, segments: [] };
      sections.push(section);
    }
    section.segments.push(segment.id);
  }
  return sections;
}
