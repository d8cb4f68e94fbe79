/**
 * Assembles the bot from its parts: storage, knowledge, classifier, state, dialogs, the Bot Framework adapter
 * and the HTTP routes. Everything outside is passed in, so tests build the same app with a local OpenID
 * configuration or in-memory storage and never start anything they do not need.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Server } from 'restify';
import { MainDialog } from '../dialogs/mainDialog';
import { BotFrameworkAdapter } from './adapters/botFrameworkAdapter';
import { ReusedConnectorsAuthentication } from './adapters/reusedConnectors';
import { createStateAccessors } from './bot/botState';
import { FeedbackStore } from './bot/feedbackStore';
import { ReviewCapture } from './bot/reviewCapture';
import { createOnTurnError } from './bot/onTurnError';
import { SupportBot } from './bot/supportBot';
import { TurnSerializer } from './bot/turnSerializer';
import type { Config } from './config/config';
import { knowledgeBase } from './knowledge/knowledgeBase';
import type { Logger } from './log/logger';
import { classifier as productClassifier, type Classifier } from './nlu/classifier';
import { articleRetriever } from './nlu/retrieval';
import { createDirectLine } from './directline';
import { ArticleSearch } from './messageExtension/articleSearch';
import { MessageExtension } from './messageExtension/messageExtension';
import { TicketSearch } from './messageExtension/ticketSearch';
import { Metrics } from './observability/metrics';
import { metricsEndpoint } from './observability/metricsEndpoint';
import { meteredStorage } from './observability/meteredStorage';
import { InsightsRecorder } from './bot/insightsRecorder';
import { insightsRoutes } from './insights/insightsRoutes';
import type { InsightsStore } from './insights/store/insightsStore';
import { reviewRoutes } from './review';
import type { ReviewStore } from './review/reviewStore';
import { createServer } from './server/createServer';
import { rateLimits } from './rateLimit/rateLimits';
import { systemClock } from './clock';
import { healthz, readyz } from './server/healthEndpoints';
import { messagesEndpoint } from './server/messagesEndpoint';
import type { BotStorage } from './storage/botStorage';
import { openStorage } from './storage/openStorage';
import { startRetention } from './storage/retention';
import { BotFrameworkMessenger } from './proactive/botFrameworkMessenger';
import { ChannelMessenger } from './proactive/channelMessenger';
import { DirectLineMessenger } from './proactive/directLineMessenger';
import type { TicketStore } from './tickets/store/ticketStore';
import { TicketService } from './tickets/ticketService';
import { ticketsApiRoutes } from './tickets/ticketsApi';
import { TriageActions } from './tickets/triageActions';
import { TriageChannels } from './tickets/triageChannel';
import { createWebPages } from './web';

/** Stores a test passes in instead of those of STORAGE_URL (the test keeps them; the app does not close them). */
export interface AppOverrides {
  storage?: BotStorage;
  metrics?: Metrics;
  tickets?: TicketStore;
  reviews?: ReviewStore;
  insights?: InsightsStore;
  auth?: BotFrameworkAuthentication;
  classifier?: Classifier;
}

export interface App {
  server: Server;
  storage: BotStorage;
  adapter: BotFrameworkAdapter;
  close(): Promise<void>;
}

