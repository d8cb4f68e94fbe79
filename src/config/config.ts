/**
 * The bot's configuration, read once from the environment and validated: a clear list of what is missing or
 * malformed, never a stack trace for a configuration mistake. Every key is documented in .env.example.
 */
import { ConfigError } from './configError';
import { credential } from './credentialNames';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface Config {
  port: number;
  /** `sqlite:<path>` (default), `memory:`, or `postgres://…`. */
  storageUrl: string;
  production: boolean;
  /** Empty: anonymous local development (replies only to loopback service URLs). */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: AppType;
  microsoftAppTenantId: string;
  /** Bot Framework authentication overrides (sovereign clouds, tests with a local OpenID/JWKS). */
  botFrameworkAuth: Record<string, string>;
  /** The key of `GET /api/tickets`; unset: the API is off (404). */
  ticketsApiKey: string | undefined;
  /** TRIAGE_TEAM_ID: the only Teams team whose channels may be the triage channel and act on tickets; unset: the first team to say "triage here". */
  triageTeamId: string | undefined;
  /** DIRECTLINE_SECRET, the master key of the self-hosted Direct Line; empty in development: one is generated at start. */
  directLineSecret: string;
  /**
   * PUBLIC_URL: the bot's origin as browsers reach it (https://bot.example.com), for the web chat's stream URLs;
   * required in production. Unset (local development): the address each request reached, never its Host header.
   */
  publicUrl: string | undefined;
  /** TRUSTED_ORIGINS: origins (`https://host[:port]`) whose pages may use Direct Line besides this server's own. */
  trustedOrigins: string[];
  /** Activities one Direct Line token may post: a steady rate per second and a burst. */
  directLineRateLimit: RateLimitSetting;
  /** Requests per client address on every public endpoint, and messages per user on /api/messages; RATE_LIMIT=off for benchmarks. */
  rateLimit: { enabled: boolean; perIp: RateLimitSetting; perUser: RateLimitSetting };
  /**
   * TRUST_PROXY: how many reverse proxies of yours stand in front of the bot (`true` = 1, `false` = 0). The client
   * address is then the X-Forwarded-For entry the outermost of them appended, counted from the right.
   */
  trustProxy: number;
  /** METRICS_TOKEN: a bearer token for GET /metrics (required with TRUST_PROXY); unset: /metrics answers this machine only, never a forwarded request. */
  metricsToken: string | undefined;
  /** HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS: the server's own socket timeouts. */
  httpTimeouts: HttpTimeouts;
  /** DIRECTLINE_STREAM_IDLE_MS, DIRECTLINE_STREAMS_PER_CONVERSATION, DIRECTLINE_STREAMS_PER_ADDRESS. */
  directLineStreams: StreamLimits;
  /** TICKET_RETENTION_DAYS, CONVERSATION_RETENTION_DAYS: tickets and inactive Direct Line conversations are deleted after this many days. */
  retention: { ticketDays: number; conversationDays: number };
  /** CONVERSATION_IDLE_MINUTES: a conversation's context (topic, facts in play, pending question) is dropped after this long idle. */
  conversationIdleMinutes: number;
}

export interface RateLimitSetting {
  perSecond: number;
  burst: number;
}

/** How long a client may take: to send its headers (also a connection that sends nothing), a whole request, and between two requests on one connection. */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

/** A Direct Line WebSocket stream closes after `idleMs` without an activity (pongs are not one); streams open at once per conversation and per client address. */
export interface StreamLimits {
  idleMs: number;
  perConversation: number;
  perAddress: number;
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
/** A team's id as Teams sends it in channelData.team.id (the thread id of its General channel). */
const TEAMS_TEAM_ID = /^19:[^\s;]+@thread\.[a-z0-9]+$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DEFAULT_STORAGE_URL = 'sqlite:./data/bot.db';
export const DEFAULT_PORT = 3978;
export const DEFAULT_DIRECTLINE_RATE_LIMIT = { perSecond: 8, burst: 16 } as const;
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 20_000, requestMs: 30_000, keepAliveMs: 5_000 };
export const DEFAULT_STREAM_LIMITS: StreamLimits = { idleMs: 300_000, perConversation: 4, perAddress: 100 };
export const DEFAULT_RETENTION = { ticketDays: 365, conversationDays: 90 } as const;
export const DEFAULT_CONVERSATION_IDLE_MINUTES = 30;
const MIN_DIRECTLINE_SECRET_LENGTH = 32;
const MAX_PROXY_HOPS = 10;

