import { randomUUID } from 'node:crypto';
import { isOpen, type TicketStatus } from '../../handoff/ticket.ts';
import {
  ERASED_CONVERSATION_PREFIX,
  OpenTicketError,
  type AnonymisedRows,
  type ConversationErasureStore,
  type ErasedRows,
  type ErasureCounts,
} from '../privacy-ports.ts';
import type { Db } from './open-database.ts';

/** What the audit log shows instead of a quoted question once its conversation is erased. */
export const ERASED_TEXT = '[erased]';

/**
 * Every table that holds a conversation's rows, deleted outright, children before parents (the
 * foreign keys are enforced). An unanswered question's review resolution goes with it (ON DELETE CASCADE).
 */
const DELETIONS: [keyof ErasedRows, string][] = [
  ['answerFeedback', 'DELETE FROM answer_feedback WHERE conversation_id = @id OR message_id IN (SELECT id FROM messages WHERE conversation_id = @id)'],
  ['unanswered', 'DELETE FROM unanswered WHERE conversation_id = @id'],
  ['turnReceipts', 'DELETE FROM turn_receipts WHERE conversation_id = @id'],
  ['conversationTokens', 'DELETE FROM conversation_tokens WHERE conversation_id = @id'],
  ['pendingDeliveries', 'DELETE FROM pending_deliveries WHERE conversation_id = @id'],
  ['channelInbox', 'DELETE FROM channel_inbox WHERE conversation_id = @id'],
  ['channelOutbox', 'DELETE FROM channel_outbox WHERE conversation_id = @id'],
  ['channelContacts', 'DELETE FROM channel_contacts WHERE conversation_id = @id'],
  ['botFrameworkReferences', 'DELETE FROM botframework_references WHERE conversation_id = @id'],
  ['messages', 'DELETE FROM messages WHERE conversation_id = @id'],
  ['conversations', 'DELETE FROM conversations WHERE id = @id'],
];

export function sqliteConversationErasure(db: Db): ConversationErasureStore {
  const ticketsOf = db.prepare('SELECT id, number, status FROM tickets WHERE conversation_id = ? ORDER BY id');
  const deletions = DELETIONS.map(([key, sql]) => [key, db.prepare(sql)] as const);
  const unlinkLlmCalls = db.prepare('UPDATE llm_calls SET conversation_id = NULL WHERE conversation_id = ?');
  const anonymiseTickets = ticketAnonymiser(db);
  const redactAudit = auditRedactor(db);

  const eraseAll = db.transaction((id: string): ErasureCounts => {
    const tickets = ticketsOf.all(id) as { id: number; number: string; status: TicketStatus }[];
    const open = tickets.find(isOpen);
    if (open) throw new OpenTicketError(open.number);
    const anonymised: AnonymisedRows = {
      ...anonymiseTickets(id, tickets.map((t) => t.id)),
      llmCalls: unlinkLlmCalls.run(id).changes,
      auditRecords: redactAudit(id),
    };
    const erased = Object.fromEntries(deletions.map(([key, statement]) => [key, statement.run({ id }).changes])) as unknown as ErasedRows;
    return { erased, anonymised };
  });

  return {
    async erase(conversationId) {
      // IMMEDIATE: take the write lock before reading, so a second process (the CLI beside a running
      // server) waits for it instead of failing on a stale snapshot.
      const counts = eraseAll.immediate(conversationId);
      // The write-ahead log still holds the pages as they were; fold it into the (securely
      // overwritten) database file and empty it. Busy readers only postpone this to the next checkpoint.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
  };
}

/**
 * Tickets stay for the service's statistics (channel, locale, topic, times, rating) but lose what
 * ties them to the citizen: they move to a fresh `erased:` conversation (the foreign key needs a
 * row), officers' notes are deleted and the notes of transfers and resolutions removed.
 */
function ticketAnonymiser(db: Db): (conversationId: string, ticketIds: number[]) => Pick<AnonymisedRows, 'tickets' | 'ticketNotes'> {
  const insertStandIn = db.prepare(
    `INSERT INTO conversations (id, channel, locale, mode, pending_choices, consecutive_fallbacks, created_at, updated_at)
     SELECT @standIn, channel, locale, 'bot', '[]', 0, created_at, @now FROM conversations WHERE id = @id`,
  );
  const moveTickets = db.prepare('UPDATE tickets SET conversation_id = @standIn, resolution_note = NULL WHERE conversation_id = @id');
  const inTickets = 'ticket_id IN (SELECT value FROM json_each(@ticketIds))';
  const deleteNotes = db.prepare(`DELETE FROM ticket_events WHERE ${inTickets} AND type = 'note'`);
  const stripNotes = db.prepare(
    `UPDATE ticket_events SET detail = json_remove(detail, '$.note') WHERE ${inTickets} AND json_extract(detail, '$.note') IS NOT NULL`,
  );
  return (id, ticketIds) => {
    if (ticketIds.length === 0) return { tickets: 0, ticketNotes: 0 };
    const standIn = `${ERASED_CONVERSATION_PREFIX}${randomUUID()}`;
    insertStandIn.run({ standIn, id, now: new Date().toISOString() });
    const tickets = moveTickets.run({ standIn, id }).changes;
    const events = { ticketIds: JSON.stringify(ticketIds) };
    return { tickets, ticketNotes: deleteNotes.run(events).changes + stripNotes.run(events).changes };
  };
}

/**
 * The unanswered review audits each action with the questions it acted on, quoted (and, for
 * phrasings added to an entry, quoted again in `after`). Those quotes are the citizen's words:
 * replaced by ERASED_TEXT, keeping who did what and when.
 */
function auditRedactor(db: Db): (conversationId: string) => number {
  const questionIds = db.prepare('SELECT id FROM unanswered WHERE conversation_id = ?').pluck();
  const quoting = db.prepare(
    `SELECT id, before, after FROM audit_log WHERE entity_type = 'unanswered'
       AND EXISTS (SELECT 1 FROM json_each(audit_log.before, '$.ids') WHERE value IN (SELECT value FROM json_each(?)))`,
  );
  const update = db.prepare('UPDATE audit_log SET before = ?, after = ? WHERE id = ?');
  return (conversationId) => {
    const ids = questionIds.all(conversationId) as number[];
    if (ids.length === 0) return 0;
    const erased = new Set(ids);
    const rows = quoting.all(JSON.stringify(ids)) as { id: number; before: string; after: string | null }[];
    for (const row of rows) {
      const before = JSON.parse(row.before) as { ids: number[]; texts: { text: string; locale: string }[] };
      // `texts` lists the questions in the order of `ids` (see UnansweredReview).
      const texts = before.texts.map((t, i) => (erased.has(before.ids[i]) ? { ...t, text: ERASED_TEXT } : t));
      const words = new Set(before.texts.filter((_, i) => erased.has(before.ids[i])).map((t) => t.text.trim().toLowerCase()));
      const after = row.after === null ? null : (JSON.parse(row.after) as { phrasings?: { text: string; locale: string }[] });
      const phrasings = after?.phrasings?.map((p) => (words.has(p.text.trim().toLowerCase()) ? { ...p, text: ERASED_TEXT } : p));
      update.run(JSON.stringify({ ...before, texts }), after === null ? null : JSON.stringify(phrasings ? { ...after, phrasings } : after), row.id);
    }
    return rows.length;
  };
}
