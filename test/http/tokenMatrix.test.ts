/**
 * With MicrosoftAppId set, /api/messages accepts only tokens the channel service signed: no token, a malformed
 * one, a forged signature, HS256 with the public key, "none", an expired one or one for another bot get 401,
 * never 500, and no error body carries exception text. A local OpenID configuration and JWKS stand in for
 * login.botframework.com (no network).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../support/fakeConnector';
import { LocalIdentityProvider } from '../support/localIdentityProvider';
import { startApp, TEST_APP_ID, type RunningApp } from '../support/testApp';
import { messageActivity, post } from './messageActivity';

let identity: LocalIdentityProvider;
let connector: FakeConnector;
let app: RunningApp;

beforeAll(async () => {
  identity = await new LocalIdentityProvider().start();
  connector = await new FakeConnector().start();
  app = await startApp({ identity });
});

afterAll(async () => {
  await app.close();
  await connector.stop();
  await identity.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the token matrix', () => {
  const cases: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['a malformed bearer token', () => bearer('not.a.jwt')],
    ['a Basic scheme', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    [
      'a forged signature',
      () =>
        bearer(
          identity.token({
            audience: TEST_APP_ID,
            serviceUrl: connector.serviceUrl,
            signingKey: LocalIdentityProvider.otherKey(),
          }),
        ),
    ],
    [
      'HS256 signed with the public key',
      () => bearer(identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl, algorithm: 'HS256' })),
    ],
    [
      'alg "none"',
      () => bearer(identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl, algorithm: 'none' })),
    ],
    [
      'an expired token',
      () =>
        bearer(identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl, expiresInSeconds: -3600 })),
    ],
    [
      'a token for another bot',
      () =>
        bearer(identity.token({ audience: '00000000-0000-4000-8000-0000000000ff', serviceUrl: connector.serviceUrl })),
    ],
    [
      'a token from another issuer',
      () =>
        bearer(
          identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl, issuer: 'https://evil.example' }),
        ),
    ],
  ];

  it.each(cases)('answers 401 to %s, with no exception text', async (_name, headers) => {
    const response = await post(app.url, messageActivity(connector.serviceUrl, 'hello'), headers());
    expect(response.status).toBe(401);
    expect(response.text).not.toMatch(/Error:|\bat \w+ \(|stack|jwt|jsonwebtoken|signature/i);
  });

  it('accepts a token the channel service signed, and the reply reaches the connector', async () => {
    const activity = messageActivity(connector.serviceUrl, 'how many incidents does a Gold partner get?');
    const response = await post(
      app.url,
      activity,
      bearer(identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl })),
    );
    expect(response.status).toBe(200);
    const [reply] = await connector.waitFor((activity.conversation as { id: string }).id, 1);
    expect(reply?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('does not let a valid token for one service URL post an activity naming another', async () => {
    const activity = messageActivity('http://127.0.0.2:9/', 'hello');
    const response = await post(
      app.url,
      activity,
      bearer(identity.token({ audience: TEST_APP_ID, serviceUrl: connector.serviceUrl })),
    );
    expect(response.status).toBe(401);
  });
});
