import type { Locale, Topic } from '../../domain.ts';
import { maskPersonalData } from '../../privacy-mask.ts';
import type {
  ConversationState,
  ConversationStore,
  KnowledgeStore,
  NewMessage,
  NewUnanswered,
  Storage,
  StoredMessage,
  UnansweredEntry,
  UnansweredStore,
} from '../ports.ts';
import { openDatabase, type Db } from './open-database.ts';
import { sqliteAnalytics } from './sqlite-analytics.ts';
import { sqliteAuditStore, sqliteSettingsStore, sqliteUnansweredReviewStore } from './sqlite-console.ts';
import { sqliteKnowledgeRevisionStore } from './sqlite-knowledge-revisions.ts';
import { sqliteChannelContactStore, sqliteInboxStore } from './sqlite-channel-inbox.ts';
import { sqliteOutboxStore } from './sqlite-channel-outbox.ts';
import { sqliteEmbeddingCache, sqliteLlmUsageStore } from './sqlite-llm.ts';
import { sqliteSessionStore, sqliteStaffStore } from './sqlite-staff.ts';
import { sqliteBotFrameworkReferences } from './sqlite-botframework.ts';
import { sqliteConversationErasure } from './sqlite-erasure.ts';
import { sqlitePendingDeliveryStore, sqliteTicketStore } from './sqlite-tickets.ts';
import { conversationTokenStore, feedbackStore, turnReceiptStore } from './web-chat-stores.ts';

const now = () => new Date().toISOString();
const parseJson = <T>(text: string | null): T | null => (text == null ? null : (JSON.parse(text) as T));

/** Replaces the published topics; a transaction of its own, or part of the caller's (publishing a revision). */
export function topicReplacer(db: Db): (topics: Topic[]) => void {
  const insert = db.prepare(
    `INSERT INTO topics (id, area, source_url, last_reviewed, review_by, content, position)
     VALUES (@id, @area, @sourceUrl, @lastReviewed, @reviewBy, @content, @position)`,
  );
  return db.transaction((topics: Topic[]) => {
    db.prepare('DELETE FROM topics').run();
    topics.forEach((t, position) => insert.run({ ...t, content: JSON.stringify(t.content), position }));
  });
}

function knowledgeStore(db: Db): KnowledgeStore {
  const selectAll = db.prepare('SELECT * FROM topics ORDER BY position');
  const replace = topicReplacer(db);
  return {
    async listTopics() {
      return (selectAll.all() as Record<string, string>[]).map((row) => ({
        id: row.id,
        area: row.area,
        sourceUrl: row.source_url,
        lastReviewed: row.last_reviewed,
        reviewBy: row.review_by,
        content: JSON.parse(row.content),
      }));
    },
    async replaceTopics(topics) {
      replace(topics);
    },
    async countTopics() {
      return (db.prepare('SELECT COUNT(*) AS n FROM topics').get() as { n: number }).n;
    },
  };
}

