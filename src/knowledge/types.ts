/** The shape of the knowledge base the article importer produces. */
import type { Lang } from '../i18n/locales';

/** Where a segment stands in the article. */
export type PlaceKind = 'heading' | 'paragraph' | 'step' | 'list-item' | 'note' | 'table-cell' | 'link';

export interface SegmentPlace {
  kind: PlaceKind;
  /** The number of the numbered step the segment belongs to (a step's own text, its sub-items and notes). */
  step?: number;
  /** For a table cell: its row and column (0-based, header row is 0). */
  row?: number;
  column?: number;
  /** For a link segment: where the link points. */
  href?: string;
}

/** One sentence of the article: the English source and its three official translations. */
export interface Segment {
  id: number;
  /** The anchor of the section (heading) the segment belongs to. */
  anchor: string;
  place: SegmentPlace;
  /** Segments with the same block number were written in one markdown block (one paragraph, step or note). */
  block: number;
  text: Record<Lang, string>;
}

export interface Section {
  anchor: string;
  /** The heading segment; the section's title in every language. */
  heading: number;
  /** Every segment of the section in reading order, the heading included. */
  segments: number[];
}

export interface ArticleMeta {
  title: Record<Lang, string>;
  /** The live article URL with a `{locale}` placeholder. */
  liveUrl: string;
}

export interface KnowledgeBase {
  meta: ArticleMeta;
  segments: Record<number, Segment>;
  sections: Section[];
  /** The entitlement table: rows of cells, each cell the segments written in it. Row 0 is the header. */
  table: number[][][];
}
