/**
 * A clock whose time moves only when everything else waits for it: `run(work)` lets every promise settle,
 * then jumps to the earliest sleep, and so on until the work is done. Waits of minutes take no wall time, and
 * what a test measures with `now()` is exactly what the code under test waited.
 */
export class VirtualClock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  private time: number;
  private timers: { at: number; order: number; wake: () => void }[] = [];
  private order = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((wake) => this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake }));
  };

  /** Runs virtual time forward until `work` settles; fails when the work waits for something that is not a sleep. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift();
      if (!next) throw new Error('the work waits for something other than the virtual clock');
      this.time = next.at;
      next.wake();
    }
  }
}
