/**
 * `npm run package [-- --out <file.zip>] [-- --env-file <file>]`: builds the Teams app package (default
 * dist/teams-app.zip) with TEAMS_APP_ID, MicrosoftAppId (or CLIENT_ID) and BOT_DOMAIN from the environment, or from the
 * project's git-ignored .env for those the environment does not set. A configuration mistake is reported as a
 * list of what to fix, with exit code 1; a wrong option exits with 2.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { PROJECT_ROOT } from '../src/contentPath';
import { APP_PACKAGE_VARIABLES, readAppPackageValues } from '../src/teamsApp/appPackageConfig';
import { AppPackageError } from '../src/teamsApp/appPackageError';
import { buildAppPackage } from '../src/teamsApp/buildAppPackage';
import { DEFAULT_PACKAGE_FILE } from '../src/teamsApp/manifestDir';

const USAGE = 'usage: npm run package [-- --out <file.zip>] [-- --env-file <file>]';

/** A path as the person running the command would type it: relative below the working directory, else absolute. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}

function options(): { out: string; envFile: string; envFileGiven: boolean } {
  try {
    const { values } = parseArgs({
      options: { out: { type: 'string' }, 'env-file': { type: 'string' } },
      strict: true,
    });
    const envFile = values['env-file'];
    return {
      out: resolve(values.out ?? DEFAULT_PACKAGE_FILE),
      envFile: resolve(envFile ?? join(PROJECT_ROOT, '.env')),
      envFileGiven: envFile !== undefined,
    };
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

/** The environment, with the env file's values for the variables the environment leaves unset or empty. */
function environment(envFile: string, envFileGiven: boolean): Record<string, string | undefined> {
  if (!existsSync(envFile)) {
    if (!envFileGiven) return process.env;
    console.error(`package: --env-file ${envFile} does not exist\n${USAGE}`);
    process.exit(2);
  }
  const fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  const merged: Record<string, string | undefined> = { ...process.env };
  for (const [key, value] of Object.entries(fromFile)) if (!merged[key]?.trim()) merged[key] = value;
  return merged;
}

const { out, envFile, envFileGiven } = options();
try {
  const values = readAppPackageValues(environment(envFile, envFileGiven));
  const appPackage = buildAppPackage(values);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, appPackage.zip);
  console.log(
    `${shown(out)}: Teams app ${values.TEAMS_APP_ID}, bot ${values.MicrosoftAppId}, https://${values.BOT_DOMAIN}\n` +
      appPackage.entries.map((entry) => `  ${entry.name} (${entry.data.length} bytes)`).join('\n'),
  );
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(`package: ${error.message}`);
  const named = APP_PACKAGE_VARIABLES.filter((name) =>
    error.problems.some((problem) => problem.startsWith(`${name} `)),
  );
  if (named.length) console.error(`Set ${named.join(', ')} in the environment or in ${shown(envFile)}.`);
  process.exit(1);
}
