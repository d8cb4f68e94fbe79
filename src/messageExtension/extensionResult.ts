/**
 * A message extension result as Teams takes it: the card inserted into the conversation, with a thumbnail
 * card as its preview in the result list, under Teams' 28 KB limit. Declared here, not imported from the SDK:
 * botbuilder's `MessagingExtensionResponse` is structurally the same, and the bot hands this on as it is.
 */
import { ADAPTIVE_CARD_CONTENT_TYPE, renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import type { CardView } from '../../cards/cardData';
import type { Lang } from '../i18n/locales';
import { MAX_RESULT_BYTES } from './commands';

export const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

/** What the result list shows for one result: a thumbnail card's fields. */
export interface ResultPreview {
  title: string;
  subtitle?: string;
  text: string;
}

export interface ExtensionResult {
  preview: ResultPreview;
  /** The card inserted when the result is picked. */
  card: AdaptiveCardJson;
}

export interface ExtensionAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCardJson;
  preview: { contentType: typeof THUMBNAIL_CARD_CONTENT_TYPE; content: ResultPreview };
}

export interface ComposeExtensionResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: ExtensionAttachment[] };
}

const PREVIEW_TEXT_MAX = 240;

/** A preview's text: one line, cut at a word near the limit. */
export function previewText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= PREVIEW_TEXT_MAX) return line;
  const cut = line.slice(0, PREVIEW_TEXT_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_TEXT_MAX / 2))}…`;
}

export function attachmentOf(result: ExtensionResult): ExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: result.card,
    preview: { contentType: THUMBNAIL_CARD_CONTENT_TYPE, content: result.preview },
  };
}

/**
 * A result that only tells something (not answered, where tickets are searched, too long): the bot's card for
 * what it cannot answer, without its chat buttons. An Adaptive Card like every result: hosts that render
 * no thumbnail card as a result (the Agents Playground) show it too.
 * @param link a link the text ends with (the article, for a question it does not answer)
 */
export function noticeResult(
  lang: Lang,
  title: string,
  text: string,
  link?: { title: string; url: string },
): ExtensionResult {
  const card = renderView({
    kind: 'fallback',
    data: {
      lang,
      title,
      text: link ? `${text} [${link.title}](${link.url})` : text,
      suggestions: [],
      personText: '',
      followUps: [],
    },
  });
  return { preview: { title, text }, card };
}

/** The bytes Teams counts for a result: the attachment as JSON. */
export function resultBytes(result: ExtensionResult): number {
  return Buffer.byteLength(JSON.stringify(attachmentOf(result)), 'utf8');
}

/**
 * The result for a view, or undefined when even its short form is over the limit. An answer over it drops the
 * folded rest of its section first (its quoted sentences and the link to the section stay).
 */
export function resultOf(view: CardView, preview: ResultPreview): ExtensionResult | undefined {
  const full = { preview, card: renderView(view) };
  if (resultBytes(full) <= MAX_RESULT_BYTES) return full;
  if (view.kind !== 'answer') return undefined;
  const short = { preview, card: renderView({ kind: 'answer', data: { ...view.data, blocks: [], foldTitle: '' } }) };
  return resultBytes(short) <= MAX_RESULT_BYTES ? short : undefined;
}

/** The invoke response's body: the results as a list. */
export function composeExtensionResponse(results: readonly ExtensionResult[]): ComposeExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: results.map(attachmentOf) } };
}
