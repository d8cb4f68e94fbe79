/** Our own rules catch what the official schemas let through, each with the file and key to fix. */
import { describe, expect, it } from 'vitest';
import {
  iconProblems,
  localizationProblems,
  manifestProblems,
  type ManifestView,
} from '../../src/teamsApp/appPackageRules';
import { outlineIconPixels, pngFile, sampleLocalization, sampleManifest } from './appSources';

const manifest = sampleManifest();
const french = sampleLocalization('fr-fr.json');
const TITLE = 'bots[0].commandLists[1].commands[6].title';

function withManifest(change: (copy: ManifestView & Record<string, unknown>) => void): ManifestView {
  const copy = structuredClone(manifest);
  change(copy);
  return copy;
}

describe('localizationProblems', () => {
  it('names a string the file does not translate', () => {
    const { [TITLE]: _dropped, ...incomplete } = french;
    expect(localizationProblems('fr-fr.json', manifest, incomplete)).toEqual([
      `fr-fr.json: no translation for ${TITLE} ("triage here")`,
    ]);
  });

  it('names a key that translates nothing in the manifest, though the schema allows it', () => {
    expect(localizationProblems('fr-fr.json', manifest, { ...french, 'staticTabs[0].name': 'Conversation' })).toEqual([
      'fr-fr.json: staticTabs[0].name translates nothing in manifest.json',
    ]);
  });

  it('names a command title longer than Teams shows, and a title twice in one scope', () => {
    const long = 'trier les demandes du support ici';
    expect(localizationProblems('fr-fr.json', manifest, { ...french, [TITLE]: long })).toEqual([
      `fr-fr.json: ${TITLE} "${long}" has 33 characters, Teams shows at most 32`,
    ]);
    expect(localizationProblems('fr-fr.json', manifest, { ...french, [TITLE]: 'Aide' })).toEqual([
      'fr-fr.json: the title "Aide" appears twice in bots[0].commandLists[1]',
    ]);
  });

  it('wants the localization $schema of the manifest version', () => {
    expect(
      localizationProblems('fr-fr.json', manifest, { ...french, $schema: 'https://example.com/schema.json' }),
    ).toEqual([
      `fr-fr.json: $schema must be https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json for manifestVersion ${manifest.manifestVersion}`,
    ]);
  });
});

describe('manifestProblems', () => {
  it('names a tab page outside validDomains', () => {
    const problems = manifestProblems(withManifest((copy) => (copy.validDomains = ['other.example.com'])));
    expect(problems).toContain(
      'manifest.json: staticTabs[1].contentUrl is on mpn-bot.example.com, which is not in validDomains',
    );
    expect(manifestProblems(withManifest((copy) => (copy.validDomains = ['*.example.com'])))).toEqual([]);
  });

  it('names a command description longer than Teams shows', () => {
    const problems = manifestProblems(
      withManifest((copy) => {
        const command = copy.bots?.[0]?.commandLists?.[0]?.commands[0];
        if (command) command.description = 'x'.repeat(129);
      }),
    );
    expect(problems).toEqual([
      'manifest.json: bots[0].commandLists[0].commands[0].description has 129 characters, Teams shows at most 128',
    ]);
  });

  it('wants $schema to match manifestVersion, and each language once', () => {
    expect(manifestProblems(withManifest((copy) => (copy.manifestVersion = '1.25')))[0]).toMatch(
      /^manifest\.json: \$schema must be .*\/v1\.25\/MicrosoftTeams\.schema\.json/,
    );
    const twice = withManifest((copy) =>
      copy.localizationInfo?.additionalLanguages?.push({ languageTag: 'FR-fr', file: 'fr-ca.json' }),
    );
    expect(manifestProblems(twice)).toEqual(['manifest.json: localizationInfo names FR-fr more than once']);
  });
});

describe('iconProblems', () => {
  const white = (size: number) => pngFile(size, size, new Uint8Array(size * size * 4).fill(255));

  it('wants the sizes Teams asks for', () => {
    expect(iconProblems('color', 'color.png', white(32))).toEqual([
      'color.png: the color icon must be 192×192 pixels, not 32×32',
    ]);
    expect(iconProblems('outline', 'outline.png', white(192))).toEqual([
      'outline.png: the outline icon must be 32×32 pixels, not 192×192',
    ]);
  });

  it('wants an outline icon white on transparent', () => {
    const pixels = outlineIconPixels();
    expect(iconProblems('outline', 'outline.png', pngFile(32, 32, pixels))).toEqual([]);
    pixels.set([200, 0, 0, 128], (3 * 32 + 5) * 4);
    expect(iconProblems('outline', 'outline.png', pngFile(32, 32, pixels))).toEqual([
      'outline.png: the outline icon must be white on transparent, but pixel (5, 3) is rgba(200, 0, 0, 128)',
    ]);
  });

  it('refuses what is not a PNG', () => {
    expect(iconProblems('color', 'color.png', Buffer.from('<svg/>'))).toEqual(['color.png: not a readable PNG']);
    const truncated = white(192).subarray(0, 60);
    expect(iconProblems('color', 'color.png', truncated)).toEqual(['color.png: not a readable PNG']);
  });
});
