/**
 * The self-hosted Direct Line 3.0 service, served by the bot itself under /v3/directline (tokens,
 * conversations, activities, the WebSocket stream), plus POST /api/webchat/token for this server's own pages.
 * Backends written for Azure's Direct Line and Bot Framework Web Chat work against it unchanged; the same bot
 * logic runs behind it through the DirectLineAdapter.
 */
import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import type { Metrics } from '../observability/metrics';
import type { WebModule } from '../server/webModule';
import { systemClock, type Clock } from '../clock';
import { DirectLineAdapter } from './directLineAdapter';
import { DirectLineConversations } from './directLineConversations';
import type { DirectLineService } from './directLineService';
import { activityRoutes } from './http/activityRoutes';
import { conversationRoutes } from './http/conversationRoutes';
import { Credentials } from './http/credentials';
import { OriginPolicy } from './http/originPolicy';
import { answerPreflights } from './http/preflight';
import { tokenRoutes } from './http/tokenRoutes';
import { WEBCHAT_TOKEN_PATH, webchatTokenRoute } from './http/webchatTokenRoute';
import type { RateLimiter } from '../rateLimit/rateLimiter';
import type { DirectLineStore } from './store/directLineStore';
import { DEFAULT_STREAM_TIMINGS, StreamHub, type StreamTimings } from './streaming/streamHub';
import { StreamCaps } from './streaming/streamCaps';
import { refuse, StreamUpgrade } from './streaming/streamUpgrade';
import { resolveDirectLineSecret, secretMatcher } from './tokens/directLineSecret';
import { DirectLineTokens } from './tokens/directLineTokens';

export interface DirectLineDependencies {
  config: Pick<Config, 'directLineSecret' | 'trustedOrigins' | 'directLineStreams' | 'trustProxy'> &
    Partial<Pick<Config, 'publicUrl'>>;
  /** The bot (SupportBot): its run(context) is the turn. */
  bot: Pick<ActivityHandler, 'run'>;
  log: Logger;
  /** The app's onTurnError (a logged reference, an apology to the user). */
  onTurnError?: (context: TurnContext, error: Error) => Promise<void>;
  /** Whether the storage answers right now (BotStorage.isReady; default: always): while it does not, a post is answered 503. */
  storageReady?: () => Promise<boolean>;
  /** The app's metrics: open streams, refused upgrades by reason, idle closes. */
  metrics?: Pick<Metrics, 'directLineConnections' | 'directLineStreamRefusals' | 'directLineIdleCloses'>;
  /** The conversations, from openStorage() (which closes them). */
  store: DirectLineStore;
  /** Activities per token (rateLimits().directLine); absent with RATE_LIMIT=off. */
  limiter?: RateLimiter;
  /** Seams for tests and benchmarks. */
  clock?: Clock;
  timings?: Partial<StreamTimings>;
  pageSize?: number;
}

export interface DirectLineModule extends WebModule {
  /** For proactive messages: adapter.continueConversation(reference, logic). */
  adapter: DirectLineAdapter;
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * @example
 * const directLine = createDirectLine({ config, bot, log, onTurnError: adapter.onTurnError, store: stores.directLine });
 * createServer([...directLine.routes, …]); directLine.attach(server.server);
 */
export function createDirectLine(deps: DirectLineDependencies): DirectLineModule {
  const { config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const { store } = deps;
  const timings = { ...DEFAULT_STREAM_TIMINGS, idleMs: config.directLineStreams.idleMs, ...deps.timings };
  const hub = new StreamHub(store, log, timings, {
    connections: deps.metrics?.directLineConnections,
    idleCloses: deps.metrics?.directLineIdleCloses,
  });
  const conversations = new DirectLineConversations(store, hub, clock);
  const secret = resolveDirectLineSecret(config.directLineSecret, log);
  const tokens = new DirectLineTokens(secret, clock);
  const policy = new OriginPolicy(config.trustedOrigins);
  const adapter = new DirectLineAdapter(conversations);
  const storageReady = () => (deps.storageReady ? deps.storageReady().catch(() => false) : Promise.resolve(true));
  const { onTurnError } = deps;
  // A turn that failed because the storage is down is not apologised for in the conversation (the apology could
  // not be stored either): the post is answered 503 and the client sends the activity again.
  if (onTurnError)
    adapter.onTurnError = async (context, error) =>
      (await storageReady()) ? onTurnError(context, error) : Promise.reject(error);
  const service: DirectLineService = {
    conversations,
    credentials: new Credentials(secretMatcher(secret), tokens),
    tokens,
    adapter,
    runBot: (context) => deps.bot.run(context),
    storageReady,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    pageSize: deps.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    frame: { policy, log },
    log,
  };
  const caps = new StreamCaps(config.directLineStreams);
  const upgrade = new StreamUpgrade({
    tokens,
    policy,
    store,
    hub,
    caps,
    trustProxy: config.trustProxy,
    log,
    refusals: deps.metrics?.directLineStreamRefusals,
  });

  return {
    routes: [
      ...tokenRoutes(service),
      ...conversationRoutes(service),
      ...activityRoutes(service),
      webchatTokenRoute(service),
    ],
    adapter,
    attach(server) {
      answerPreflights(server, isDirectLinePath, policy);
      server.on('upgrade', (req, socket, head: Buffer) => {
        // The streams are this server's only WebSocket endpoint (restify's own 'upgrade' listener only re-emits
        // the event): any other upgrade request is answered, not left open.
        if (StreamUpgrade.matches(req)) void upgrade.handle(req, socket, head);
        else refuse(socket, 404, 'NotFound', 'There is no WebSocket endpoint at this path.');
      });
    },
    async close() {
      hub.close();
      upgrade.close();
    },
  };
}

function isDirectLinePath(path: string): boolean {
  return path.startsWith('/v3/directline/') || path === WEBCHAT_TOKEN_PATH;
}
