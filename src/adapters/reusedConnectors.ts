/**
 * Bot Framework authentication that reuses its connector clients: botbuilder 4.23 builds a new ConnectorClient
 * (its HTTP pipeline of a dozen policies, its credentials) and a new UserTokenClient (another pipeline) for
 * every incoming activity, and drops them at the end of the turn. Here one client is kept per bot app id,
 * service URL and audience, and one token client per app id, as botbuilder's older BotFrameworkAdapter did
 * (it kept a client per service URL). The clients hold no per-turn state; the credentials renew their own
 * token. Everything else (authenticating requests, caller ids, skills) is the wrapped authentication's.
 */
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { BoundedCache } from '../boundedCache';

/** Service URLs a bot talks to are few (a channel's regions); this bounds a process that is sent many. */
const CLIENTS_KEPT = 64;

/** The bot's app id a request was for, as botbuilder finds it (the audience claim; the emulator's appid claim). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** One ConnectorClient per service URL and audience, made by the first factory botbuilder hands for an app id. */
class ReusedConnectorFactory extends ConnectorFactory {
  private readonly clients = new BoundedCache<string, Promise<ConnectorClient>>(CLIENTS_KEPT);

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${serviceUrl}\u0000${audience ?? ''}`;
    const client = this.clients.getOrAdd(key, () => this.inner.create(serviceUrl, audience));
    // A client that could not be made (credentials refused) is tried again next time.
    client.catch(() => this.clients.delete(key));
    return client;
  }
}

export class ReusedConnectorsAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new BoundedCache<string, ReusedConnectorFactory>(CLIENTS_KEPT);
  private readonly tokenClients = new BoundedCache<string, Promise<UserTokenClient>>(CLIENTS_KEPT);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factories.getOrAdd(
      appIdOf(claimsIdentity),
      () => new ReusedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity)),
    );
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    const client = this.tokenClients.getOrAdd(key, () => this.inner.createUserTokenClient(claimsIdentity));
    client.catch(() => this.tokenClients.delete(key));
    return client;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  /** The result with the app id's reused factory in place of the one made for this request. */
  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    if (!connectorFactory) return result;
    const factory = this.factories.getOrAdd(
      appIdOf(result.claimsIdentity),
      () => new ReusedConnectorFactory(connectorFactory),
    );
    return { ...result, connectorFactory: factory };
  }
}
