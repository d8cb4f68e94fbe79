/**
 * botbuilder-dialogs reaches the product through src/adapters/botbuilderDialogs.ts only, which imports its
 * classes from their own files: the package's index loads every prompt and the Recognizers.Text suites
 * (slower start, a larger heap) that the bot never uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';

const PRODUCT_FOLDERS = ['src', 'dialogs', 'cards'];
const THE_ONE_MODULE = join('src', 'adapters', 'botbuilderDialogs.ts');
const DIALOGS_IMPORT = /(?:from\s*|require\(\s*|import\(\s*)['"](botbuilder-dialogs(?:\/[^'"]*)?)['"]/g;

function importsOfDialogs(): { file: string; specifier: string }[] {
  return PRODUCT_FOLDERS.flatMap((folder) =>
    readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => {
        const file = join(PROJECT_ROOT, folder, name);
        return [...readFileSync(file, 'utf8').matchAll(DIALOGS_IMPORT)].map((match) => ({
          file: relative(PROJECT_ROOT, file),
          specifier: match[1] as string,
        }));
      }),
  );
}

describe('botbuilder-dialogs imports', () => {
  const found = importsOfDialogs();

  it('come from the one adapter module', () => {
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter(({ file }) => file !== THE_ONE_MODULE)).toEqual([]);
  });

  it('name the files of the classes, never the package index', () => {
    expect(found.filter(({ specifier }) => !specifier.startsWith('botbuilder-dialogs/lib/'))).toEqual([]);
  });
});
