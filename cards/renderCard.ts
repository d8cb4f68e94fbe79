/** The one way to build a card: a kind's JSON template expanded with its typed data. */
import * as ACData from 'adaptivecards-templating';
import type { CardDataByKind, CardKind, CardView } from './cardData';
import { TEMPLATES } from './templates';
import { BoundedCache } from '../src/boundedCache';

/** An Adaptive Card as JSON, ready to send as an attachment. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: unknown[] } & Record<string, unknown>;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Cards over this size are refused: Teams rejects messages near 40 KB. */
export const MAX_CARD_BYTES = 40 * 1024;

export class CardRenderError extends Error {
  constructor(
    readonly kind: CardKind,
    reason: string,
  ) {
    super(`card "${kind}": ${reason}`);
    this.name = 'CardRenderError';
  }
}

const compiled = new Map<CardKind, { template: ACData.Template; expressions: string[] }>();

/** The template's own `${…}` expressions: left in the output, one of them means a binding failed. */
function expressionsOf(template: object): string[] {
  return [...new Set(JSON.stringify(template).match(/\$\{[^}]*\}/g) ?? [])];
}

/**
 * @example renderCard('clarify', { locale: 'fr-FR', title: 'Vouliez-vous dire…', text: '…', candidates: [], followUps: [] })
 */
export function renderCard<K extends CardKind>(kind: K, data: CardDataByKind[K]): AdaptiveCardJson {
  // A card is a pure function of its kind and data, and most answers repeat (a topic, a language, a few facts):
  // the expression engine runs once per distinct card, later ones are parsed from the kept JSON.
  const key = `${kind}\u0000${JSON.stringify(data)}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return JSON.parse(kept) as AdaptiveCardJson;
  const card = expand(kind, data);
  rendered.set(key, JSON.stringify(card));
  return card;
}

/** How many distinct rendered cards are kept (the least recently used first out): a few MB at most. */
const RENDERED_CARDS_KEPT = 500;
const rendered = new BoundedCache<string, string>(RENDERED_CARDS_KEPT);

function expand<K extends CardKind>(kind: K, data: CardDataByKind[K]): AdaptiveCardJson {
  let entry = compiled.get(kind);
  if (!entry) {
    entry = { template: new ACData.Template(TEMPLATES[kind]), expressions: expressionsOf(TEMPLATES[kind]) };
    compiled.set(kind, entry);
  }
  // User text may contain "${…}", even one of the template's own expressions: it is data, never evaluated, so
  // it goes through the expansion with "${" shielded, and only what is left unshielded can be an unbound one.
  const shieldedCard = entry.template.expand({
    $root: mapStrings(data, (text) => text.replaceAll('${', SHIELDED)),
  }) as AdaptiveCardJson;
  const unbound = entry.expressions.find((expression) => JSON.stringify(shieldedCard).includes(expression));
  if (unbound) throw new CardRenderError(kind, `unbound expression ${unbound}`);
  const card = mapStrings(shieldedCard, (text) => text.replaceAll(SHIELDED, '${')) as AdaptiveCardJson;
  const json = JSON.stringify(card);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new CardRenderError(kind, `${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  return card;
}

/** "${" in data while the card is checked: a private-use character no template holds. */
const SHIELDED = '$\uE000{';

/** The value with every string in it mapped (plain objects and arrays copied, anything else as it is). */
function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

/** Renders a card view (a kind and its data, as composers return them). */
export function renderView(view: CardView): AdaptiveCardJson {
  // The union of views loses the link between kind and data that each composer's return type kept.
  return renderCard(view.kind, view.data);
}
