/**
 * The Bot Framework SDK stays a thin, replaceable edge: the knowledge, the rules, the understanding of words,
 * the cards and the views that fill them import nothing of botbuilder, directly or through a module they import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';

/** The folders that must work without the SDK. */
const SDK_FREE = ['src/knowledge', 'src/rules', 'src/nlu', 'src/i18n', 'src/privacy', 'src/messageExtension', 'cards'];
const SDK_PACKAGE = /^botbuilder(-[a-z]+)?$|^botframework-/;

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\W)(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '').filter(Boolean);
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** The chain of modules from `file` to an SDK import, or undefined when there is none. */
function pathToSdk(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file) || !file.endsWith('.ts')) return undefined;
  seen.add(file);
  for (const specifier of specifiersOf(file)) {
    if (SDK_PACKAGE.test(specifier.split('/')[0] ?? '')) return [relative(PROJECT_ROOT, file), specifier];
    if (!specifier.startsWith('.')) continue;
    const local = resolveLocal(file, specifier);
    const chain = local ? pathToSdk(local, seen) : undefined;
    if (chain) return [relative(PROJECT_ROOT, file), ...chain];
  }
  return undefined;
}

function tsFilesUnder(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(PROJECT_ROOT, folder, name));
}

describe('the SDK boundary', () => {
  it('finds the SDK where it is used (the check can fail)', () => {
    expect(pathToSdk(join(PROJECT_ROOT, 'src', 'bot', 'supportBot.ts'))).toBeDefined();
  });

  it.each(SDK_FREE)('%s imports nothing of botbuilder, directly or indirectly', (folder) => {
    const files = tsFilesUnder(folder);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.map((file) => pathToSdk(file)).filter((chain): chain is string[] => chain !== undefined);
    expect(offenders.map((chain) => chain.join(' → '))).toEqual([]);
  });
});
