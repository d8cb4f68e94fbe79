/** Quoting the article: a segment's text in a language, section headings, and links to the live article. */
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import type { Link } from '../cardData';
import { PORTALS, type PortalId } from '../../src/rules/portals';

const MARKDOWN_LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The article's sentence `id` in `lang`, its relative links made absolute for that language. */
export function quote(id: number, lang: Lang, kb: KnowledgeBase = knowledgeBase()): string {
  const segment = kb.segments[id];
  if (!segment) throw new Error(`the article has no segment ${id}`);
  return segment.text[lang].replace(
    MARKDOWN_LINK,
    (_whole, text: string, href: string) => `[${text}](${absoluteHref(href, lang, kb)})`,
  );
}

/** A quoted sentence without the footnote mark it opens with ("*Cloud competencies…", "* Компетенции…"). */
export function withoutFootnoteMark(text: string): string {
  return text.replace(/^\*\s*(?!\*)/, '');
}

/** The article's sentences in reading order, joined with a space. */
export function quoteAll(ids: readonly number[], lang: Lang, kb: KnowledgeBase = knowledgeBase()): string {
  return ids.map((id) => quote(id, lang, kb)).join(' ');
}

/** A segment's text without markdown, for plain text and buttons. */
export function plain(markdown: string): string {
  return markdown.replace(MARKDOWN_LINK, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1');
}

/** The live article's URL in `lang`, at the section `anchor` when given. */
export function articleUrl(lang: Lang, anchor?: string, kb: KnowledgeBase = knowledgeBase()): string {
  const base = kb.meta.liveUrl.replace('{locale}', LOCALE_OF[lang].toLowerCase());
  return anchor ? `${base}#${anchor}` : base;
}

function absoluteHref(href: string, lang: Lang, kb: KnowledgeBase): string {
  if (/^https?:\/\//.test(href)) return href;
  const page = href.replace(/\.md$/, '');
  return new URL(page, articleUrl(lang, undefined, kb)).toString();
}

/** The heading of the section a segment belongs to, in `lang`. */
export function sectionHeading(segmentId: number, lang: Lang, kb: KnowledgeBase = knowledgeBase()): string {
  const anchor = kb.segments[segmentId]?.anchor;
  const section = kb.sections.find((s) => s.anchor === anchor);
  if (!section) throw new Error(`segment ${segmentId} belongs to no section`);
  return plain(quote(section.heading, lang, kb));
}

/** Where a portal is: the first link of the segment the article names it in, or its fixed URL. */
export function portalUrl(portal: PortalId, kb: KnowledgeBase = knowledgeBase()): string {
  const where = PORTALS[portal];
  if ('url' in where) return where.url;
  const text = kb.segments[where.segment]?.text.en ?? '';
  const link = [...text.matchAll(MARKDOWN_LINK)][0];
  if (!link?.[2]) throw new Error(`segment ${where.segment} has no link for portal ${portal}`);
  return link[2];
}

/** The link under every answer: the section of the live article in the partner's language. */
export function sourceLink(segmentId: number, lang: Lang, kb: KnowledgeBase = knowledgeBase()): Link {
  return {
    title: t(lang, 'card.source', { title: kb.meta.title[lang] }),
    url: articleUrl(lang, kb.segments[segmentId]?.anchor, kb),
  };
}
