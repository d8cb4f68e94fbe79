/** The SQLite schema, as numbered migrations applied once each, in order, at start. */
export interface Migration {
  version: number;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
  },
  {
    // Direct Line conversations and their activities (src/directline/store): next_seq is the watermark.
    version: 2,
    sql: `CREATE TABLE directline_conversations (
      id TEXT PRIMARY KEY,
      user_id TEXT,
      created_at TEXT NOT NULL,
      next_seq INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE directline_activities (
      conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      activity TEXT NOT NULL,
      PRIMARY KEY (conversation_id, seq)
    ) WITHOUT ROWID`,
  },
  {
    // Tickets of the support hand-off (versions 10+ leave room for the Direct Line tables).
    version: 10,
    sql: `CREATE TABLE tickets (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      number TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      source_activity_id TEXT NOT NULL UNIQUE,
      requester_key TEXT,
      data TEXT NOT NULL,
      version INTEGER NOT NULL
    );
    CREATE INDEX tickets_requester ON tickets (requester_key);
    CREATE INDEX tickets_created ON tickets (created_at)`,
  },
  {
    // Review items (src/review): questions the bot missed, for the support team to label (versions 20–29).
    version: 20,
    sql: `CREATE TABLE review_items (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      requester_key TEXT NOT NULL,
      data TEXT NOT NULL,
      version INTEGER NOT NULL
    );
    CREATE INDEX review_items_requester ON review_items (requester_key);
    CREATE INDEX review_items_created ON review_items (created_at)`,
  },
  {
    // The insights' events (src/insights, versions 30-39): one row per counted turn, no user id, no text; the
    // salt of the conversation keys, made once by the first writer.
    version: 30,
    sql: `CREATE TABLE insights_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      lang TEXT NOT NULL,
      channel TEXT NOT NULL,
      conversation_key TEXT NOT NULL,
      outcome TEXT NOT NULL,
      intent TEXT
    );
    CREATE INDEX insights_events_at ON insights_events (at);
    CREATE TABLE insights_salt (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      salt TEXT NOT NULL
    )`,
  },
];
