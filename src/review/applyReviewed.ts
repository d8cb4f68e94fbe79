/**
 * Turning labelled review items into training lines: each goes to content/nlu/train/<lang>.json under its
 * intent (out of scope under out_of_scope; noise nowhere), unless the training data has the line already
 * (any intent), or a development set has it or nearly has it (content/nlu/dev/**, read only to refuse such lines
 * and never to write one). The comparisons are the NLU data test's: the sameness form, and for near-duplicates
 * the share of words two lines have in common (Jaccard ≥ 0.6), so a line apply writes never fails that test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import { NEAR_DUPLICATE_SIMILARITY, samenessForm, similarity, wordSet } from '../nlu/sameness';
import { redact } from '../privacy/redact';
import type { ApplyOutcome, ReviewItem } from './reviewItem';
import { trainingIntentOf, type GainTable } from './trainingGain';

export type TrainingFiles = Record<Lang, Record<string, string[]>>;

export interface ApplyPlan {
  /** The training files with the new lines appended (only the languages that changed). */
  files: Partial<TrainingFiles>;
  results: { id: string; outcome: ApplyOutcome }[];
  gained: GainTable;
}

/** The development lines, as apply compares with them: their sameness forms and their word sets. */
export interface DevLines {
  forms: Set<string>;
  words: Set<string>[];
}

/** Every string in every JSON file under a folder (the development sets, whatever their shape). */
export function devLinesUnder(folder: string): DevLines {
  const dev: DevLines = { forms: new Set(), words: [] };
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      dev.forms.add(samenessForm(value));
      dev.words.push(wordSet(value));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const read = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) read(path);
      else if (name.endsWith('.json')) walk(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    }
  };
  read(folder);
  return dev;
}

/** Whether a line is a development line, or nearly one. */
function collidesWithDev(line: string, dev: DevLines): boolean {
  if (dev.forms.has(samenessForm(line))) return true;
  const words = wordSet(line);
  return dev.words.some((devWords) => similarity(words, devWords) >= NEAR_DUPLICATE_SIMILARITY);
}

/**
 * @param items labelled items, oldest first (noise is skipped and left as it is)
 * @param train the training files as they are
 * @param dev every development line (devLinesUnder)
 */
export function planApply(items: readonly ReviewItem[], train: TrainingFiles, dev: DevLines): ApplyPlan {
  const plan: ApplyPlan = { files: {}, results: [], gained: {} };
  const known = Object.fromEntries(
    LANGS.map((lang) => [lang, new Set(Object.values(train[lang]).flat().map(samenessForm))]),
  ) as Record<Lang, Set<string>>;
  for (const item of items) {
    const intent: Intent | undefined = item.status === 'labelled' ? trainingIntentOf(item.label) : undefined;
    if (!intent) continue;
    // Redacted when kept; again here, so no file is ever written from a value that escaped it.
    const line = redact(item.text).trim();
    const form = samenessForm(line);
    if (collidesWithDev(line, dev)) {
      plan.results.push({ id: item.id, outcome: 'collides_with_dev' });
      continue;
    }
    if (!form || known[item.lang].has(form)) {
      plan.results.push({ id: item.id, outcome: 'duplicate' });
      continue;
    }
    known[item.lang].add(form);
    const file = (plan.files[item.lang] ??= structuredClone(train[item.lang]));
    (file[intent] ??= []).push(line);
    const row = (plan.gained[intent] ??= {});
    row[item.lang] = (row[item.lang] ?? 0) + 1;
    plan.results.push({ id: item.id, outcome: 'written' });
  }
  return plan;
}

/** A training file as the repository writes it: two-space JSON, non-ASCII as is, a final newline. */
export function trainingFileText(file: Record<string, string[]>): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
