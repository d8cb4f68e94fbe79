/** Turns cited segments into answer blocks: numbered steps, notes and quoted sentences, in reading order. */
import type { AnswerBlock } from '../../cards/cardData';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Lang } from '../i18n/locales';
import { quote } from './articleText';

/**
 * Consecutive segments of one step, or of one note, join into one block; headings are left out (the card's
 * title is the heading).
 */
export function answerBlocks(cites: readonly number[], lang: Lang): AnswerBlock[] {
  const kb = knowledgeBase();
  const blocks: AnswerBlock[] = [];
  let previous: { kind: string; step?: number } | undefined;
  for (const id of cites) {
    const segment = kb.segments[id];
    if (!segment || segment.place.kind === 'heading') continue;
    const text = quote(id, lang);
    const { kind, step } = segment.place;
    const last = blocks.at(-1);
    const continues = last && previous && previous.kind === kind && previous.step === step && (kind === 'step' || kind === 'note');
    if (continues) last.text = `${last.text} ${text}`;
    else if (kind === 'step') blocks.push({ kind: 'step', marker: `${step}.`, text });
    else if (kind === 'note') blocks.push({ kind: 'note', text });
    else blocks.push({ kind: 'text', text });
    previous = { kind, step };
  }
  return blocks;
}
