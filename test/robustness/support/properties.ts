/** What every answer to a client's mistake must be: not a server error, and nothing of the exception in it. */
import { expect } from 'vitest';
import type { Exchange } from './appHarness';

/** Text that only an exception, a stack trace or a driver error would put in a response or a reply. */
export const EXCEPTION_TEXT =
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|URIError|EvalError|AggregateError|SqliteError|DatabaseError)\b|Cannot read propert|is not a function|is not iterable|Cannot convert|Unexpected (?:token|end of JSON)|Maximum call stack|\n\s+at |node_modules[\\/]|\.[jt]s:\d+:\d+|\bECONN[A-Z]+\b|\bSQLITE_[A-Z]+\b/;

/**
 * The answer to a request a client got wrong (or right): any status below 500, and a body without exception
 * text. `allowNotImplemented`: 501 is the Bot Framework's answer to an invoke the bot does not handle.
 */
export function expectClientAnswer(
  exchange: Exchange,
  context: string,
  options: { allowNotImplemented?: boolean } = {},
): void {
  const allowed = exchange.status < 500 || (options.allowNotImplemented === true && exchange.status === 501);
  expect(allowed, `${context}: answered ${exchange.status} ${exchange.text.slice(0, 300)}`).toBe(true);
  expect(
    EXCEPTION_TEXT.test(exchange.text),
    `${context}: the body carries exception text: ${exchange.text.slice(0, 300)}`,
  ).toBe(false);
  for (const [name, value] of exchange.headers)
    expect(EXCEPTION_TEXT.test(value), `${context}: header ${name} carries exception text: ${value}`).toBe(false);
}

/** Nothing in this process's Object.prototype that a request could have put there. */
export function expectNoPrototypePollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(typeof probe.toString).toBe('function');
}

/** Logs at error or above written since `before` (an index into the capture's lines). */
export function errorsSince(lines: readonly string[], before: number): Record<string, unknown>[] {
  return lines
    .slice(before)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => Number(entry.level) >= 50);
}
