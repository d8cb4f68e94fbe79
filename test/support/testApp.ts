/** Builds the real app for HTTP tests: in-memory storage, the real classifier, listening on a free loopback port. */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { readConfig } from '../../src/config/config';
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

export async function startApp(options: { identity?: LocalIdentityProvider; env?: NodeJS.ProcessEnv } = {}): Promise<RunningApp> {
  const { identity } = options;
  const env: NodeJS.ProcessEnv = { STORAGE_URL: 'memory:', ...(identity ? { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'test-secret' } : {}), ...options.env };
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
  const app = await createApp(config, pino({ level: 'silent' }), { storage: new InMemoryStorage(), ...(auth ? { auth } : {}) });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address();
  return { ...app, url: `http://127.0.0.1:${port}` };
}
