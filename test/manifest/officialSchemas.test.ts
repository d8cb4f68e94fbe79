/**
 * manifest/manifest.json and its localization files against the official Teams JSON schemas (the copies in
 * @microsoft/app-manifest, offline), after filling in sample values; and proof, by breaking copies, that the
 * validation catches a missing required field, an unknown key and an over-long string.
 */
import { describe, expect, it } from 'vitest';
import {
  bundledManifestVersions,
  schemaFile,
  schemaUrl,
  validateAgainstSchema,
} from '../../src/teamsApp/officialSchemas';
import { placeholdersIn } from '../../src/teamsApp/placeholders';
import { LANGUAGE_FILES, readSource, sampleLocalization, sampleManifest } from './appSources';

const manifest = sampleManifest();
const version = manifest.manifestVersion;

describe('manifest/manifest.json', () => {
  it('declares a current manifest version (1.20 or newer) whose official schemas the package ships', () => {
    expect(version.localeCompare('1.20', 'en', { numeric: true })).toBeGreaterThanOrEqual(0);
    expect(schemaFile('manifest', version)).toBeDefined();
    expect(schemaFile('localization', version)).toBeDefined();
    expect(bundledManifestVersions()).toContain(version);
  });

  it('points $schema at the official schema of its version', () => {
    expect(manifest.$schema).toBe(schemaUrl('manifest', version));
  });

  it('uses exactly the placeholders TEAMS_APP_ID, MicrosoftAppId and BOT_DOMAIN', () => {
    expect(placeholdersIn(readSource('manifest.json'))).toEqual(['BOT_DOMAIN', 'MicrosoftAppId', 'TEAMS_APP_ID']);
  });

  it('is valid against the official schema once the placeholders are filled in', () => {
    expect(validateAgainstSchema('manifest', version, manifest)).toEqual([]);
  });

  it('is not valid with the placeholders left in (botId and id must be GUIDs)', () => {
    const problems = validateAgainstSchema('manifest', version, readSource('manifest.json'));
    expect(problems.some((problem) => problem.startsWith('/id '))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/bots/0/botId '))).toBe(true);
  });

  it.each(['id', 'version', 'developer', 'name', 'description', 'icons', 'accentColor', 'manifestVersion'])(
    'fails validation without the required field %s',
    (field) => {
      const broken: Record<string, unknown> = structuredClone(manifest);
      delete broken[field];
      expect(validateAgainstSchema('manifest', version, broken)).toContainEqual(
        `/ must have required property '${field}'`,
      );
    },
  );

  it('fails validation with a key the schema does not know, or a bot without botId', () => {
    const unknownKey = { ...structuredClone(manifest), botName: 'x' };
    expect(validateAgainstSchema('manifest', version, unknownKey)).toContainEqual(
      '/ must NOT have additional properties: "botName"',
    );
    const noBotId = structuredClone(manifest) as { bots: Record<string, unknown>[] };
    delete noBotId.bots[0]?.botId;
    expect(validateAgainstSchema('manifest', version, noBotId)).toContainEqual(
      "/bots/0 must have required property 'botId'",
    );
  });

  it('fails validation with a different manifestVersion than its schema', () => {
    expect(validateAgainstSchema('manifest', version, { ...manifest, manifestVersion: '1.19' }).join('\n')).toMatch(
      /^\/manifestVersion /m,
    );
  });
});

describe.each(LANGUAGE_FILES)('manifest/%s', (file) => {
  const localization = sampleLocalization(file);

  it('points $schema at the official localization schema of the manifest version', () => {
    expect(localization.$schema).toBe(schemaUrl('localization', version));
  });

  it('is valid against the official localization schema', () => {
    expect(validateAgainstSchema('localization', version, localization)).toEqual([]);
  });

  it('fails validation with a key the schema does not allow', () => {
    for (const key of [
      'name.nickname',
      'bots[0].commandLists[0].commands[0].label',
      'staticTabs[0].title',
      'bots[1].commandLists[0].commands[0].title',
    ]) {
      expect(validateAgainstSchema('localization', version, { ...localization, [key]: 'x' })).toContainEqual(
        `/ must NOT have additional properties: "${key}"`,
      );
    }
  });

  it('fails validation without a required key or with an over-long short name', () => {
    const { ['description.short']: _dropped, ...withoutShortDescription } = localization;
    expect(validateAgainstSchema('localization', version, withoutShortDescription)).toContainEqual(
      "/ must have required property 'description.short'",
    );
    expect(
      validateAgainstSchema('localization', version, { ...localization, 'name.short': 'x'.repeat(31) }).join('\n'),
    ).toMatch(/^\/name\.short must NOT have more than 30 characters/m);
  });
});
