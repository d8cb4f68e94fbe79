/** Where the Teams app's sources live: manifest/ at the project root (manifest, localization files, icons). */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';

export const MANIFEST_DIR = join(PROJECT_ROOT, 'manifest');

/** The package written by `npm run package`. */
export const DEFAULT_PACKAGE_FILE = join(PROJECT_ROOT, 'dist', 'teams-app.zip');
