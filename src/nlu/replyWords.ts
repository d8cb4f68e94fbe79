/**
 * The words that make a reply an answer in context, from content/nlu/replies.json (per language, matched in
 * any): yes and no, "I don't know", a choice by its place ("the second one"), the words that open a
 * hypothetical follow-up ("and what about…") or a statement about the partner ("we're…"), and fillers.
 */
import { readFileSync } from 'node:fs';
import { plain } from '../../cards/views/articleText';
import { contentPath } from '../contentPath';
import { LANGS } from '../i18n/locales';
import { matchForm } from './normalize';

/** The most words a yes, a no or an "I don't know" may come with ("yes, please open it"). */
const MAX_SHORT_REPLY_WORDS = 6;

/** A reply as the matchers compare it: folded, punctuation gone, single spaces. */
export function wordsOf(text: string): string {
  return matchForm(plain(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface LangReplies {
  yes: string[];
  no: string[];
  dontKnow: string[];
  ordinals: Record<string, string[]>;
  hypothetical: string[];
  aboutUs: string[];
  fillers: string[];
  joins: string[];
  questionWords: string[];
}

interface ReplyWords {
  yes: string[];
  no: string[];
  dontKnow: string[];
  ordinals: { place: number; phrase: string }[];
  /** Longest first, so "and what about" wins over "and". */
  hypothetical: string[];
  aboutUs: string[];
  fillers: Set<string>;
  /** As written (not folded): they are matched in the message itself. */
  joins: string[];
  questionWords: string[];
}

const longestFirst = (phrases: string[]): string[] =>
  [...new Set(phrases.map(wordsOf))].filter(Boolean).sort((a, b) => b.length - a.length);

function loadReplyWords(): ReplyWords {
  const file = JSON.parse(readFileSync(contentPath('nlu', 'replies.json'), 'utf8')) as Record<
    string,
    LangReplies | string
  >;
  const langs = LANGS.map((lang) => {
    const entry = file[lang];
    if (typeof entry !== 'object') throw new Error(`content/nlu/replies.json: no words for ${lang}`);
    return entry;
  });
  const all = (key: 'yes' | 'no' | 'dontKnow' | 'hypothetical' | 'aboutUs' | 'fillers' | 'joins' | 'questionWords') =>
    longestFirst(langs.flatMap((l) => l[key]));
  return {
    yes: all('yes'),
    no: all('no'),
    dontKnow: all('dontKnow'),
    ordinals: langs.flatMap((l) =>
      Object.entries(l.ordinals).flatMap(([place, phrases]) =>
        phrases.map((phrase) => ({ place: Number(place), phrase: wordsOf(phrase) })),
      ),
    ),
    hypothetical: all('hypothetical'),
    aboutUs: all('aboutUs'),
    fillers: new Set(all('fillers')),
    joins: [...new Set(langs.flatMap((l) => l.joins))].sort((a, b) => b.length - a.length),
    questionWords: all('questionWords'),
  };
}

let loaded: ReplyWords | undefined;
function replyWords(): ReplyWords {
  loaded ??= loadReplyWords();
  return loaded;
}

/** The phrase of `phrases` the words start with (whole words), if any. */
function leading(words: string, phrases: readonly string[]): string | undefined {
  return phrases.find((phrase) => words === phrase || words.startsWith(`${phrase} `));
}

function isShort(words: string): boolean {
  return words.split(' ').length <= MAX_SHORT_REPLY_WORDS;
}

/** @example yesOrNo('ok, go ahead') // 'yes' */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const words = wordsOf(text);
  if (!words || !isShort(words)) return undefined;
  const { yes, no, dontKnow } = replyWords();
  if (leading(words, dontKnow)) return undefined;
  const saidYes = leading(words, yes);
  const saidNo = leading(words, no);
  if (saidYes && saidNo) return saidYes.length >= saidNo.length ? 'yes' : 'no';
  return saidYes ? 'yes' : saidNo ? 'no' : undefined;
}

/** @example saysDontKnow('не знаю') // true */
export function saysDontKnow(text: string): boolean {
  const words = wordsOf(text);
  return Boolean(words) && isShort(words) && Boolean(leading(words, replyWords().dontKnow));
}

/** The place of a choice a reply names: "the second one" → 2, "3" → 3. */
export function ordinalOf(text: string): number | undefined {
  const { ordinals, fillers } = replyWords();
  const words = wordsOf(text)
    .split(' ')
    .filter((word) => !fillers.has(word) && word !== 'o' && word !== 'le' && word !== 'la');
  const rest = words.join(' ');
  if (/^\d$/.test(rest)) return Number(rest);
  return ordinals.find(({ phrase }) => phrase === rest)?.place;
}

/** How a follow-up is put: its opening words, and what is left once those and the fillers are gone. */
export interface FollowUpForm {
  /** "and what about silver?", "а если золотой?": another case, asked about. */
  hypothetical: boolean;
  /** "we're gold now", "actually we are silver": the partner says something about themselves. */
  aboutUs: boolean;
  /** The words after the opening and the fillers before the value: "cloud" of "а для облака?". */
  rest: string;
}

/** @example followUpForm('а для облака?') // { hypothetical: true, aboutUs: false, rest: 'облака' } */
export function followUpForm(text: string): FollowUpForm {
  const { hypothetical, aboutUs, fillers } = replyWords();
  let words = wordsOf(text);
  const us = leading(words, aboutUs);
  const opening = us ? undefined : leading(words, hypothetical);
  words = words.slice((us ?? opening ?? '').length).trim();
  const list = words.split(' ').filter(Boolean);
  while (list.length > 1 && fillers.has(list[0] as string)) list.shift();
  return {
    hypothetical: !us && (Boolean(opening) || text.trim().endsWith('?')),
    aboutUs: Boolean(us),
    rest: list.join(' '),
  };
}

/** The words that join two questions in one message ("and", "также", "et"), longest first, as written. */
export function joiningWords(): readonly string[] {
  return replyWords().joins;
}

/**
 * Whether a piece of a message asks something: it has a question mark, or a clause of it starts (after a
 * joining word) with a question word ("how", "где", "onde", "combien").
 * @example asksSomething('and where do I check how many are left') // true
 */
export function asksSomething(text: string): boolean {
  if (text.includes('?')) return true;
  const { joins, questionWords } = replyWords();
  const joinWords = joins.map(wordsOf);
  // Each clause: "our membership was approved yesterday, what do I do now" asks in its second.
  return text.split(/[,.;:!\n]+/).some((clause) => {
    let words = wordsOf(clause);
    const join = leading(words, joinWords);
    if (join) words = words.slice(join.length).trim();
    return Boolean(leading(words, questionWords));
  });
}
