/**
 * Work that callers with the same key share while it runs: a second caller that arrives before the first one's
 * work has ended gets the same outcome (value or error) instead of starting the work again. Once it has ended the
 * key is free, so a later caller starts afresh. One process only: instances sharing a database each keep their own.
 */
export class SharedAttempts<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) return current;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
