/**
 * The plain-text face of a card, for channels without Adaptive Cards and for transcripts: every text block,
 * fact and button in reading order, a folded part (Action.ShowCard) after its button.
 */
import type { AdaptiveCardJson } from './renderCard';

/** A backslash before an ASCII punctuation character: markdown's escape (cards/userText.ts). */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const SHIELD = 0xe000;
const SHIELDED = /[\uE021-\uE07E]/g;

/** Markdown as plain text: links as "text (url)", emphasis marks dropped, escaped characters as themselves. */
export function markdownToPlain(markdown: string): string {
  // An escaped character is text, never syntax: kept aside as a private-use character while links and emphasis go.
  const shielded = markdown.replace(ESCAPED, (_escape, character: string) =>
    String.fromCharCode(SHIELD + character.charCodeAt(0)),
  );
  return shielded
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(“"«])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/^\*(?=\S)/, '')
    .replace(SHIELDED, (character) => String.fromCharCode(character.charCodeAt(0) - SHIELD));
}

/** Escaped characters as themselves (a fact's title or value, which has no other markdown here). */
function unescapeMarkdown(markdown: string): string {
  return markdown.replace(ESCAPED, '$1');
}

type Node = Record<string, unknown>;

/** A card property's text: templates fill them with strings; anything else shows as nothing. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function cardToText(card: AdaptiveCardJson): string {
  const lines: string[] = [];
  walk(card.body, lines);
  actionLines(card.actions, lines);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(elements: unknown, lines: string[]): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements as Node[]) {
    switch (element.type) {
      case 'TextBlock':
        lines.push(markdownToPlain(textOf(element.text)));
        break;
      case 'FactSet':
        for (const fact of (element.facts as Node[] | undefined) ?? [])
          lines.push(`${unescapeMarkdown(String(fact.title))}: ${unescapeMarkdown(String(fact.value))}`);
        break;
      case 'ColumnSet': {
        const cells = ((element.columns as Node[] | undefined) ?? []).map((column) => {
          const inner: string[] = [];
          walk(column.items, inner);
          return inner.join(' ').replace(/\n+/g, ' ').trim();
        });
        const row = cells.filter(Boolean);
        const numbered = /^\d+\.$/.test(row[0] ?? '');
        if (row.length) lines.push(numbered ? row.join(' ') : row.join(' | '));
        break;
      }
      case 'Container':
        walk(element.items, lines);
        break;
      case 'Table':
        for (const row of (element.rows as Node[] | undefined) ?? []) {
          const cells = ((row.cells as Node[] | undefined) ?? []).map((cell) => {
            const inner: string[] = [];
            walk(cell.items, inner);
            return inner.join(' ').replace(/\s+/g, ' ').trim();
          });
          lines.push(cells.join(' | '));
        }
        break;
      case 'ActionSet':
        actionLines(element.actions, lines);
        break;
      case 'Input.Text':
        lines.push(textOf(element.label));
        break;
      default:
        break;
    }
  }
}

function actionLines(actions: unknown, lines: string[]): void {
  if (!Array.isArray(actions)) return;
  for (const action of actions as Node[]) {
    if (action.type === 'Action.OpenUrl') lines.push(`- ${String(action.title)}: ${String(action.url)}`);
    else lines.push(`- [${String(action.title)}]`);
    // A folded part (Action.ShowCard) follows its button, so the plain text keeps the card's order.
    if (action.type === 'Action.ShowCard') walk((action.card as Node | undefined)?.body, lines);
  }
}
