/** A reply as every channel needs it: the rendered Adaptive Card and its plain-text twin. */
import type { CardKind, CardView } from './cardData';
import { renderView, type AdaptiveCardJson } from './renderCard';
import { cardToText } from './cardToText';

export interface Reply {
  kind: CardKind;
  card: AdaptiveCardJson;
  text: string;
}

export function toReply(view: CardView): Reply {
  const card = renderView(view);
  return { kind: view.kind, card, text: cardToText(card) };
}
