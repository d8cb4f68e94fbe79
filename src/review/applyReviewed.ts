/**
 * Turning labelled review items into training lines: each goes to content/nlu/train/<lang>.json under its
 * intent (out of scope under out_of_scope; noise nowhere), unless the training data has the line already
 * (any intent) or a development set has it (content/nlu/dev/**, which is read only to refuse such lines and
 * never to write one). Lines are compared in their sameness form, the NLU data test's comparison.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import { samenessForm } from '../nlu/sameness';
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

/** Every string in every JSON file under a folder (the development sets, whatever their shape), in sameness form. */
export function samenessFormsUnder(folder: string): Set<string> {
  const forms = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') forms.add(samenessForm(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) for (const form of samenessFormsUnder(path)) forms.add(form);
    else if (name.endsWith('.json')) walk(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  }
  return forms;
}

/**
 * @param items labelled items, oldest first (noise is skipped and left as it is)
 * @param train the training files as they are
 * @param devForms the sameness forms of every development line
 */
export function planApply(items: readonly ReviewItem[], train: TrainingFiles, devForms: ReadonlySet<string>): ApplyPlan {
  const plan: ApplyPlan = { files: {}, results: [], gained: {} };
  const known = Object.fromEntries(LANGS.map((lang) => [lang, new Set(Object.values(train[lang]).flat().map(samenessForm))])) as Record<Lang, Set<string>>;
  for (const item of items) {
    const intent: Intent | undefined = item.status === 'labelled' ? trainingIntentOf(item.label) : undefined;
    if (!intent) continue;
    // Redacted when kept; again here, so no file is ever written from a value that escaped it.
    const line = redact(item.text).trim();
    const form = samenessForm(line);
    if (devForms.has(form)) {
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
