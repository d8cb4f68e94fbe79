/** Turns cited segments into answer blocks: numbered steps, notes and quoted sentences, in reading order. */
import type { AnswerBlock } from '../cardData';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { Lang } from '../../src/i18n/locales';
import { quote } from './articleText';

/**
 * Consecutive segments of one markdown block (a paragraph, a note), or of one numbered step with its
 * sub-items, join into one answer block, so a sentence the translators cut in two reads as one; headings are
 * left out (the card's title is the heading).
 */
export function answerBlocks(cites: readonly number[], lang: Lang): AnswerBlock[] {
  const kb = knowledgeBase();
  const blocks: AnswerBlock[] = [];
  let previous: { block: number; kind: string; step?: number } | undefined;
  for (const id of cites) {
    const segment = kb.segments[id];
    if (!segment || segment.place.kind === 'heading') continue;
    const text = quote(id, lang);
    const { kind, step } = segment.place;
    const last = blocks.at(-1);
    const sameBlock = previous?.block === segment.block;
    const sameStep = kind === 'step' && previous?.kind === 'step' && previous.step === step;
    if (last && (sameBlock || sameStep)) last.text = `${last.text} ${text}`;
    else if (kind === 'step') blocks.push({ kind: 'step', marker: `${step}.`, text });
    else if (kind === 'note') blocks.push({ kind: 'note', text });
    else blocks.push({ kind: 'text', text });
    previous = { block: segment.block, kind, ...(step === undefined ? {} : { step }) };
  }
  return blocks;
}
