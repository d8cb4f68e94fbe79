/**
 * The bot's configuration, read once from the environment and validated: a clear list of what is missing or
 * malformed, never a stack trace for a configuration mistake. Every key is documented in .env.example.
 */
import { ConfigError } from './configError';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface Config {
  port: number;
  /** `sqlite:<path>` (default), `memory:`, or (later) `postgres://…`. */
  storageUrl: string;
  production: boolean;
  /** Empty: anonymous local development (replies only to loopback service URLs). */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: AppType;
  microsoftAppTenantId: string;
  /** Bot Framework authentication overrides (sovereign clouds, tests with a local OpenID/JWKS). */
  botFrameworkAuth: Record<string, string>;
}

/** The Bot Framework settings ConfigurationBotFrameworkAuthentication reads besides the app id and password. */
const BOT_FRAMEWORK_AUTH_KEYS = [
  'ChannelService',
  'ValidateAuthority',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'OAuthUrl',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'CallerId',
] as const;

const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DEFAULT_STORAGE_URL = 'sqlite:./data/bot.db';
export const DEFAULT_PORT = 3978;

/**
 * @example readConfig({ PORT: '3978' }) // { port: 3978, storageUrl: 'sqlite:./data/bot.db', … }
 * @throws ConfigError listing every problem
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const value = (key: string) => (env[key] ?? '').trim();

  const portText = value('PORT') || String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0–65535), not "${portText}"`);

  const storageUrl = value('STORAGE_URL') || DEFAULT_STORAGE_URL;
  if (!/^(sqlite:.+|memory:|postgres(ql)?:\/\/.+)$/.test(storageUrl)) {
    problems.push(`STORAGE_URL must be sqlite:<file>, memory: or postgres://…, not "${storageUrl}"`);
  }

  const production = value('NODE_ENV') === 'production';
  const microsoftAppId = value('MicrosoftAppId');
  const microsoftAppPassword = value('MicrosoftAppPassword');
  const appTypeText = value('MicrosoftAppType') || 'MultiTenant';
  const microsoftAppTenantId = value('MicrosoftAppTenantId');
  if (microsoftAppId && !GUID.test(microsoftAppId)) problems.push('MicrosoftAppId must be the bot\'s app id (a GUID)');
  if (production && !microsoftAppId) {
    problems.push('MicrosoftAppId is required when NODE_ENV=production (without it anyone could post to /api/messages)');
  }
  if (!APP_TYPES.includes(appTypeText as AppType)) problems.push(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')}`);
  if (microsoftAppId && appTypeText !== 'UserAssignedMSI' && !microsoftAppPassword) {
    problems.push('MicrosoftAppPassword is required with MicrosoftAppId (except for MicrosoftAppType=UserAssignedMSI)');
  }
  if (appTypeText === 'SingleTenant' && !GUID.test(microsoftAppTenantId)) {
    problems.push('MicrosoftAppTenantId (a GUID) is required with MicrosoftAppType=SingleTenant');
  }

  if (problems.length) throw new ConfigError(problems);
  const botFrameworkAuth: Record<string, string> = {};
  for (const key of BOT_FRAMEWORK_AUTH_KEYS) if (value(key)) botFrameworkAuth[key] = value(key);
  return {
    port,
    storageUrl,
    production,
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppType: appTypeText as AppType,
    microsoftAppTenantId,
    botFrameworkAuth,
  };
}