function toConversation(row: Record<string, unknown>): ConversationState {
  return {
    id: row.id as string,
    channel: row.channel as ConversationState['channel'],
    locale: (row.locale as Locale | null) ?? null,
    mode: row.mode as ConversationState['mode'],
    lastTopicId: (row.last_topic_id as string | null) ?? null,
    pendingChoices: JSON.parse(row.pending_choices as string),
    consecutiveFallbacks: row.consecutive_fallbacks as number,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}

export function toMessage(row: Record<string, unknown>): StoredMessage {
  return {
    id: row.id as number,
    conversationId: row.conversation_id as string,
    author: row.author as StoredMessage['author'],
    text: row.text as string,
    outcome: parseJson(row.outcome as string | null),
    extra: parseJson(row.extra as string | null),
    createdAt: row.created_at as string,
  };
}

function conversationStore(db: Db): ConversationStore {
  const find = db.prepare('SELECT * FROM conversations WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO conversations (id, channel, locale, mode, last_topic_id, pending_choices, consecutive_fallbacks, created_at, updated_at)
     VALUES (@id, @channel, @locale, @mode, @lastTopicId, @pendingChoices, @consecutiveFallbacks, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET locale = excluded.locale, mode = excluded.mode, last_topic_id = excluded.last_topic_id,
       pending_choices = excluded.pending_choices, consecutive_fallbacks = excluded.consecutive_fallbacks,
       updated_at = excluded.updated_at`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, author, text, outcome, extra, created_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const appendAll = db.transaction((messages: NewMessage[]) =>
    messages.map((m) => {
      // Citizens type NIKs and phone numbers into chats; only the masked form is ever written.
      const text = m.author === 'citizen' ? maskPersonalData(m.text) : m.text;
      const row = insertMessage.get(
        m.conversationId,
        m.author,
        text,
        m.outcome ? JSON.stringify(m.outcome) : null,
        m.extra ? JSON.stringify(m.extra) : null,
        now(),
      ) as Record<string, unknown>;
      return toMessage(row);
    }),
  );
  const recent = db.prepare(
    'SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  return {
    async find(id) {
      const row = find.get(id) as Record<string, unknown> | undefined;
      return row ? toConversation(row) : null;
    },
    async save(state) {
      upsert.run({ ...state, pendingChoices: JSON.stringify(state.pendingChoices), updatedAt: now() });
    },
    async appendMessages(messages) {
      return appendAll(messages);
    },
    async listMessages(conversationId, limit = 200) {
      return (recent.all(conversationId, limit) as Record<string, unknown>[]).map(toMessage);
    },
  };
}

function unansweredStore(db: Db): UnansweredStore {
  const insert = db.prepare(
    `INSERT INTO unanswered (conversation_id, text, locale, channel, reason, best_topic_id, best_score, created_at)
     VALUES (@conversationId, @text, @locale, @channel, @reason, @bestTopicId, @bestScore, @createdAt)`,
  );
  const list = db.prepare('SELECT * FROM unanswered ORDER BY id DESC LIMIT ?');
  return {
    async record(entry: NewUnanswered) {
      insert.run({ ...entry, text: maskPersonalData(entry.text), createdAt: now() });
    },
    async list(limit = 500): Promise<UnansweredEntry[]> {
      return (list.all(limit) as Record<string, unknown>[]).map((row) => ({
        id: row.id as number,
        conversationId: row.conversation_id as string | null,
        text: row.text as string,
        locale: row.locale as Locale,
        channel: row.channel as UnansweredEntry['channel'],
        reason: row.reason as UnansweredEntry['reason'],
        bestTopicId: row.best_topic_id as string | null,
        bestScore: row.best_score as number,
        createdAt: row.created_at as string,
      }));
    },
  };
}

/** The embedded default store: one SQLite file, WAL mode, safe for one process. */
export function createSqliteStorage(file: string): Storage & { db: Db } {
  const db = openDatabase(file);
  return {
    db,
    knowledge: knowledgeStore(db),
    conversations: conversationStore(db),
    unanswered: unansweredStore(db),
    staff: sqliteStaffStore(db),
    sessions: sqliteSessionStore(db),
    botFrameworkReferences: sqliteBotFrameworkReferences(db),
    tickets: sqliteTicketStore(db),
    pendingDeliveries: sqlitePendingDeliveryStore(db),
    audit: sqliteAuditStore(db),
    revisions: sqliteKnowledgeRevisionStore(db),
    review: sqliteUnansweredReviewStore(db),
    settings: sqliteSettingsStore(db),
    analytics: sqliteAnalytics(db),
    inbox: sqliteInboxStore(db),
    outbox: sqliteOutboxStore(db),
    channelContacts: sqliteChannelContactStore(db),
    llmUsage: sqliteLlmUsageStore(db),
    embeddings: sqliteEmbeddingCache(db),
    turnReceipts: turnReceiptStore(db),
    conversationTokens: conversationTokenStore(db),
    feedback: feedbackStore(db),
    erasure: sqliteConversationErasure(db),
    isHealthy: () => db.open && (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1,
    close: () => db.close(),
  };
}