/**
 * @example readConfig({ PORT: '3978' }) // { port: 3978, storageUrl: 'sqlite:./data/bot.db', … }
 * @throws ConfigError listing every problem
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const value = (key: string) => (env[key] ?? '').trim();

  const portText = value('PORT') || String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number (0–65535), not "${portText}"`);

  const storageUrl = value('STORAGE_URL') || DEFAULT_STORAGE_URL;
  if (!/^(sqlite:.+|memory:|postgres(ql)?:\/\/.+)$/.test(storageUrl)) {
    problems.push(`STORAGE_URL must be sqlite:<file>, memory: or postgres://…, not "${storageUrl}"`);
  }

  const production = value('NODE_ENV') === 'production';
  const microsoftAppId = credential(value, 'MicrosoftAppId', problems);
  const microsoftAppPassword = credential(value, 'MicrosoftAppPassword', problems);
  const appTypeText = value('MicrosoftAppType') || 'MultiTenant';
  const microsoftAppTenantId = credential(value, 'MicrosoftAppTenantId', problems);
  if (microsoftAppId && !GUID.test(microsoftAppId)) problems.push("MicrosoftAppId must be the bot's app id (a GUID)");
  if (production && !microsoftAppId) {
    problems.push(
      'MicrosoftAppId is required when NODE_ENV=production (without it anyone could post to /api/messages)',
    );
  }
  if (!APP_TYPES.includes(appTypeText as AppType))
    problems.push(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')}`);
  if (microsoftAppId && appTypeText !== 'UserAssignedMSI' && !microsoftAppPassword) {
    problems.push('MicrosoftAppPassword is required with MicrosoftAppId (except for MicrosoftAppType=UserAssignedMSI)');
  }
  if (appTypeText === 'SingleTenant' && !GUID.test(microsoftAppTenantId)) {
    problems.push('MicrosoftAppTenantId (a GUID) is required with MicrosoftAppType=SingleTenant');
  }

  const ticketsApiKey = value('TICKETS_API_KEY') || undefined;
  if (ticketsApiKey && !/^[\x21-\x7e]{16,}$/.test(ticketsApiKey)) {
    problems.push(
      'TICKETS_API_KEY must be 16 or more printable characters without spaces (e.g. the output of `openssl rand -hex 32`)',
    );
  }

  const triageTeamId = value('TRIAGE_TEAM_ID') || undefined;
  if (triageTeamId && !TEAMS_TEAM_ID.test(triageTeamId)) {
    problems.push(
      `TRIAGE_TEAM_ID must be a Teams team id such as 19:…@thread.tacv2 (channelData.team.id, not the Entra group id), not "${triageTeamId}"`,
    );
  }

  const directLineSecret = value('DIRECTLINE_SECRET');
  if (directLineSecret && (directLineSecret.length < MIN_DIRECTLINE_SECRET_LENGTH || /\s/.test(directLineSecret))) {
    problems.push(
      `DIRECTLINE_SECRET must be at least ${MIN_DIRECTLINE_SECRET_LENGTH} characters without spaces (e.g. openssl rand -base64 48)`,
    );
  }
  if (production && !directLineSecret) {
    problems.push(
      'DIRECTLINE_SECRET is required when NODE_ENV=production (a generated one changes at every start and differs between instances)',
    );
  }
  const publicUrl = value('PUBLIC_URL') || undefined;
  if (publicUrl && !isOrigin(publicUrl))
    problems.push(
      `PUBLIC_URL must be the bot's origin like https://bot.example.com (scheme, host, optional port, no path), not "${publicUrl}"`,
    );
  if (production && !publicUrl)
    problems.push(
      "PUBLIC_URL is required when NODE_ENV=production (the web chat's stream URLs are built from it, never from a request's Host)",
    );
  const trustedOrigins = value('TRUSTED_ORIGINS')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of trustedOrigins) {
    if (!isOrigin(origin))
      problems.push(
        `TRUSTED_ORIGINS: "${origin}" is not an origin like https://partner.example.com (scheme, host, optional port, no path)`,
      );
  }
  const perSecondText = value('DIRECTLINE_RATE_PER_SECOND') || String(DEFAULT_DIRECTLINE_RATE_LIMIT.perSecond);
  const burstText = value('DIRECTLINE_RATE_BURST') || String(DEFAULT_DIRECTLINE_RATE_LIMIT.burst);
  const perSecond = Number(perSecondText);
  const burst = Number(burstText);
  if (!Number.isFinite(perSecond) || perSecond <= 0)
    problems.push(`DIRECTLINE_RATE_PER_SECOND must be a positive number, not "${perSecondText}"`);
  if (!Number.isInteger(burst) || burst < 1)
    problems.push(`DIRECTLINE_RATE_BURST must be a whole number of at least 1, not "${burstText}"`);

  const rateLimitText = value('RATE_LIMIT') || 'on';
  if (rateLimitText !== 'on' && rateLimitText !== 'off')
    problems.push(`RATE_LIMIT must be on or off, not "${rateLimitText}"`);
  const rateSetting = (name: string, defaults: RateLimitSetting): RateLimitSetting => {
    const perSecondValue = value(`${name}_PER_SECOND`) || String(defaults.perSecond);
    const burstValue = value(`${name}_BURST`) || String(defaults.burst);
    const setting = { perSecond: Number(perSecondValue), burst: Number(burstValue) };
    if (!Number.isFinite(setting.perSecond) || setting.perSecond <= 0)
      problems.push(`${name}_PER_SECOND must be a positive number, not "${perSecondValue}"`);
    if (!Number.isInteger(setting.burst) || setting.burst < 1)
      problems.push(`${name}_BURST must be a whole number of at least 1, not "${burstValue}"`);
    return setting;
  };
  const perIp = rateSetting('RATE_LIMIT_IP', { perSecond: 20, burst: 60 });
  const perUser = rateSetting('RATE_LIMIT_USER', { perSecond: 1, burst: 10 });
  const trustProxy = trustedProxyHops(value('TRUST_PROXY') || 'false');
  if (trustProxy === undefined)
    problems.push(
      `TRUST_PROXY must be false, true (one proxy) or the number of proxies in front of the bot (1–${MAX_PROXY_HOPS}), not "${value('TRUST_PROXY')}"`,
    );
  const metricsToken = value('METRICS_TOKEN') || undefined;
  if (metricsToken !== undefined && !/^\S{16,}$/.test(metricsToken))
    problems.push('METRICS_TOKEN must be 16 or more characters without spaces');
  // Behind a proxy on this machine every request arrives from loopback: "this machine only" would mean everyone.
  if (trustProxy && metricsToken === undefined)
    problems.push(
      'METRICS_TOKEN is required with TRUST_PROXY (behind a reverse proxy, requests from "this machine" include everyone\'s)',
    );

  const wholeNumber = (name: string, defaultValue: number, min: number, unit: string): number => {
    const text = value(name) || String(defaultValue);
    const number = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
    if (!(number >= min)) problems.push(`${name} must be a whole number of ${unit} of at least ${min}, not "${text}"`);
    return number;
  };
  const httpTimeouts: HttpTimeouts = {
    headersMs: wholeNumber('HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersMs, 100, 'milliseconds'),
    requestMs: wholeNumber('HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestMs, 100, 'milliseconds'),
    keepAliveMs: wholeNumber('HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveMs, 100, 'milliseconds'),
  };
  if (httpTimeouts.headersMs > httpTimeouts.requestMs)
    problems.push(
      'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
    );
  const directLineStreams: StreamLimits = {
    idleMs: wholeNumber('DIRECTLINE_STREAM_IDLE_MS', DEFAULT_STREAM_LIMITS.idleMs, 100, 'milliseconds'),
    perConversation: wholeNumber(
      'DIRECTLINE_STREAMS_PER_CONVERSATION',
      DEFAULT_STREAM_LIMITS.perConversation,
      1,
      'streams',
    ),
    perAddress: wholeNumber('DIRECTLINE_STREAMS_PER_ADDRESS', DEFAULT_STREAM_LIMITS.perAddress, 1, 'streams'),
  };

  const retentionDays = (name: string, defaultDays: number): number => {
    const text = value(name) || String(defaultDays);
    const days = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!(days >= 1)) problems.push(`${name} must be a whole number of days of at least 1, not "${text}"`);
    return days;
  };
  const ticketDays = retentionDays('TICKET_RETENTION_DAYS', DEFAULT_RETENTION.ticketDays);
  const conversationDays = retentionDays('CONVERSATION_RETENTION_DAYS', DEFAULT_RETENTION.conversationDays);
  const idleText = value('CONVERSATION_IDLE_MINUTES') || String(DEFAULT_CONVERSATION_IDLE_MINUTES);
  const conversationIdleMinutes = /^\d{1,5}$/.test(idleText) ? Number(idleText) : NaN;
  if (!(conversationIdleMinutes >= 1))
    problems.push(`CONVERSATION_IDLE_MINUTES must be a whole number of minutes of at least 1, not "${idleText}"`);

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
    ticketsApiKey,
    triageTeamId,
    directLineSecret,
    publicUrl: publicUrl ? new URL(publicUrl).origin : undefined,
    trustedOrigins: trustedOrigins.map((origin) => new URL(origin).origin),
    directLineRateLimit: { perSecond, burst },
    rateLimit: { enabled: rateLimitText !== 'off', perIp, perUser },
    trustProxy: trustProxy ?? 0,
    metricsToken,
    httpTimeouts,
    directLineStreams,
    retention: { ticketDays, conversationDays },
    conversationIdleMinutes,
  };
}

/** "false" → 0, "true" → 1, "2" → 2: the reverse proxies of yours in front of the bot; undefined if malformed. */
function trustedProxyHops(text: string): number | undefined {
  if (text === 'false') return 0;
  if (text === 'true') return 1;
  const hops = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  return hops >= 0 && hops <= MAX_PROXY_HOPS ? hops : undefined;
}

/** "https://partner.example.com" or "http://localhost:8080": a scheme, a host, maybe a port, nothing else. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text.replace(/\/$/, '').toLowerCase()
    );
  } catch {
    return false;
  }
}
