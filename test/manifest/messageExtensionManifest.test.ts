/**
 * The message extension in manifest.json: the bot's two search commands (the ids the code answers), in the
 * compose box and the command box, each with one parameter, localized in every language within Teams' limits;
 * the link handler on the article's host; and the official schemas hold it (and refuse it broken).
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { COMMAND_PARAMETERS, MESSAGE_EXTENSION_COMMANDS } from '../../src/messageExtension/commands';
import { lengthOf, localizationProblems } from '../../src/teamsApp/appPackageRules';
import { validateAgainstSchema } from '../../src/teamsApp/officialSchemas';
import { LANGUAGE_FILES, SAMPLE_VALUES, sampleLocalization, sampleManifest } from './appSources';

const manifest = sampleManifest();
interface Command {
  id: string;
  type: string;
  context: string[];
  initialRun: boolean;
  parameters: { name: string; title: string; description: string; inputType: string }[];
}
const extension = (manifest.composeExtensions?.[0] ?? {}) as {
  botId?: string;
  commands?: Command[];
  messageHandlers?: unknown;
};
const commands = extension.commands ?? [];

describe('composeExtensions in manifest.json', () => {
  it('is one bot-based extension of the MicrosoftAppId bot', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(extension.botId).toBe(SAMPLE_VALUES.MicrosoftAppId);
  });

  it('declares exactly the commands the code answers, as query commands in the compose box and the command box, run when opened', () => {
    expect(commands.map((command) => command.id)).toEqual(Object.values(MESSAGE_EXTENSION_COMMANDS));
    for (const command of commands) {
      expect(command.type).toBe('query');
      expect(command.context).toEqual(['compose', 'commandBox']);
      expect(command.initialRun).toBe(true);
    }
  });

  it('gives each command the one text parameter the code reads', () => {
    expect(
      commands.map((command) => command.parameters.map((parameter) => [parameter.name, parameter.inputType])),
    ).toEqual(
      Object.keys(MESSAGE_EXTENSION_COMMANDS).map((key) => [
        [COMMAND_PARAMETERS[key as keyof typeof COMMAND_PARAMETERS], 'text'],
      ]),
    );
  });

  it("unfurls links on the host of the article's live URL", () => {
    const host = new URL(knowledgeBase().meta.liveUrl.replace('{locale}', 'en-us')).hostname;
    expect(extension.messageHandlers).toEqual([{ type: 'link', value: { domains: [host] } }]);
  });

  it.each(LANGUAGE_FILES)(
    '%s translates every command title, description and parameter, within 32 and 128 characters',
    (file) => {
      const localization = sampleLocalization(file);
      expect(localizationProblems(file, manifest, localization)).toEqual([]);
      const texts = Object.entries(localization).filter(([key]) => key.startsWith('composeExtensions[0]'));
      expect(texts).toHaveLength(commands.length * 4);
      for (const [key, text] of texts) {
        expect(typeof text).toBe('string');
        expect(lengthOf(text as string), key).toBeLessThanOrEqual(key.endsWith('.title') ? 32 : 128);
      }
    },
  );

  it('is valid against the official schema, which refuses an unknown command type or a handler without a value', () => {
    expect(validateAgainstSchema('manifest', manifest.manifestVersion, manifest)).toEqual([]);
    const badType = {
      ...manifest,
      composeExtensions: [{ ...extension, commands: [{ ...commands[0], type: 'search' }] }],
    };
    expect(validateAgainstSchema('manifest', manifest.manifestVersion, badType).join('\n')).toMatch(
      /^\/composeExtensions\/0\/commands\/0\/type /m,
    );
    const noValue = { ...manifest, composeExtensions: [{ ...extension, messageHandlers: [{ type: 'link' }] }] };
    expect(validateAgainstSchema('manifest', manifest.manifestVersion, noValue)).toContainEqual(
      "/composeExtensions/0/messageHandlers/0 must have required property 'value'",
    );
  });

  it.each(LANGUAGE_FILES)(
    '%s is valid against the official localization schema with its composeExtensions keys',
    (file) => {
      expect(validateAgainstSchema('localization', manifest.manifestVersion, sampleLocalization(file))).toEqual([]);
    },
  );
});
