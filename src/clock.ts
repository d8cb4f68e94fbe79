/** The product's one clock (token expiry, rate limits, timestamps, idle conversations, retries), injectable so tests need not wait. */
export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
