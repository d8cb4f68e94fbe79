/**
 * The values the Teams app package takes from the environment, read once and checked: the Teams app id, the
 * bot's Microsoft app id and the host name the bot is served on. Every problem is reported, none is guessed.
 */
import { AppPackageError } from './appPackageError';
import { credential } from '../config/credentialNames';

export const APP_PACKAGE_VARIABLES = ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN'] as const;
export type AppPackageVariable = (typeof APP_PACKAGE_VARIABLES)[number];
export type AppPackageValues = Readonly<Record<AppPackageVariable, string>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const EXAMPLE_DOMAIN = 'mpn-bot.azurewebsites.net';

const WHAT: Readonly<Record<AppPackageVariable, string>> = {
  TEAMS_APP_ID: 'the Teams app id, a GUID of your choice that stays the same across versions of the app',
  MicrosoftAppId: "the bot's Microsoft app id (a GUID; CLIENT_ID to the Agents Toolkit), from its Azure Bot resource",
  BOT_DOMAIN: `the public host name the bot is served on, such as ${EXAMPLE_DOMAIN}`,
};

/** A public DNS host name: at least two labels, letters, digits and hyphens, not an IP address. */
export function isHostName(value: string): boolean {
  const labels = value.toLowerCase().split('.');
  return (
    value.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    !/^\d+$/.test(labels.at(-1) ?? '')
  );
}

function hostNameProblem(value: string): string {
  let hint = '';
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    if (isHostName(url.hostname) && url.hostname !== value.toLowerCase()) hint = ` (perhaps ${url.hostname})`;
  } catch {
    // not URL-like at all: no hint
  }
  return `BOT_DOMAIN must be a host name without scheme, port or path, such as ${EXAMPLE_DOMAIN}, not "${value}"${hint}`;
}

/**
 * @example readAppPackageValues(process.env) // { TEAMS_APP_ID: '…', MicrosoftAppId: '…', BOT_DOMAIN: 'mpn-bot.azurewebsites.net' }
 * @throws AppPackageError naming every variable that is missing or malformed
 */
export function readAppPackageValues(env: Readonly<Record<string, string | undefined>>): AppPackageValues {
  const problems: string[] = [];
  const read = (name: string) => (env[name] ?? '').trim();
  const values: AppPackageValues = {
    TEAMS_APP_ID: read('TEAMS_APP_ID'),
    MicrosoftAppId: credential(read, 'MicrosoftAppId', problems),
    BOT_DOMAIN: read('BOT_DOMAIN'),
  };
  for (const name of APP_PACKAGE_VARIABLES) {
    const text = values[name];
    if (!text) problems.push(`${name} is not set: ${WHAT[name]}`);
    else if (name === 'BOT_DOMAIN' ? !isHostName(text) : !GUID.test(text)) {
      problems.push(
        name === 'BOT_DOMAIN'
          ? hostNameProblem(text)
          : `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${text}"`,
      );
    }
  }
  if (problems.length) throw new AppPackageError(problems);
  return { ...values, BOT_DOMAIN: values.BOT_DOMAIN.toLowerCase() };
}
