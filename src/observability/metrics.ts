/**
 * The bot's Prometheus metrics (prom-client), in a registry of its own per app. Labels are closed sets
 * (channel ids, intents): nothing a user typed ever becomes a label.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { INTENTS, type Intent } from '../nlu/intents';

const KNOWN_CHANNELS = new Set([
  'msteams',
  'directline',
  'webchat',
  'emulator',
  'test',
  'slack',
  'telegram',
  'sms',
  'email',
  'facebook',
]);
/** Every value channelLabel gives. */
export const CHANNEL_LABELS: readonly string[] = [...KNOWN_CHANNELS, 'other'];

/** A channel id as a label: one of the known ones, or "other". */
export function channelLabel(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

export class Metrics {
  readonly registry = new Registry();
  readonly turns = new Counter({
    name: 'bot_turns_total',
    help: 'Turns by channel and intent',
    labelNames: ['channel', 'intent'],
    registers: [this.registry],
  });
  readonly fallbacks = new Counter({
    name: 'bot_fallbacks_total',
    help: 'Questions answered with "did you mean" or the out-of-scope card',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly handoffs = new Counter({
    name: 'bot_handoffs_total',
    help: 'Tickets opened by a hand-off',
    registers: [this.registry],
  });
  readonly confidence = new Histogram({
    name: 'bot_classification_confidence',
    help: 'Calibrated confidence of the classified intent',
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
    registers: [this.registry],
  });
  readonly turnLatency = new Histogram({
    name: 'bot_turn_duration_seconds',
    help: 'Time to process a turn, by channel',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly directLineConnections = new Gauge({
    name: 'directline_websocket_connections',
    help: 'Open Direct Line WebSocket streams',
    registers: [this.registry],
  });
  readonly directLineStreamRefusals = new Counter({
    name: 'directline_stream_refusals_total',
    help: 'Direct Line WebSocket upgrades refused, by reason (address_cap, conversation_cap, origin, unauthorized, forbidden, token_expired, not_found, error)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly directLineIdleCloses = new Counter({
    name: 'directline_stream_idle_closes_total',
    help: 'Direct Line WebSocket streams closed after the idle time without an activity',
    registers: [this.registry],
  });
  readonly storageErrors = new Counter({
    name: 'bot_storage_errors_total',
    help: 'Storage operations that failed',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  turn(channelId: string | undefined, intent: Intent | 'submit' | 'other', confidence?: number): void {
    const label = (INTENTS as readonly string[]).includes(intent) || intent === 'submit' ? intent : 'other';
    this.turns.inc({ channel: channelLabel(channelId), intent: label });
    if (confidence !== undefined) this.confidence.observe(confidence);
  }
}
