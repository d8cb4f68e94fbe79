/**
 * The card of one section of the article, as a link to it unfurls: the section's sentences in reading order
 * under its heading, linked to that section of the live article; the entitlement table's section is the
 * entitlement card (the whole table). Made for a message: no chat-only buttons.
 */
import type { CardView } from '../cardData';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { KnowledgeBase, Section } from '../../src/knowledge/types';
import type { Lang } from '../../src/i18n/locales';
import { decide } from '../../src/rules/decide';
import { answerBlocks } from './answerBlocks';
import { sectionHeading, sourceLink } from './articleText';
import { decisionView } from './decisionView';
import { NO_FEEDBACK, viewForMessage } from './messageView';

/** The section an anchor names, or undefined when the article has none by that name. */
export function sectionOf(anchor: string, kb: KnowledgeBase = knowledgeBase()): Section | undefined {
  return kb.sections.find((section) => section.anchor === anchor);
}

/**
 * @param anchor a section anchor of the article; undefined or unknown: the article's first section
 * @example sectionView('partner-support-plans', 'pt').data.title // 'Planos de Suporte para Parceiros'
 */
export function sectionView(anchor: string | undefined, lang: Lang, kb: KnowledgeBase = knowledgeBase()): CardView {
  const section = (anchor !== undefined ? sectionOf(anchor, kb) : undefined) ?? kb.sections[0];
  if (!section) throw new Error('the article has no sections');
  const table = decide('entitlement', {});
  const tableView =
    kb.segments[table.cites[0] ?? -1]?.anchor === section.anchor
      ? viewForMessage(decisionView(table, {}, lang))
      : undefined;
  if (tableView) return tableView;
  return {
    kind: 'answer',
    data: {
      lang,
      title: sectionHeading(section.heading, lang, kb),
      quoted: [],
      lead: '',
      blocks: answerBlocks(section.segments, lang),
      foldTitle: '',
      facts: [],
      source: sourceLink(section.heading, lang, kb),
      links: [],
      followUps: [],
      feedback: NO_FEEDBACK,
    },
  };
}
