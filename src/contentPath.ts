/** Where the content folder is, from source (tsx) and from the compiled build (dist/) alike. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();

/** @example contentPath('strings', 'fr.json') */
export function contentPath(...parts: string[]): string {
  return resolve(PROJECT_ROOT, 'content', ...parts);
}
