/**
 * Joins the three parsed translations of the article into one knowledge base: every segment with its English
 * source and the ru-RU, pt-BR and fr-FR translations, checked to be the same article in all three files.
 */
import { LOCALE_OF, langOfLocale, type Lang } from '../i18n/locales';
import { ArticleFormatError } from './articleFormatError';
import type { ParsedArticle, ParsedSegment } from './parseArticle';
import type { KnowledgeBase, Section, Segment } from './types';

/** The languages the article files are translations into. */
const TRANSLATED = ['ru', 'pt', 'fr'] as const satisfies readonly Lang[];

/** What the article files do not say of themselves: its English title and where it lives. */
export interface ArticleIdentity {
  /** The English title of the article. */
  title: string;
  /** The live article URL with a `{locale}` placeholder. */
  liveUrl: string;
}

/** @param articles the parsed ru-RU, pt-BR and fr-FR files (one each) */
export function buildKnowledgeBase(articles: ParsedArticle[], identity: ArticleIdentity): KnowledgeBase {
  const byLang = new Map<Lang, ParsedArticle>();
  for (const article of articles) {
    const lang = langOfLocale(article.locale);
    if (!lang || lang === 'en' || LOCALE_OF[lang] !== article.locale) {
      throw new ArticleFormatError(
        article.file,
        article.localeLine,
        `ms.contentlocale "${article.locale}" is not one of ${TRANSLATED.map((l) => LOCALE_OF[l]).join(', ')}`,
      );
    }
    if (byLang.has(lang))
      throw new ArticleFormatError(article.file, article.localeLine, `a second file for ${article.locale}`);
    byLang.set(lang, article);
  }
  const missing = TRANSLATED.filter((lang) => !byLang.has(lang));
  if (missing.length)
    throw new ArticleFormatError(
      'source.json',
      1,
      `no article file for ${missing.map((l) => LOCALE_OF[l]).join(', ')}`,
    );

  const reference = checkSameArticle(articles);
  const segments: Record<number, Segment> = {};
  for (const parsed of reference.segments) {
    const text = { en: parsed.source } as Record<Lang, string>;
    for (const [lang, article] of byLang)
      text[lang] = article.segments.find((s) => s.id === parsed.id)?.translation ?? '';
    segments[parsed.id] = { id: parsed.id, anchor: parsed.anchor, place: parsed.place, block: parsed.line, text };
  }

  const heading = (lang: Lang) => byLang.get(lang)?.title ?? '';
  return {
    meta: {
      title: { en: identity.title, ru: heading('ru'), pt: heading('pt'), fr: heading('fr') },
      liveUrl: identity.liveUrl,
    },
    segments,
    sections: sectionsOf(reference),
    table: reference.table,
  };
}

/**
 * Checks the files are one article: the same segments, the same English source, in the same places. Where
 * they disagree, the file that differs from the others is the one blamed, at the line of the difference.
 * @returns a file that agrees with the majority on everything
 */
function checkSameArticle(articles: readonly ParsedArticle[]): ParsedArticle {
  const ids = [...new Set(articles.flatMap((a) => a.segments.map((s) => s.id)))].sort((a, b) => a - b);
  for (const id of ids) {
    const present = articles.filter((a) => a.segments.some((s) => s.id === id));
    for (const article of articles) {
      if (present.includes(article)) continue;
      const before = article.segments.filter((s) => s.id < id).at(-1);
      throw new ArticleFormatError(
        article.file,
        before?.line ?? 1,
        `segment ${id} is missing (it follows segment ${before?.id ?? 'none'})`,
      );
    }
    const twins = articles.map((a) => ({ article: a, segment: a.segments.find((s) => s.id === id) as ParsedSegment }));
    const signature = (t: (typeof twins)[number]) =>
      JSON.stringify([t.segment.source, t.segment.anchor, t.segment.place.kind]);
    const counts = new Map<string, number>();
    for (const twin of twins) counts.set(signature(twin), (counts.get(signature(twin)) ?? 0) + 1);
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const odd = twins.find((t) => signature(t) !== majority);
    if (odd) {
      const agreeing = twins.find((t) => signature(t) === majority);
      const what =
        odd.segment.source !== agreeing?.segment.source ? 'English source differs' : 'stands in a different place';
      throw new ArticleFormatError(
        odd.article.file,
        odd.segment.line,
        `segment ${id}: ${what} from ${agreeing?.article.file}:${agreeing?.segment.line}`,
      );
    }
  }
  return articles[0] as ParsedArticle;
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
