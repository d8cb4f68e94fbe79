/**
 * The process's structured logger (pino): JSON lines on stdout, level from LOG_LEVEL. Nothing a partner typed
 * reaches a log line as is: every string is redacted (Access IDs, Contract IDs, e-mail addresses, tokens) and
 * its CR/LF neutralized, and secret-bearing fields are censored by name.
 */
import pino, { type Logger } from 'pino';
import { redact } from '../privacy/redact';

export type { Logger };

/** Fields that hold credentials wherever they appear. */
const SECRET_PATHS = [
  'authorization',
  'token',
  'secret',
  'password',
  '*.authorization',
  '*.token',
  '*.secret',
  '*.password',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

/** A string made safe for one log line: redacted, with line breaks shown as \n rather than written. */
export function safeLogText(text: string): string {
  return redact(text).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return safeLogText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: safeLogText(value.message), stack: value.stack ? safeLogText(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'mpn-support-benefits-assistant' },
    redact: { paths: SECRET_PATHS, censor: '[SECRET]' },
    serializers: { err: (error: unknown) => scrub(error) },
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? safeLogText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
