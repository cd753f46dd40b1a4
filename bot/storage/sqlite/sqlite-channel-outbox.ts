import { maskPersonalData } from '../../privacy-mask.ts';
import type { DeliveryStatus, OutboxEntry, OutboxStore } from '../channel-ports.ts';
import type { Db } from './open-database.ts';
import { menuWriter, outboxInserter } from './sqlite-channel-inbox.ts';

const now = () => new Date().toISOString();

function toEntry(row: Record<string, unknown>): OutboxEntry {
  return {
    id: row.id as number,
    channel: row.channel as OutboxEntry['channel'],
    conversationId: row.conversation_id as string,
    author: row.author as OutboxEntry['author'],
    request: JSON.parse(row.request as string),
    preview: row.preview as string,
    status: row.status as OutboxEntry['status'],
    attempts: row.attempts as number,
    nextAttemptAt: row.next_attempt_at as number,
    giveUpAt: row.give_up_at as number,
    lastError: (row.last_error as string | null) ?? null,
    externalMessageId: (row.external_message_id as string | null) ?? null,
    deliveryStatus: (row.delivery_status as DeliveryStatus | null) ?? null,
    createdAt: row.created_at as string,
    sentAt: (row.sent_at as string | null) ?? null,
    failedAt: (row.failed_at as string | null) ?? null,
  };
}

// Only the oldest pending message of a conversation may be sent: that is what keeps replies in order.
const IS_HEAD = `o.id = (SELECT MIN(p.id) FROM channel_outbox p WHERE p.status = 'pending' AND p.conversation_id = o.conversation_id)`;
const IN_CHANNELS = `o.channel IN (SELECT value FROM json_each(@channels))`;
// Delivery reports arrive out of order; a message's state only ever moves forward, and failed is final.
const RANK = (column: string) => `CASE ${column} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END`;
// Platform errors can quote what was sent; staff see them, logs and the database keep them masked.
const cleanError = (error: string) => maskPersonalData(error).slice(0, 500);

export function sqliteOutboxStore(db: Db): OutboxStore {
  const insert = outboxInserter(db);
  const writeMenu = menuWriter(db);
  const enqueueAll = db.transaction((rows: Parameters<OutboxStore['enqueue']>[0], menu: Parameters<OutboxStore['enqueue']>[1]) => {
    insert(rows);
    if (menu) writeMenu(menu.conversationId, menu.menu);
  });
  const dueHeads = db.prepare(
    `SELECT o.* FROM channel_outbox o
     WHERE o.status = 'pending' AND ${IN_CHANNELS} AND ${IS_HEAD} AND o.next_attempt_at <= @now
       AND o.conversation_id NOT IN (SELECT value FROM json_each(@busy))
     ORDER BY o.next_attempt_at, o.id LIMIT @limit`,
  );
  const nextDue = db.prepare(
    `SELECT MIN(o.next_attempt_at) AS due FROM channel_outbox o
     WHERE o.status = 'pending' AND ${IN_CHANNELS} AND ${IS_HEAD} AND o.conversation_id NOT IN (SELECT value FROM json_each(@busy))`,
  );
  const byId = db.prepare('SELECT * FROM channel_outbox WHERE id = ?');

  return {
    async enqueue(rows, menu) {
      enqueueAll(rows, menu);
    },
    async dueHeads(at, channels, busy, limit) {
      const rows = dueHeads.all({ now: at, channels: JSON.stringify(channels), busy: JSON.stringify(busy), limit }) as Record<string, unknown>[];
      return rows.map(toEntry);
    },
    async nextDueAt(channels, busy) {
      return (nextDue.get({ channels: JSON.stringify(channels), busy: JSON.stringify(busy) }) as { due: number | null }).due;
    },
    async markSent(id, externalMessageId) {
      db.prepare(
        "UPDATE channel_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, external_message_id = ?, last_error = NULL WHERE id = ?",
      ).run(now(), externalMessageId, id);
    },
    async reschedule(id, nextAttemptAt, error) {
      db.prepare('UPDATE channel_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?').run(
        nextAttemptAt,
        cleanError(error),
        id,
      );
    },
    async markFailed(id, error, countAttempt) {
      db.prepare("UPDATE channel_outbox SET status = 'failed', attempts = attempts + ?, last_error = ?, failed_at = ? WHERE id = ?").run(
        countAttempt ? 1 : 0,
        cleanError(error),
        now(),
        id,
      );
    },
    async replace(id, request, preview) {
      db.prepare('UPDATE channel_outbox SET request = ?, preview = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?').run(
        JSON.stringify(request),
        preview,
        Date.now(),
        id,
      );
    },
    async recordDelivery(externalMessageId, status, error) {
      const result = db
        .prepare(
          `UPDATE channel_outbox SET delivery_status = @status, last_error = COALESCE(@error, last_error),
             failed_at = CASE WHEN @status = 'failed' THEN @now ELSE failed_at END
           WHERE external_message_id = @id AND ${RANK('delivery_status')} < ${RANK('@status')} AND ${RANK('delivery_status')} < 4`,
        )
        .run({ id: externalMessageId, status, error: error ? cleanError(error) : null, now: now() });
      return result.changes > 0;
    },
    async find(id) {
      const row = byId.get(id) as Record<string, unknown> | undefined;
      return row ? toEntry(row) : null;
    },
    async list({ status, conversationId, limit = 100 }) {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit };
      if (status === 'failed') where.push("(status = 'failed' OR delivery_status = 'failed')");
      else if (status) where.push('status = @status') && (params.status = status);
      if (conversationId) where.push('conversation_id = @conversationId') && (params.conversationId = conversationId);
      const sql = `SELECT * FROM channel_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
      return (db.prepare(sql).all(params) as Record<string, unknown>[]).map(toEntry);
    },
    async retry(id, giveUpAt) {
      const changed = db
        .prepare(
          `UPDATE channel_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, give_up_at = ?, failed_at = NULL,
             delivery_status = NULL, external_message_id = NULL
           WHERE id = ? AND (status = 'failed' OR delivery_status = 'failed')`,
        )
        .run(Date.now(), giveUpAt, id).changes;
      const row = byId.get(id) as Record<string, unknown> | undefined;
      return changed && row ? toEntry(row) : null;
    },
    async prune(sentBefore) {
      return db.prepare("DELETE FROM channel_outbox WHERE status = 'sent' AND sent_at < ?").run(sentBefore).changes;
    },
  };
}
