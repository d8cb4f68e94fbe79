/** SharedAttempts: callers of one key share the running work and its outcome; once it ended, the key starts afresh. */
import { describe, expect, it } from 'vitest';
import { SharedAttempts } from '../../src/directline/http/sharedAttempts';

describe('SharedAttempts', () => {
  it('gives a caller that arrives while the work runs the same value, without running it again', async () => {
    const attempts = new SharedAttempts<number>();
    let runs = 0;
    let finish!: (value: number) => void;
    const work = () => (runs++, new Promise<number>((resolve) => (finish = resolve)));
    const first = attempts.run('a', work);
    const second = attempts.run('a', work);
    finish(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(runs).toBe(1);
  });

  it('shares a failure too, then lets the next caller try again', async () => {
    const attempts = new SharedAttempts<string>();
    let runs = 0;
    const failing = () => (runs++, Promise.reject(new Error('storage down')));
    const results = await Promise.allSettled([attempts.run('a', failing), attempts.run('a', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toBe(1);
    expect(await attempts.run('a', async () => 'answered')).toBe('answered');
  });

  it('runs the work of different keys side by side', async () => {
    const attempts = new SharedAttempts<string>();
    const values = await Promise.all([attempts.run('a', async () => 'x'), attempts.run('b', async () => 'y')]);
    expect(values).toEqual(['x', 'y']);
  });
});
