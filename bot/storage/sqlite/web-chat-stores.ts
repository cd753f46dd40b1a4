import { maskPersonalData } from '../../privacy-mask.ts';
import type { ConversationTokenStore, FeedbackStore, Rating, TurnReceiptStore } from '../web-chat-ports.ts';
import type { Db } from './open-database.ts';
import { toMessage } from './sqlite-storage.ts';

/** A widget retries a queued message for days at most; older receipts are pruned. */
const RECEIPT_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export function turnReceiptStore(db: Db): TurnReceiptStore {
  const find = db.prepare('SELECT result FROM turn_receipts WHERE conversation_id = ? AND client_message_id = ?');
  const insert = db.prepare(
    'INSERT INTO turn_receipts (conversation_id, client_message_id, result, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const prune = db.prepare('DELETE FROM turn_receipts WHERE created_at < ?');
  let lastPrune = 0;
  return {
    async find(conversationId, clientMessageId) {
      const row = find.get(conversationId, clientMessageId) as { result: string } | undefined;
      return row ? JSON.parse(row.result) : null;
    },
    async save(conversationId, clientMessageId, result) {
      const now = Date.now();
      insert.run(conversationId, clientMessageId, JSON.stringify(result), new Date(now).toISOString());
      if (now - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now;
        prune.run(new Date(now - RECEIPT_DAYS * 86_400_000).toISOString());
      }
    },
  };
}

export function conversationTokenStore(db: Db): ConversationTokenStore {
  const find = db.prepare('SELECT token_hash FROM conversation_tokens WHERE conversation_id = ?').pluck();
  const insert = db.prepare('INSERT INTO conversation_tokens (conversation_id, token_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM conversation_tokens WHERE conversation_id = ? AND token_hash = ?');
  // One synchronous transaction: of two first turns racing in, exactly one sets the token.
  const claim = db.transaction((conversationId: string, hash: Buffer) => {
    insert.run(conversationId, hash, new Date().toISOString());
    return find.get(conversationId) as Buffer;
  });
  return {
    async find(conversationId) {
      return (find.get(conversationId) as Buffer | undefined) ?? null;
    },
    async claim(conversationId, hash) {
      return claim(conversationId, hash);
    },
    async release(conversationId, hash) {
      remove.run(conversationId, hash);
    },
  };
}

export function feedbackStore(db: Db): FeedbackStore {
  const message = db.prepare('SELECT * FROM messages WHERE id = ? AND conversation_id = ?');
  const question = db.prepare(
    "SELECT * FROM messages WHERE conversation_id = ? AND id < ? AND author = 'citizen' ORDER BY id DESC LIMIT 1",
  );
  const current = db.prepare('SELECT rating FROM answer_feedback WHERE message_id = ?');
  const upsert = db.prepare(
    `INSERT INTO answer_feedback (conversation_id, message_id, rating, comment, topic_id, locale, created_at, updated_at)
     VALUES (@conversationId, @messageId, @rating, @comment, @topicId, @locale, @now, @now)
     ON CONFLICT(message_id) DO UPDATE SET rating = excluded.rating,
       comment = COALESCE(excluded.comment, answer_feedback.comment), updated_at = excluded.updated_at`,
  );
  const rate = db.transaction((rating: Parameters<FeedbackStore['rate']>[0]) => {
    const before = current.get(rating.messageId) as { rating: Rating } | undefined;
    const comment = rating.comment === null ? null : maskPersonalData(rating.comment);
    upsert.run({ ...rating, comment, now: new Date().toISOString() });
    return before?.rating ?? null;
  });
  const ratings = db.prepare('SELECT message_id, rating FROM answer_feedback WHERE conversation_id = ?');
  return {
    async exchange(conversationId, messageId) {
      const answer = message.get(messageId, conversationId) as Record<string, unknown> | undefined;
      if (!answer) return null;
      const asked = question.get(conversationId, messageId) as Record<string, unknown> | undefined;
      return { answer: toMessage(answer), question: asked ? toMessage(asked) : null };
    },
    async rate(rating) {
      return rate(rating);
    },
    async ratings(conversationId) {
      const rows = ratings.all(conversationId) as { message_id: number; rating: Rating }[];
      return new Map(rows.map((r) => [r.message_id, r.rating]));
    },
  };
}
