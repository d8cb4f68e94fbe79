/**
 * What our manifest says, beyond the schema: the bot's scopes and commands per scope, the tabs, the domain, the
 * languages; every command within Teams' limits in every language; every localization file complete.
 */
import { describe, expect, it } from 'vitest';
import {
  COMMAND_DESCRIPTION_MAX,
  COMMAND_TITLE_MAX,
  commandsIn,
  lengthOf,
  localizableStrings,
  localizationProblems,
  manifestProblems,
} from '../../src/teamsApp/appPackageRules';
import { LANGUAGE_FILES, SAMPLE_VALUES, sampleLocalization, sampleManifest } from './appSources';

const manifest = sampleManifest();
const bot = manifest.bots?.[0];
const EVERYWHERE = [
  'help',
  'activate benefits',
  'incidents remaining',
  'entitlement',
  'talk to a person',
  'forget my details',
];
const https = (path: string) => `https://${SAMPLE_VALUES.BOT_DOMAIN}${path}`;

describe('the bot in manifest.json', () => {
  it('is the MicrosoftAppId bot, conversational, without files, in personal, team and group chat scopes', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(bot).toMatchObject({ botId: SAMPLE_VALUES.MicrosoftAppId, supportsFiles: false, isNotificationOnly: false });
    expect(bot && 'scopes' in bot ? [...(bot.scopes as string[])].sort() : []).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
  });

  it('has one command list per scope', () => {
    expect(bot?.commandLists?.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it.each(['personal', 'team', 'groupChat'])(
    'offers the commands in %s scope, "triage here" only in a team',
    (scope) => {
      const list = bot?.commandLists?.find((candidate) => candidate.scopes.includes(scope));
      expect(list?.commands.map((command) => command.title)).toEqual(
        scope === 'team' ? [...EVERYWHERE, 'triage here'] : EVERYWHERE,
      );
    },
  );

  it('describes every command', () => {
    expect(commandsIn(manifest).filter((command) => !command.description?.trim())).toEqual([]);
  });
});

describe('the rest of manifest.json', () => {
  it('has the Support benefits tab with locale and theme, and the conversations tab, both personal', () => {
    expect(manifest.staticTabs).toContainEqual({
      entityId: 'benefits',
      name: 'Support benefits',
      contentUrl: https('/tab?locale={app.locale}&theme={app.theme}'),
      websiteUrl: https('/tab'),
      scopes: ['personal'],
    });
    expect(manifest.staticTabs).toContainEqual({ entityId: 'conversations', scopes: ['personal'] });
  });

  it('lists the bot domain as its valid domain and the developer pages on it', () => {
    expect(manifest.validDomains).toEqual([SAMPLE_VALUES.BOT_DOMAIN]);
    const developer = manifest.developer as Record<string, string>;
    expect(developer.name).toMatch(/^MPN .*team$/);
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
      expect(developer[key]).toMatch(new RegExp(`^${https('/').replace(/[.]/g, '\\.')}`));
  });

  it('is in English with Russian, Brazilian Portuguese and French localization files', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [
        { languageTag: 'ru-ru', file: 'ru-ru.json' },
        { languageTag: 'pt-br', file: 'pt-br.json' },
        { languageTag: 'fr-fr', file: 'fr-fr.json' },
      ],
    });
  });

  it('breaks none of our own rules', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });
});

describe.each(['manifest.json', ...LANGUAGE_FILES])('commands as %s shows them', (file) => {
  const commands = commandsIn(manifest, file === 'manifest.json' ? {} : sampleLocalization(file));

  it(`have titles of at most ${COMMAND_TITLE_MAX} characters`, () => {
    expect(
      commands.filter((command) => lengthOf(command.title) > COMMAND_TITLE_MAX).map((command) => command.title),
    ).toEqual([]);
  });

  it(`have descriptions of at most ${COMMAND_DESCRIPTION_MAX} characters`, () => {
    expect(
      commands
        .filter((command) => lengthOf(command.description ?? '') > COMMAND_DESCRIPTION_MAX)
        .map((command) => command.key),
    ).toEqual([]);
  });

  it('have distinct titles within each scope, the same in every scope', () => {
    const titles = (list: number) =>
      commands.filter((command) => command.list === list).map((command) => command.title);
    for (const list of [0, 1, 2]) expect(new Set(titles(list)).size).toBe(titles(list).length);
    expect(titles(2)).toEqual(titles(0));
    expect(titles(1).slice(0, -1)).toEqual(titles(0));
  });
});

describe.each(LANGUAGE_FILES)('manifest/%s', (file) => {
  const localization = sampleLocalization(file);

  it('translates every string of the manifest and nothing else', () => {
    expect(localizationProblems(file, manifest, localization)).toEqual([]);
    expect(
      Object.keys(localization)
        .filter((key) => key !== '$schema')
        .sort(),
    ).toEqual([...localizableStrings(manifest).keys()].sort());
  });

  it('translates rather than copies: no text equals the English one', () => {
    const copied = [...localizableStrings(manifest)].filter(([key, english]) => localization[key] === english);
    expect(copied).toEqual([]);
  });

  it('uses the same translation of a command in every scope', () => {
    const byEnglish = new Map<string, Set<unknown>>();
    for (const [key, english] of localizableStrings(manifest)) {
      if (!key.startsWith('bots[0]')) continue;
      byEnglish.set(english, (byEnglish.get(english) ?? new Set()).add(localization[key]));
    }
    expect([...byEnglish].filter(([, translations]) => translations.size > 1)).toEqual([]);
  });
});
