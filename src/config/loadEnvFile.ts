/** Loads the git-ignored .env of the project root, if there is one; variables already set win. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';

export function loadEnvFile(path = join(PROJECT_ROOT, '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
