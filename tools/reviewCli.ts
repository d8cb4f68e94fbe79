/**
 * `npm run review -- apply [--dry-run] [--content DIR]`: writes the lines reviewers labelled on the review page
 * into content/nlu/train/<lang>.json (never dev/), refusing lines the training data has already and lines of a
 * development set, marks the items applied, and says how many lines each intent and language gained and that
 * `npm run train` retrains. It reads the review items from STORAGE_URL, as the bot keeps them.
 * A mistake stops with a one-line message (exit 2 for the arguments, 1 for anything else), never a stack trace.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_STORAGE_URL } from '../src/config/config';
import { ConfigError } from '../src/config/configError';
import { loadEnvFile } from '../src/config/loadEnvFile';
import { contentPath } from '../src/contentPath';
import { LANGS } from '../src/i18n/locales';
import { StorageUnavailableError } from '../src/storage/storageUnavailableError';
import { sqliteFileOf } from '../src/storage/storageUrl';
import { devLinesUnder, planApply, trainingFileText, type TrainingFiles } from '../src/review/applyReviewed';
import { openStorage } from '../src/storage/openStorage';
import type { GainTable } from '../src/review/trainingGain';

const USAGE = `usage: npm run --silent review -- apply [--dry-run] [--content DIR]
  apply          write the labelled review items into content/nlu/train/<lang>.json and mark them applied
  --dry-run      say what would be written, write nothing
  --content DIR  the content folder to write into (default: the project's content/)
The items are read from STORAGE_URL (default ${DEFAULT_STORAGE_URL}, relative to the project folder).`;

class UsageError extends Error {}
class ApplyError extends Error {}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (positionals[0] !== 'apply' || positionals.length > 1)
    throw new UsageError(
      positionals.length
        ? `unknown command "${positionals.join(' ')}" (the command is apply)`
        : 'no command given (the command is apply)',
    );
  const content = values.content ? resolve(values.content) : contentPath();
  const trainDir = join(content, 'nlu', 'train');
  const devDir = join(content, 'nlu', 'dev');
  for (const dir of [trainDir, devDir])
    if (!existsSync(dir))
      throw new ApplyError(`no folder ${dir}: --content must name a content folder with nlu/train and nlu/dev`);

  loadEnvFile();
  const storageUrl = process.env.STORAGE_URL?.trim() || DEFAULT_STORAGE_URL;
  if (storageUrl === 'memory:' || storageUrl === 'sqlite::memory:') {
    throw new ConfigError([
      `STORAGE_URL=${storageUrl} keeps review items inside the bot's process, where no other process can read them: use the sqlite:<file> or postgres:// URL the bot uses`,
    ]);
  }
  const file = sqliteFileOf(storageUrl);
  if (file && !existsSync(file))
    throw new ApplyError(`no database at ${file} (STORAGE_URL=${storageUrl}): has the bot run with it yet?`);

  const storage = await openStore(storageUrl);
  const store = storage.reviews;
  try {
    const items = (await store.list({ status: 'labelled' })).reverse();
    const train = Object.fromEntries(
      LANGS.map((lang) => [
        lang,
        JSON.parse(readFileSync(join(trainDir, `${lang}.json`), 'utf8')) as Record<string, string[]>,
      ]),
    ) as TrainingFiles;
    const plan = planApply(items, train, devLinesUnder(devDir));
    const count = (outcome: string) => plan.results.filter((r) => r.outcome === outcome).length;
    const written = count('written');
    if (!values['dry-run']) {
      for (const [lang, lines] of Object.entries(plan.files)) {
        // Written whole and renamed into place: an interrupted run never leaves half a file.
        const target = join(trainDir, `${lang}.json`);
        writeFileSync(`${target}.tmp`, trainingFileText(lines));
        renameSync(`${target}.tmp`, target);
      }
      await store.markApplied(plan.results);
    }
    const verb = values['dry-run'] ? 'would gain' : 'gained';
    process.stdout.write(
      [
        `review apply: ${items.length} labelled item(s), ${items.filter((i) => i.label?.kind === 'noise').length} of them noise (never a training line); ${written} line(s) ${values['dry-run'] ? 'to write' : 'written'}, ${count('duplicate')} already in the training data, ${count('collides_with_dev')} refused (a development-set line)`,
        ...gainLines(plan.gained, verb),
        written && !values['dry-run']
          ? 'next: npm run train (retrains the model on the new lines), then npm run eval'
          : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
  } finally {
    await storage.close();
  }
}

function gainLines(gained: GainTable, verb: string): string[] {
  return Object.entries(gained).flatMap(([intent, byLang]) =>
    Object.entries(byLang ?? {}).map(([lang, n]) => `  ${intent} (${lang}) ${verb} ${n} line(s)`),
  );
}

async function openStore(storageUrl: string) {
  try {
    return await openStorage(storageUrl);
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw new ApplyError(error.message);
    if (String((error as NodeJS.ErrnoException).code).startsWith('SQLITE_'))
      throw new ApplyError(`cannot read the database (STORAGE_URL=${storageUrl}): ${(error as Error).message}`);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`review: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError) {
    process.stderr.write(`review: ${error.problems.join('; ')}\n`);
    process.exitCode = 1;
  } else if (error instanceof ApplyError) {
    process.stderr.write(`review: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    // Anything unforeseen: one line naming it, never a stack trace.
    process.stderr.write(
      `review: apply failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    process.exitCode = 1;
  }
});