/** Opens the storage first (its migrations run; an unreachable database fails here), then assembles the rest. */
export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const metrics = overrides.metrics ?? new Metrics();
  const stores = await openStorage(config.storageUrl);
  const storage = meteredStorage(overrides.storage ?? stores.state, metrics);
  const classifier = overrides.classifier ?? productClassifier();
  knowledgeBase();
  articleRetriever();
  // One connector client per service URL for the life of the process, not one per turn (reusedConnectors.ts).
  const auth = new ReusedConnectorsAuthentication(
    overrides.auth ??
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppType: config.microsoftAppType,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
        ...config.botFrameworkAuth,
      }),
  );
  const adapter = new BotFrameworkAdapter(auth);
  const state = createStateAccessors(storage);
  adapter.onTurnError = createOnTurnError(state, log, { storageReady: () => storage.isReady() });
  const ticketStore = overrides.tickets ?? stores.tickets;
  const directLineStore = stores.directLine;
  const limits = rateLimits(config, stores.rateLimits, systemClock, () =>
    metrics.storageErrors.inc({ operation: 'rate_limit' }),
  );
  const reviewStore = overrides.reviews ?? stores.reviews;
  const review = new ReviewCapture(reviewStore, state, log);
  const insightsStore = overrides.insights ?? stores.insights;
  // The Direct Line runs the bot (built below, with the ticket service that needs Direct Line to tell web chat requesters).
  const directLine = createDirectLine({
    config,
    bot: { run: (context) => bot.run(context) },
    log,
    onTurnError: adapter.onTurnError,
    storageReady: () => storage.isReady(),
    store: directLineStore,
    ...(limits.directLine ? { limiter: limits.directLine } : {}),
    metrics,
  });
  const messenger = new ChannelMessenger({
    directLine: new DirectLineMessenger(directLine.adapter, log),
    botFramework: new BotFrameworkMessenger(adapter, config.microsoftAppId, log),
  });
  const triageChannels = new TriageChannels(storage, config.triageTeamId);
  const tickets = new TicketService(ticketStore, triageChannels, messenger, log, metrics);
  const bot = new SupportBot({
    state,
    classifier,
    metrics,
    mainDialog: new MainDialog({ state, feedback: new FeedbackStore(storage), tickets, metrics, review }),
    triage: new TriageActions(tickets, log),
    messageExtension: new MessageExtension(
      new ArticleSearch(classifier, articleRetriever()),
      new TicketSearch({
        admits: (origin) => triageChannels.admits(origin),
        team: () => triageChannels.team(),
        triageLang: (fallback) => tickets.triageLang(fallback),
        store: ticketStore,
      }),
      log,
    ),
    serializer: new TurnSerializer(storage.sharedLock),
    idleMinutes: config.conversationIdleMinutes,
    review,
    outcomes: new InsightsRecorder(insightsStore, log),
  });

  const retention = startRetention({
    tickets: ticketStore,
    reviews: reviewStore,
    insights: insightsStore,
    conversations: directLineStore,
    state: storage,
    settings: config.retention,
    log,
  });
  const webPages = createWebPages();
  const modules = [directLine, webPages];

  const anonymous = !config.microsoftAppId;
  const server = createServer(
    [
      ...modules.flatMap((module) => module.routes),
      {
        method: 'post',
        path: '/api/messages',
        handle: messagesEndpoint({
          adapter,
          auth,
          bot,
          anonymous,
          log,
          ...(limits.perUser ? { perUser: limits.perUser } : {}),
        }),
        // Teams and Azure Bot Service post from a few Microsoft addresses: with an app id, users are limited, not addresses.
        rateLimited: anonymous,
      },
      ...ticketsApiRoutes({ store: ticketStore, apiKey: config.ticketsApiKey, log }),
      ...insightsRoutes({
        events: insightsStore,
        tickets: ticketStore,
        reviews: reviewStore,
        apiKey: config.ticketsApiKey,
        trustProxy: config.trustProxy,
        log,
      }),
      ...reviewRoutes({
        store: reviewStore,
        apiKey: config.ticketsApiKey,
        trustProxy: config.trustProxy,
        idleMinutes: config.conversationIdleMinutes,
        log,
      }),
      { method: 'get', path: '/metrics', handle: metricsEndpoint(metrics, config.metricsToken) },
      { method: 'get', path: '/healthz', handle: healthz(), rateLimited: false },
      {
        method: 'get',
        rateLimited: false,
        path: '/readyz',
        handle: readyz([
          { name: 'storage', check: () => storage.isReady() },
          { name: 'model', check: async () => Boolean(classifier) },
        ]),
      },
    ],
    {
      ...(limits.perAddress ? { perAddress: limits.perAddress } : {}),
      trustProxy: config.trustProxy,
      timeouts: config.httpTimeouts,
    },
  );
  for (const module of modules) module.attach?.(server.server);
  return {
    server,
    storage,
    adapter,
    async close() {
      server.close();
      await retention.stop();
      for (const module of modules) await module.close?.();
      await stores.close();
    },
  };
}
