/**
 * One pooled PostgreSQL connection for a piece of work that spans several statements (a transaction, a held
 * advisory lock). The pool stops listening to a connection's errors while it is checked out, so a connection
 * that breaks between statements would end the process; here the error is kept, the work's next statement
 * fails, and the broken connection is destroyed instead of going back to the pool (as is one the work
 * discards; the pool itself drops a connection whose socket has closed).
 */
import type { Pool, PoolClient } from 'pg';

/**
 * @example await withConnection(pool, async (client) => { await client.query('BEGIN'); … })
 * @param work gets the connection, and `discard` to have it destroyed rather than reused (e.g. it may hold a lock).
 */
export async function withConnection<T>(
  pool: Pool,
  work: (client: PoolClient, discard: (reason: Error) => void) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    return await work(client, onError);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
