/**
 * On a fresh clone (npm install done, nothing generated yet) the CLIs that need the trained model say in one
 * line what to run and exit with 2: no stack trace. The project is copied without generated/ to check it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';

let clone: string;

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'mpn-fresh-clone-'));
  for (const part of ['src', 'tools', 'cards', 'dialogs', 'content', 'package.json', 'tsconfig.json'])
    cpSync(join(PROJECT_ROOT, part), join(clone, part), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(clone, 'node_modules'));
  writeFileSync(join(clone, 'backlog.csv'), 'text\nhow many incidents does gold get?\n');
});

afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe.each([
  ['classify', 'tools/classifyCli.ts', []],
  ['answer', 'tools/answerCli.ts', []],
  ['triage', 'tools/triageCli.ts', ['backlog.csv', '--out', 'triaged.csv']],
  ['eval', 'tools/evalCli.ts', []],
])('npm run %s without a trained model', (tool, script, args) => {
  let run: SpawnSyncReturns<string>;

  beforeAll(() => {
    expect(existsSync(join(clone, 'generated'))).toBe(false);
    run = spawnSync('npx', ['tsx', script, ...args], {
      cwd: clone,
      input: '{"text": "how many incidents does gold get?"}\n',
      encoding: 'utf8',
    });
  });

  it('says in one line to run npm run train, and exits with 2', () => {
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${tool}: no NLU model at .*: run \`npm run train\``)),
    ]);
  });

  it('writes no stack trace and no output', () => {
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(existsSync(join(clone, 'triaged.csv'))).toBe(false);
  });
});
