/**
 * Numbered schema migrations, applied in order and recorded in the schema_migrations table.
 * Never edit a released migration: add the next number.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'knowledge, conversations, messages, unanswered',
    sql: `
      CREATE TABLE topics (
        id TEXT PRIMARY KEY,
        area TEXT NOT NULL,
        source_url TEXT NOT NULL,
        last_reviewed TEXT NOT NULL,
        review_by TEXT NOT NULL,
        content TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        locale TEXT,
        mode TEXT NOT NULL DEFAULT 'bot',
        last_topic_id TEXT,
        pending_choices TEXT NOT NULL DEFAULT '[]',
        consecutive_fallbacks INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        outcome TEXT,
        extra TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
      CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT,
        text TEXT NOT NULL,
        locale TEXT NOT NULL,
        channel TEXT NOT NULL,
        reason TEXT NOT NULL,
        best_topic_id TEXT,
        best_score REAL NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX unanswered_by_time ON unanswered(created_at);
    `,
  },
  {
    version: 2,
    name: 'staff accounts and sessions',
    sql: `
      CREATE TABLE staff_users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'officer')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_sessions_by_user ON staff_sessions(user_id);
    `,
  },
  {
    version: 10,
    name: 'handoff tickets, ticket events, pending deliveries',
    sql: `
      CREATE TABLE tickets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        number TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        channel TEXT NOT NULL,
        locale TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('complaint', 'assistance')),
        reason TEXT NOT NULL,
        topic_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'assigned', 'resolved', 'closed')),
        officer_id TEXT REFERENCES staff_users(id),
        escalated INTEGER NOT NULL DEFAULT 0,
        end_reason TEXT CHECK (end_reason IN ('resolved', 'citizen-returned', 'citizen-silent')),
        resolution_note TEXT,
        satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
        awaiting_rating INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        assigned_at TEXT,
        ended_at TEXT,
        end_message_id INTEGER,
        last_citizen_message_at TEXT,
        last_officer_message_at TEXT,
        reminded_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      );
      -- One open ticket per conversation: a second handoff request joins the first.
      CREATE UNIQUE INDEX tickets_one_open_per_conversation ON tickets(conversation_id) WHERE status IN ('waiting', 'assigned');
      CREATE INDEX tickets_by_status ON tickets(status, id);
      CREATE INDEX tickets_by_conversation ON tickets(conversation_id, id);
      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        type TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        actor TEXT NOT NULL,
        detail TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, id);
      CREATE TABLE pending_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        message_id INTEGER,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 20,
    name: 'channel inbox, outbox and contacts',
    sql: `
      CREATE TABLE channel_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        address TEXT NOT NULL,
        payload TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        error TEXT,
        received_at TEXT NOT NULL,
        processed_at TEXT,
        UNIQUE (channel, external_id)
      );
      CREATE INDEX channel_inbox_pending ON channel_inbox(status, conversation_id, id);
      CREATE TABLE channel_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        author TEXT NOT NULL,
        request TEXT NOT NULL,
        preview TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        give_up_at INTEGER NOT NULL,
        last_error TEXT,
        external_message_id TEXT,
        delivery_status TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        failed_at TEXT
      );
      CREATE INDEX channel_outbox_queue ON channel_outbox(status, conversation_id, id);
      CREATE INDEX channel_outbox_by_external_id ON channel_outbox(external_message_id);
      CREATE TABLE channel_contacts (
        conversation_id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        address TEXT NOT NULL,
        platform_user_id TEXT,
        last_inbound_at TEXT NOT NULL,
        menu TEXT
      );
      CREATE INDEX channel_contacts_by_user ON channel_contacts(channel, platform_user_id);
    `,
  },
  {
    version: 40,
    name: 'staff console: audit log, knowledge drafts and revisions, unanswered review, settings',
    sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_email TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_by_entity ON audit_log(entity_type, entity_id, id);
      CREATE TABLE kb_drafts (
        topic_id TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        pending_regressions TEXT NOT NULL DEFAULT '[]',
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE kb_revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        message TEXT NOT NULL,
        rollback_of INTEGER REFERENCES kb_revisions(id),
        topic_count INTEGER NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE TABLE unanswered_resolutions (
        unanswered_id INTEGER PRIMARY KEY REFERENCES unanswered(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('variant', 'new-entry', 'out-of-scope', 'dismissed')),
        topic_id TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE out_of_scope_patterns (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        terms TEXT NOT NULL,
        example TEXT NOT NULL,
        locale TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 50,
    name: 'language-model calls and cached embeddings',
    sql: `
      CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        purpose TEXT NOT NULL,
        model TEXT NOT NULL,
        outcome TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        input_tokens INTEGER,
        output_tokens INTEGER,
        breaker TEXT NOT NULL,
        effect TEXT NOT NULL,
        detail TEXT,
        conversation_id TEXT
      );
      CREATE INDEX llm_calls_by_time ON llm_calls(created_at);
      CREATE INDEX llm_calls_by_purpose ON llm_calls(purpose, latency_ms);
      CREATE TABLE llm_embeddings (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (model, text_hash)
      );
    `,
  },
  {
    version: 30,
    name: 'web chat: turn receipts for client retries, answer feedback',
    sql: `
      CREATE TABLE turn_receipts (
        conversation_id TEXT NOT NULL,
        client_message_id TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX turn_receipts_by_client_message ON turn_receipts(conversation_id, client_message_id);
      CREATE INDEX turn_receipts_by_time ON turn_receipts(created_at);
      CREATE TABLE answer_feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        message_id INTEGER NOT NULL REFERENCES messages(id),
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT,
        topic_id TEXT,
        locale TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX answer_feedback_by_message ON answer_feedback(message_id);
      CREATE INDEX answer_feedback_by_conversation ON answer_feedback(conversation_id);
    `,
  },
  {
    version: 70,
    name: 'bot framework conversation references for proactive replies',
    sql: `
      CREATE TABLE botframework_references (
        conversation_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 80,
    name: 'web chat: conversation tokens (only their SHA-256 hash)',
    sql: `
      CREATE TABLE conversation_tokens (
        conversation_id TEXT PRIMARY KEY,
        token_hash BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
];
