/** The three values the package takes from the environment: each missing or malformed one named, never guessed. */
import { describe, expect, it } from 'vitest';
import { readAppPackageValues, isHostName } from '../../src/teamsApp/appPackageConfig';
import { AppPackageError } from '../../src/teamsApp/appPackageError';
import { fillPlaceholders, placeholdersIn } from '../../src/teamsApp/placeholders';
import { SAMPLE_VALUES } from './appSources';

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    readAppPackageValues(env);
    return [];
  } catch (error) {
    if (error instanceof AppPackageError) return error.problems;
    throw error;
  }
}

describe('readAppPackageValues', () => {
  it('reads the three values, trimmed, the domain in lower case', () => {
    expect(readAppPackageValues({ ...SAMPLE_VALUES, BOT_DOMAIN: ' MPN-Bot.Example.com ' })).toEqual({
      ...SAMPLE_VALUES,
      BOT_DOMAIN: 'mpn-bot.example.com',
    });
  });

  it("takes the bot's app id from CLIENT_ID, the Agents Toolkit's name for MicrosoftAppId", () => {
    const { MicrosoftAppId, ...others } = SAMPLE_VALUES;
    expect(readAppPackageValues({ ...others, CLIENT_ID: MicrosoftAppId })).toEqual(SAMPLE_VALUES);
    expect(readAppPackageValues({ ...SAMPLE_VALUES, CLIENT_ID: MicrosoftAppId })).toEqual(SAMPLE_VALUES);
  });

  it('refuses CLIENT_ID and MicrosoftAppId that differ, without showing either', () => {
    const other = '11111111-2222-3333-4444-555555555555';
    const problems = problemsOf({ ...SAMPLE_VALUES, CLIENT_ID: other });
    expect(problems).toEqual([
      'MicrosoftAppId and CLIENT_ID are two names for one setting and differ: set one of them, or both to the same value',
    ]);
    expect(problems.join(' ')).not.toContain(other);
  });

  it('names every variable that is missing or empty, in one error', () => {
    const problems = problemsOf({ MicrosoftAppId: '  ' });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual(['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN']);
    expect(problems.every((problem) => problem.includes('is not set'))).toBe(true);
  });

  it.each(['TEAMS_APP_ID', 'MicrosoftAppId'])('wants %s to be a GUID', (name) => {
    for (const bad of [
      'not-a-guid',
      '3f2504e04f8941d39a0c0305e82c3301',
      '{3f2504e0-4f89-41d3-9a0c-0305e82c3301}',
      '3f2504e0-4f89-41d3-9a0c-0305e82c330',
    ]) {
      expect(problemsOf({ ...SAMPLE_VALUES, [name]: bad })).toEqual([
        `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${bad}"`,
      ]);
    }
  });

  it.each([
    ['https://mpn-bot.example.com', 'mpn-bot.example.com'],
    ['mpn-bot.example.com/api/messages', 'mpn-bot.example.com'],
    ['mpn-bot.example.com:443', 'mpn-bot.example.com'],
    ['localhost', undefined],
    ['127.0.0.1', undefined],
    ['bad_name.example.com', undefined],
    ['*.example.com', undefined],
  ])('refuses BOT_DOMAIN=%s, suggesting %s', (value, suggestion) => {
    const [problem, ...others] = problemsOf({ ...SAMPLE_VALUES, BOT_DOMAIN: value });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^BOT_DOMAIN must be a host name without scheme, port or path/);
    expect(problem).toContain(`"${value}"`);
    if (suggestion) expect(problem).toContain(`(perhaps ${suggestion})`);
    else expect(problem).not.toContain('perhaps');
  });

  it('knows a host name', () => {
    expect(
      ['a.io', 'mpn-bot.azurewebsites.net', 'x1.dev-tunnels.ms', 'xn--80ak6aa92e.com'].filter(
        (name) => !isHostName(name),
      ),
    ).toEqual([]);
    expect(['a', 'a..b', '-a.com', 'a-.com', `${'a'.repeat(64)}.com`, '1.2.3.4', 'a.b/c'].filter(isHostName)).toEqual(
      [],
    );
  });
});

describe('placeholders', () => {
  it('fills ${{NAME}} in string values anywhere in a document, keys untouched', () => {
    const json = {
      id: '${{TEAMS_APP_ID}}',
      urls: ['https://${{BOT_DOMAIN}}/tab?locale={locale}'],
      '${{KEY}}': 1,
      n: 2,
    };
    expect(fillPlaceholders(json, SAMPLE_VALUES)).toEqual({
      value: {
        id: SAMPLE_VALUES.TEAMS_APP_ID,
        urls: [`https://${SAMPLE_VALUES.BOT_DOMAIN}/tab?locale={locale}`],
        '${{KEY}}': 1,
        n: 2,
      },
      unknown: [],
    });
  });

  it('reports an unknown placeholder with its JSON pointer and leaves it in place', () => {
    const { value, unknown } = fillPlaceholders({ bots: [{ botId: '${{BOT_ID}}' }] }, SAMPLE_VALUES);
    expect(unknown).toEqual(['${{BOT_ID}} at /bots/0/botId']);
    expect(value).toEqual({ bots: [{ botId: '${{BOT_ID}}' }] });
  });

  it('lists the names a document uses', () => {
    expect(placeholdersIn({ a: '${{B}} ${{A}}', b: ['${{ A }}'] })).toEqual(['A', 'B']);
  });
});
