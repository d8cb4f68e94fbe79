/**
 * Building the package in-process, from manifest/ and from broken copies of it: the right entries with the values
 * filled in, and every problem of a broken source listed (file and key) instead of a package.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppPackageError } from '../../src/teamsApp/appPackageError';
import { buildAppPackage, type AppPackage } from '../../src/teamsApp/buildAppPackage';
import { MANIFEST_DIR } from '../../src/teamsApp/manifestDir';
import { manifestDirWith, outlineIconPixels, PACKAGE_FILES, pngFile, SAMPLE_VALUES, zipEntries } from './appSources';

function problemsBuilding(dir: string): readonly string[] {
  try {
    buildAppPackage(SAMPLE_VALUES, dir);
  } catch (error) {
    if (error instanceof AppPackageError) return error.problems;
    throw error;
  }
  throw new Error('the package was built');
}

describe('buildAppPackage', () => {
  let appPackage: AppPackage;
  let files: Map<string, Buffer>;
  beforeAll(() => {
    appPackage = buildAppPackage(SAMPLE_VALUES);
    files = new Map(zipEntries(appPackage.zip).map((entry) => [entry.name, entry.data]));
  });

  it('zips exactly the manifest, the three localization files and the two icons, at the root', () => {
    expect([...files.keys()]).toEqual(PACKAGE_FILES);
  });

  it('fills in the values and leaves no placeholder, in any file', () => {
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '') as Record<string, unknown>;
    expect(manifest).toMatchObject({
      id: SAMPLE_VALUES.TEAMS_APP_ID,
      bots: [{ botId: SAMPLE_VALUES.MicrosoftAppId }],
      validDomains: [SAMPLE_VALUES.BOT_DOMAIN],
    });
    for (const name of ['manifest.json', 'ru-ru.json', 'pt-br.json', 'fr-fr.json'])
      expect(files.get(name)?.toString('utf8')).not.toContain('${{');
  });

  it('keeps the localization files in UTF-8, with their ё, ç and é', () => {
    expect(files.get('ru-ru.json')?.toString('utf8')).toContain('ещё');
    expect(files.get('pt-br.json')?.toString('utf8')).toContain('associação');
    expect(files.get('fr-fr.json')?.toString('utf8')).toContain('adhésion');
  });

  it('puts the icons in unchanged', () => {
    for (const icon of ['color.png', 'outline.png'])
      expect(files.get(icon)?.equals(readFileSync(join(MANIFEST_DIR, icon)))).toBe(true);
  });

  it('builds the same bytes from the same sources and values', () => {
    expect(buildAppPackage(SAMPLE_VALUES).zip.equals(appPackage.zip)).toBe(true);
  });

  it('lists every problem of a broken manifest: a missing required field, an unknown placeholder', () => {
    const dir = manifestDirWith('manifest.json', (json) => {
      delete json.accentColor;
      json.id = '${{TEAMS_APP_GUID}}';
    });
    expect(problemsBuilding(dir)).toEqual([
      'manifest.json: unknown placeholder ${{TEAMS_APP_GUID}} at /id',
      "manifest.json: / must have required property 'accentColor'",
      expect.stringMatching(/^manifest\.json: \/id must match pattern/),
    ]);
  });

  it('lists a localization key the schema does not allow and a string left untranslated', () => {
    const dir = manifestDirWith('ru-ru.json', (json) => {
      json['bots[0].commandLists[0].commands[0].tooltip'] = 'подсказка';
    });
    expect(problemsBuilding(dir)).toEqual([
      'ru-ru.json: / must NOT have additional properties: "bots[0].commandLists[0].commands[0].tooltip"',
    ]);
    const incomplete = manifestDirWith('pt-br.json', (json) => {
      delete json['staticTabs[1].name'];
    });
    expect(problemsBuilding(incomplete)).toEqual([
      'pt-br.json: no translation for staticTabs[1].name ("Support benefits")',
    ]);
  });

  it('lists missing files and icons of the wrong kind', () => {
    const dir = manifestDirWith();
    rmSync(join(dir, 'fr-fr.json'));
    writeFileSync(join(dir, 'color.png'), pngFile(32, 32, outlineIconPixels()));
    writeFileSync(join(dir, 'ru-ru.json'), '{ "name.short": ');
    const problems = problemsBuilding(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^ru-ru\.json: not valid UTF-8 JSON/);
    expect(problems.slice(1)).toEqual([
      `fr-fr.json: not found in ${dir}`,
      'color.png: the color icon must be 192×192 pixels, not 32×32',
    ]);
  });
});
