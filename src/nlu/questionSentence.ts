/**
 * The question of a long message: partners tell what they clicked and what the page said, then ask. The last
 * sentence that asks something is the question; the classifier weighs it beside the whole message.
 */
import { asksSomething } from './replyWords';

/** Sentence ends: . ! ? … followed by a space, or a new line. */
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/u;
const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
/** A sentence this short ("What now?") says too little to classify on its own. */
const MIN_QUESTION_WORDS = 4;

/**
 * The last sentence of a message of several sentences that asks something, or undefined (one sentence, or no
 * sentence long enough that asks).
 * @example questionSentence('We renewed last week. The page is empty. Where do I activate the benefits?')
 *   // 'Where do I activate the benefits?'
 */
export function questionSentence(text: string): string | undefined {
  if (!hasSentenceEnd(text)) return undefined;
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length < 2) return undefined;
  for (let i = sentences.length - 1; i >= 0; i--) {
    const sentence = sentences[i] as string;
    if (wordCount(sentence) >= MIN_QUESTION_WORDS && asksSomething(sentence)) return sentence;
  }
  return undefined;
}

const SPACE = /\s/u;

/** Whether SENTENCE_END occurs in a text, told without splitting it (most questions are one sentence). */
function hasSentenceEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) return true;
    const ends = code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
    if (ends && i + 1 < text.length && SPACE.test(text.charAt(i + 1))) return true;
  }
  return false;
}
