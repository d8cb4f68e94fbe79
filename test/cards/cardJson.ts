/** Reading rendered card JSON in tests: every typed node (elements and actions) in document order. */

export type CardNode = Record<string, unknown> & { type: string };

/**
 * Every object with a string `type` below `value`, depth first, in the order a reader meets them.
 * @example nodesOf(card).filter((node) => node.type === 'TextBlock')
 */
export function nodesOf(value: unknown): CardNode[] {
  const nodes: CardNode[] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) {
      item.forEach(visit);
      return;
    }
    if (typeof item !== 'object' || item === null) return;
    const record = item as Record<string, unknown>;
    if (typeof record.type === 'string') nodes.push(record as CardNode);
    // `data` is what a button sends back, not part of the card's layout.
    for (const [key, child] of Object.entries(record)) if (key !== 'data') visit(child);
  };
  visit(value);
  return nodes;
}

export function isAction(node: CardNode): boolean {
  return node.type.startsWith('Action.');
}

/** The markdown links `[text](url)` in a text. */
export function markdownLinks(text: string): { text: string; url: string }[] {
  return [...text.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)].map((match) => ({
    text: match[1] ?? '',
    url: match[2] ?? '',
  }));
}
