import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ReusedConnectorsAuthentication } from '../../src/adapters/reusedConnectors';

const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'u1' },
    recipient: { id: 'bot' },
    conversation: { id: 'c1' },
  }) as Activity;

/** Anonymous (no app id), as in local development: requests authenticate without a token. */
const auth = () => new ReusedConnectorsAuthentication(new ConfigurationBotFrameworkAuthentication({}));

describe('ReusedConnectorsAuthentication', () => {
  it('hands every turn of a service URL the same connector client, and another URL its own', async () => {
    const reused = auth();
    const clientOf = async (url: string) => {
      const result = await reused.authenticateRequest(activity(url), '');
      return result.connectorFactory?.create(url, result.audience);
    };
    const first = await clientOf('http://127.0.0.1:1/');
    expect(first).toBeDefined();
    expect(await clientOf('http://127.0.0.1:1/')).toBe(first);
    expect(await clientOf('http://127.0.0.1:2/')).not.toBe(first);
    // baseUri is protected in the connector's types; the client made for the URL is the one asked for.
    expect((first as unknown as { baseUri: string }).baseUri).toBe('http://127.0.0.1:1/');
  });

  it('gives proactive turns the clients of incoming ones, and one user token client per app id', async () => {
    const reused = auth();
    const result = await reused.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const incoming = await result.connectorFactory?.create('http://127.0.0.1:1/', result.audience);
    const proactive = await reused
      .createConnectorFactory(result.claimsIdentity)
      .create('http://127.0.0.1:1/', result.audience);
    expect(proactive).toBe(incoming);
    const tokens = await reused.createUserTokenClient(result.claimsIdentity);
    expect(await reused.createUserTokenClient(result.claimsIdentity)).toBe(tokens);
  });
});
