/**
 * The process's structured logger (pino): JSON lines on stdout, level from LOG_LEVEL. Nothing a partner typed
 * reaches a log line as is: every string is redacted (Access IDs, Contract IDs, e-mail addresses, tokens) and
 * its CR/LF neutralized, and secret-bearing fields are censored by name. Lines written while a request is
 * served carry its correlation id.
 */
import pino, { type Logger } from 'pino';
import { redact } from '../privacy/redact';
import { correlationId } from './correlation';

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

/**
 * Ids the bot makes itself (an error's reference, a request's correlation id, a ticket number), at the top of
 * a log line where only the code puts them: left as they are, or the redaction of pasted codes would mask the
 * very reference a user gives the support team.
 */
const OWN_IDS = new Set(['reference', 'correlationId', 'ticket']);
const OWN_ID = /^[A-Za-z0-9-]{1,40}$/;
const MAX_DEPTH = 4;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return safeLogText(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this, an object is not written at all: written unscrubbed, its strings would go out raw.
  if (depth > MAX_DEPTH) return '[…]';
  if (value instanceof Error) {
    // A wrapper's message may be empty (DialogContextError): what it wraps, and a code, say what happened.
    const { code, statusCode, error: wrapped } = value as { code?: unknown; statusCode?: unknown; error?: unknown };
    const cause = wrapped ?? value.cause;
    return {
      type: value.name,
      message: safeLogText(value.message),
      stack: value.stack ? safeLogText(value.stack) : undefined,
      ...(typeof code === 'string' || typeof code === 'number' ? { code: scrub(code) } : {}),
      ...(typeof statusCode === 'number' ? { statusCode } : {}),
      ...(cause !== undefined ? { cause: scrub(cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      safeLogText(key),
      depth === 0 && OWN_IDS.has(key) && typeof item === 'string' && OWN_ID.test(item) ? item : scrub(item, depth + 1),
    ]),
  );
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'mpn-support-benefits-assistant' },
    redact: { paths: SECRET_PATHS, censor: '[SECRET]' },
    serializers: { err: (error: unknown) => scrub(error) },
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    // Every line written while a request is served names it (src/log/correlation.ts).
    mixin: () => {
      const id = correlationId();
      return id ? { correlationId: id } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? safeLogText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
