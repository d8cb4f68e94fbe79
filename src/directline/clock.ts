/** The time Direct Line decides by (token expiry, rate limits, timestamps), injectable so tests need not wait. */
export type Clock = () => number;

/** Milliseconds since the epoch, as Date.now(). */
export const systemClock: Clock = () => Date.now();
