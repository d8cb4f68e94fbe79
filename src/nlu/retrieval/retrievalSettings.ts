/**
 * The retrieval's tuned settings. Chosen on the tuning questions (content/nlu/tuning/details) and the training
 * set's out-of-scope questions, never on the development sets; `npm run eval` reports what they give there.
 */
export const RETRIEVAL_SETTINGS = {
  /** BM25 term-frequency saturation and length normalization. */
  k1: 1.2,
  b: 0.5,
  /** How much a cue word (content/nlu/retrieval-cues.json) counts in a question; below 1, the weight of the question's own words. */
  cueWeight: 0.8,
  /** A word longer than this is also indexed by its first this-many letters. */
  prefixLength: 5,
  /** How much the English source sentence counts in a translation's index (its product names, "Access ID"). */
  sourceWeight: 0.3,
  /** How much the questions a segment answers count (content/nlu/retrieval-questions.json). */
  questionWeight: 0.3,
  /** How much the text of a link counts (it names the page it opens). */
  linkTextWeight: 0.5,
  /** How much the section heading and the rest of the sentence's block count. */
  contextWeight: 0.3,
  /** A question word the article never uses weighs this share of the rarest word's weight. */
  unknownWordWeight: 0.5,
  /** A segment of the question's topic section has its score multiplied by 1 + this. */
  topicBoost: 0.4,
  /** The least calibrated score an answer needs when no topic is known (the out-of-scope threshold). */
  threshold: 0.38,
  /** The least inverse document frequency of the rarest question word a segment contains. */
  minKeyWordWeight: 2,
  /** The least calibrated score when the question's topic is known. */
  topicThreshold: 0.16,
  /**
   * When the classifier gives a question's topic at least this much, the topics it gave less than
   * `runnerUpConfidence` are ruled out: their sections answer only at the no-topic threshold.
   */
  sureTopicConfidence: 0.95,
  /** An out-of-scope question is looked up in its runner-up topic's sections when the classifier gave that topic this much. */
  runnerUpConfidence: 0.2,
  /** A second or third segment is kept when its score is at least this share of the best one's. */
  followerRatio: 0.6,
  maxSegments: 3,
} as const;
