/** The process's structured logger (pino): JSON lines on stdout, level from LOG_LEVEL. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'mpn-support-benefits-assistant' } });
}
