/**
 * Several questions in one message ("how many incidents does gold get and where do I check how many are
 * left?"): split where a question mark, a new line, a semicolon or a joining word ("and", "also", "и", "e",
 * "et") stands, but only when every part asks something (a question mark or a question word), on a topic of
 * its own the classifier is sure of, so an "and" inside one question ("Access ID and Contract ID") or a
 * question told in two sentences never splits it.
 */
import type { Classification } from './classifier';
import { isTopic } from './intents';
import { asksSomething, followUpForm, joiningWords } from './replyWords';

export interface QuestionPart {
  text: string;
  classification: Classification;
}

/** How sure the classifier must be of every part. */
const SPLIT_CONFIDENCE = 0.8;
const MAX_PARTS = 3;
/** A part shorter than this is an ellipsis ("and gold?"), not a question of its own. */
const MIN_PART_WORDS = 3;
/** The joins tried in one message, first ones first (each costs two classifications). */
const MAX_JOINS = 4;

let joins: RegExp | undefined;
/** A question mark, a new line, a semicolon, or a joining word of content/nlu/replies.json between spaces. */
function joinPattern(): RegExp {
  const words = joiningWords().map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  joins ??= new RegExp(`(\\?)\\s+|\\n+|;\\s*|,?\\s+(?:${words.join('|')})\\s+`, 'giu');
  return joins;
}

/** Joins that end a sentence: a message cut at every one of them may be two or three questions at once. */
const SENTENCE_ENDS = /(\?)\s+|\n+|;\s*/gu;

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function isSure(classification: Classification): boolean {
  return (
    isTopic(classification.intent) && classification.by !== 'rejected' && classification.confidence >= SPLIT_CONFIDENCE
  );
}

/** "We are a gold partner" before "and Azure says…" tells the question's context; it asks nothing. */
function isStatementAboutUs(text: string): boolean {
  return followUpForm(text).aboutUs && !text.trim().endsWith('?');
}

/** What the words alone tell: checked before any classification, which costs far more. */
function asksInWords(text: string): boolean {
  return wordCount(text) >= MIN_PART_WORDS && asksSomething(text) && !isStatementAboutUs(text);
}

function isQuestion(part: QuestionPart): boolean {
  return isSure(part.classification) && asksInWords(part.text);
}

/** Two parts on the same topic are one question told in two sentences, far more often than two questions. */
function isSameQuestion(a: Classification, b: Classification): boolean {
  return a.intent === b.intent;
}

function splitInTwo(
  text: string,
  classify: (text: string) => Classification,
): [QuestionPart, QuestionPart] | undefined {
  let best: { parts: [QuestionPart, QuestionPart]; score: number } | undefined;
  for (const join of [...text.matchAll(joinPattern())].slice(0, MAX_JOINS)) {
    const start = join.index + (join[1] ? 1 : 0);
    const left = text.slice(0, start).trim();
    const right = text.slice(join.index + join[0].length).trim();
    if (!asksInWords(left) || !asksInWords(right)) continue;
    const parts: [QuestionPart, QuestionPart] = [
      { text: left, classification: classify(left) },
      { text: right, classification: classify(right) },
    ];
    if (!parts.every(isQuestion) || isSameQuestion(parts[0].classification, parts[1].classification)) continue;
    const score = Math.min(parts[0].classification.confidence, parts[1].classification.confidence);
    if (!best || score > best.score) best = { parts, score };
  }
  return best?.parts;
}

/** The message cut at every question mark, new line and semicolon, when that makes two or three sure, different questions. */
function splitAtSentenceEnds(text: string, classify: (text: string) => Classification): QuestionPart[] | undefined {
  const pieces: string[] = [];
  let from = 0;
  for (const end of text.matchAll(SENTENCE_ENDS)) {
    const to = end.index + (end[1] ? 1 : 0);
    pieces.push(text.slice(from, to).trim());
    from = end.index + end[0].length;
  }
  pieces.push(text.slice(from).trim());
  const questions = pieces.filter(Boolean);
  if (questions.length < 3 || questions.length > MAX_PARTS || !questions.every(asksInWords)) return undefined;
  const parts = questions.map((q) => ({ text: q, classification: classify(q) }));
  const distinct = parts.every((p, i) =>
    parts.every((o, j) => j <= i || !isSameQuestion(p.classification, o.classification)),
  );
  return distinct && parts.every(isQuestion) ? parts : undefined;
}

/**
 * The questions of a message, in order, or undefined when it asks one thing.
 * @example splitQuestions('how many incidents does gold get and where do I check how many are left?', classify)
 *   // [{ text: 'how many incidents does gold get', … entitlement }, { text: 'where do I check how many are left?', … remaining_incidents }]
 */
export function splitQuestions(text: string, classify: (text: string) => Classification): QuestionPart[] | undefined {
  const sentences = splitAtSentenceEnds(text, classify);
  if (sentences) return sentences;
  const two = splitInTwo(text, classify);
  if (!two) return undefined;
  const parts: QuestionPart[] = [...two];
  for (let i = 0; i < parts.length && parts.length < MAX_PARTS; i++) {
    const part = parts[i] as QuestionPart;
    const more = splitInTwo(part.text, classify);
    if (
      more &&
      more.every((p) => parts.every((other, j) => j === i || !isSameQuestion(p.classification, other.classification)))
    )
      parts.splice(i, 1, ...more);
  }
  return parts;
}
