/**
 * The one way tests boot the real app: the real classifier and routes, listening on a free loopback port,
 * anonymous (local development) unless a local identity provider signs the channel's requests. Bot state is kept
 * in memory unless the test asks for the store STORAGE_URL names; everything else is handed in as AppOverrides.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import pino from 'pino';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { readConfig } from '../../src/config/config';
import type { Logger } from '../../src/log/logger';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { CHANNEL_ISSUER, type LocalIdentityProvider } from './localIdentityProvider';

export interface RunningApp extends App {
  url: string;
}

export const TEST_APP_ID = '00000000-0000-4000-8000-000000000001';

/** Credentials for the bot's outgoing calls that need no Azure AD: requests go out unsigned to the fake connector. */
const unsignedCredentials = {
  isValidAppId: async (appId: string) => appId === TEST_APP_ID,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () => ({ signRequest: async <T>(request: T) => request }),
} as unknown as ServiceClientCredentialsFactory;

export interface StartAppOptions {
  /** Signed channel requests, checked against this local OpenID configuration (without it: anonymous mode). */
  identity?: LocalIdentityProvider;
  /** Environment on top of `STORAGE_URL=memory:`. */
  env?: NodeJS.ProcessEnv;
  /** Keep bot state in the store STORAGE_URL names instead of in memory. */
  storageFromUrl?: boolean;
  /** Parts handed in (a ticket store a test reads, a classifier, metrics…). */
  overrides?: AppOverrides;
  /** Default: silent. */
  logger?: Logger;
  /** The loopback address to listen on (default 127.0.0.1). */
  host?: string;
}

/** @example const app = await startApp({ env: { TICKETS_API_KEY: key }, overrides: { tickets } }); … await app.close(); */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const { identity } = options;
  const env: NodeJS.ProcessEnv = {
    STORAGE_URL: 'memory:',
    ...(identity ? { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'test-secret' } : {}),
    ...options.env,
  };
  const config = readConfig(env);
  const auth = identity
    ? new ConfigurationBotFrameworkAuthentication(
        {
          MicrosoftAppId: TEST_APP_ID,
          MicrosoftAppPassword: 'test-secret',
          ValidateAuthority: 'true',
          ToChannelFromBotLoginUrl: `${identity.origin}/login`,
          ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
          ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
          OAuthUrl: `${identity.origin}/oauth`,
          ToBotFromChannelOpenIdMetadataUrl: identity.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: identity.openIdMetadataUrl,
          CallerId: 'urn:botframework:azure',
        },
        unsignedCredentials,
      )
    : undefined;
  const overrides: AppOverrides = {
    ...(options.storageFromUrl ? {} : { storage: new InMemoryStorage() }),
    ...(auth ? { auth } : {}),
    ...options.overrides,
  };
  const app = await createApp(config, options.logger ?? pino({ level: 'silent' }), overrides);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => app.server.listen(0, host, resolve));
  const { port } = app.server.address();
  return { ...app, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}
