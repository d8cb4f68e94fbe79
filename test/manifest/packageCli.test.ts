/**
 * `npm run package` as a person runs it: a readable zip of exactly the expected files, values from the
 * environment or an env file, and for a configuration mistake an exit code of 1 with a message naming each
 * variable to fix, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';
import { APP_PACKAGE_VARIABLES } from '../../src/teamsApp/appPackageConfig';
import { PACKAGE_FILES, SAMPLE_VALUES, temporaryDir, zipEntries } from './appSources';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  zip: string;
}

/** Runs the CLI with exactly `vars` of the three variables set, and an env file with `envFile` as its content. */
function runPackage(vars: Record<string, string>, envFile = '', args: string[] = []): Run {
  const dir = temporaryDir('package-cli-');
  const zip = join(dir, 'out', 'teams-app.zip');
  writeFileSync(join(dir, '.env'), envFile);
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const name of APP_PACKAGE_VARIABLES) if (!(name in vars)) delete env[name];
  const cli = ['tools/packageCli.ts', '--out', zip, '--env-file', join(dir, '.env'), ...args];
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), ...cli], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, zip };
}

function manifestIn(zip: string): Record<string, unknown> {
  const entry = zipEntries(readFileSync(zip)).find((candidate) => candidate.name === 'manifest.json');
  return JSON.parse(entry?.data.toString('utf8') ?? '') as Record<string, unknown>;
}

const NO_STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

describe('npm run package', () => {
  it('is the package script of package.json', () => {
    const scripts = (
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.package).toBe('tsx tools/packageCli.ts');
  });

  it('writes a readable zip of exactly the manifest, the localization files and the icons', () => {
    const run = runPackage({ ...SAMPLE_VALUES });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(zipEntries(readFileSync(run.zip)).map((entry) => entry.name)).toEqual(PACKAGE_FILES);
    expect(manifestIn(run.zip)).toMatchObject({
      id: SAMPLE_VALUES.TEAMS_APP_ID,
      bots: [{ botId: SAMPLE_VALUES.MicrosoftAppId }],
    });
    for (const file of PACKAGE_FILES) expect(run.stdout).toContain(file);
  });

  it('takes from the env file what the environment does not set, and lets the environment win', () => {
    const otherAppId = '0d6f1c2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f';
    const envFile = `# local values\nTEAMS_APP_ID=${otherAppId}\nMicrosoftAppId="${SAMPLE_VALUES.MicrosoftAppId}"\nBOT_DOMAIN=from-file.example.com\n`;
    const run = runPackage({ TEAMS_APP_ID: SAMPLE_VALUES.TEAMS_APP_ID }, envFile);
    expect(run.status).toBe(0);
    expect(manifestIn(run.zip)).toMatchObject({
      id: SAMPLE_VALUES.TEAMS_APP_ID,
      bots: [{ botId: SAMPLE_VALUES.MicrosoftAppId }],
      validDomains: ['from-file.example.com'],
    });
  });

  it('names every missing variable, exits with 1 and writes nothing', () => {
    const run = runPackage({});
    expect(run.status).toBe(1);
    for (const name of APP_PACKAGE_VARIABLES) expect(run.stderr).toMatch(new RegExp(`^  - ${name} is not set`, 'm'));
    expect(run.stderr).not.toMatch(NO_STACK_TRACE);
    expect(existsSync(run.zip)).toBe(false);
  });

  it.each([
    ['TEAMS_APP_ID', 'my-teams-app'],
    ['MicrosoftAppId', '12345'],
    ['BOT_DOMAIN', 'https://mpn-bot.example.com/api/messages'],
  ])('names a malformed %s and exits with 1', (name, value) => {
    const run = runPackage({ ...SAMPLE_VALUES, [name]: value });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^  - ${name} must be .*"${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`, 'm'),
    );
    expect(run.stderr.match(/^ {2}- /gm)).toHaveLength(1);
    expect(run.stderr).toContain(`Set ${name} in the environment or in`);
    expect(run.stderr).not.toMatch(NO_STACK_TRACE);
  });

  it('refuses an unknown option with exit code 2 and the usage', () => {
    const run = runPackage({ ...SAMPLE_VALUES }, '', ['--zip']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run package/);
    expect(run.stderr).not.toMatch(NO_STACK_TRACE);
  });
});
