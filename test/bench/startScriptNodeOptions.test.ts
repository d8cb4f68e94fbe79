/** The benchmark suite starts its servers as `npm start` starts the bot: with the node options of the start script. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerProcessError, startScriptNodeOptions } from '../../bench/suite/botProcess';
import { PROJECT_ROOT } from '../../src/contentPath';

const folders: string[] = [];

/** A project folder whose package.json has this start script. */
function projectWithStart(start: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'start-script-'));
  folders.push(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ scripts: { start } }));
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('startScriptNodeOptions', () => {
  it("gives this project's start options: the heap limit and the silenced restify warning", () => {
    expect(startScriptNodeOptions(PROJECT_ROOT)).toEqual(['--max-old-space-size=1024', '--disable-warning=DEP0111']);
  });

  it('takes the options of the node command that ends the script, not those of the build before it', () => {
    const folder = projectWithStart('npm run build --silent && node --a=1  --b dist/src/index.js');
    expect(startScriptNodeOptions(folder)).toEqual(['--a=1', '--b']);
  });

  it('refuses a start script that does not end with a node command', () => {
    const folder = projectWithStart('npm run build && tsx src/index.ts');
    expect(() => startScriptNodeOptions(folder)).toThrow(ServerProcessError);
  });
});
