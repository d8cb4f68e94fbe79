/** The parts every Direct Line route works with, assembled once by createDirectLine. */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger';
import type { DirectLineAdapter } from './directLineAdapter';
import type { DirectLineConversations } from './directLineConversations';
import type { Credentials } from './http/credentials';
import type { RouteFrame } from './http/directLineRoute';
import type { RateLimiter } from '../rateLimit/rateLimiter';
import type { DirectLineTokens } from './tokens/directLineTokens';

export interface DirectLineService {
  conversations: DirectLineConversations;
  credentials: Credentials;
  tokens: DirectLineTokens;
  adapter: DirectLineAdapter;
  /** The bot's turn (SupportBot.run). */
  runBot(context: TurnContext): Promise<void>;
  /** Whether the storage answers right now (BotStorage.isReady): a post that failed while it did not is answered 503. */
  storageReady(): Promise<boolean>;
  /** Activities per token; absent with RATE_LIMIT=off. */
  limiter?: RateLimiter;
  /** The most activities one GET returns. */
  pageSize: number;
  /** PUBLIC_URL: this server's origin as browsers reach it (stream URLs); unset in local development. */
  publicUrl?: string;
  frame: RouteFrame;
  log: Logger;
}
