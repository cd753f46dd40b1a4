import type { NewTicket, NewTicketEvent, Ticket, TicketEvent } from '../../handoff/ticket.ts';
import { OpenTicketExistsError, type PendingDeliveryStore, type TicketFilter, type TicketListItem, type TicketStore } from '../handoff-ports.ts';
import type { Db } from './open-database.ts';

type Row = Record<string, unknown>;

const toTicket = (row: Row): Ticket => ({
  id: row.id as number,
  number: row.number as string,
  conversationId: row.conversation_id as string,
  channel: row.channel as Ticket['channel'],
  locale: row.locale as Ticket['locale'],
  kind: row.kind as Ticket['kind'],
  reason: row.reason as Ticket['reason'],
  topicId: (row.topic_id as string | null) ?? null,
  status: row.status as Ticket['status'],
  officerId: (row.officer_id as string | null) ?? null,
  escalated: row.escalated === 1,
  endReason: (row.end_reason as Ticket['endReason']) ?? null,
  resolutionNote: (row.resolution_note as string | null) ?? null,
  satisfaction: (row.satisfaction as number | null) ?? null,
  awaitingRating: row.awaiting_rating === 1,
  createdAt: row.created_at as string,
  assignedAt: (row.assigned_at as string | null) ?? null,
  endedAt: (row.ended_at as string | null) ?? null,
  endMessageId: (row.end_message_id as number | null) ?? null,
  lastCitizenMessageAt: (row.last_citizen_message_at as string | null) ?? null,
  lastOfficerMessageAt: (row.last_officer_message_at as string | null) ?? null,
  remindedAt: (row.reminded_at as string | null) ?? null,
  version: row.version as number,
});

const toEvent = (row: Row): TicketEvent => ({
  id: row.id as number,
  ticketId: row.ticket_id as number,
  type: row.type as TicketEvent['type'],
  fromStatus: (row.from_status as TicketEvent['fromStatus']) ?? null,
  toStatus: row.to_status as TicketEvent['toStatus'],
  actor: row.actor as string,
  detail: row.detail ? JSON.parse(row.detail as string) : null,
  createdAt: row.created_at as string,
});

const isUniqueViolation = (err: unknown, column: string) =>
  err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message.includes(column);

const MAX_NUMBER_DRAWS = 8;

export function sqliteTicketStore(db: Db): TicketStore {
  const oneTicket = (sql: string, value: string): Ticket | null => {
    const row = db.prepare(sql).get(value) as Row | undefined;
    return row ? toTicket(row) : null;
  };
  const insertEvent = db.prepare(
    `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor, detail, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recordEvent = (ticketId: number, e: NewTicketEvent) =>
    insertEvent.run(ticketId, e.type, e.fromStatus, e.toStatus, e.actor, e.detail ? JSON.stringify(e.detail) : null, e.createdAt);
  const insertTicket = db.prepare(
    `INSERT INTO tickets (number, conversation_id, channel, locale, kind, reason, topic_id, status, created_at)
     VALUES (@number, @conversationId, @channel, @locale, @kind, @reason, @topicId, 'waiting', @createdAt) RETURNING *`,
  );
  const createOnce = db.transaction((input: NewTicket) => {
    const ticket = toTicket(insertTicket.get(input) as Row);
    recordEvent(ticket.id, { type: 'created', fromStatus: null, toStatus: 'waiting', actor: 'citizen', detail: { reason: ticket.reason }, createdAt: ticket.createdAt });
    return ticket;
  });
  const update = db.prepare(
    `UPDATE tickets SET status = @status, officer_id = @officerId, escalated = @escalated, end_reason = @endReason,
       resolution_note = @resolutionNote, satisfaction = @satisfaction, awaiting_rating = @awaitingRating,
       assigned_at = @assignedAt, ended_at = @endedAt, end_message_id = @endMessageId, reminded_at = @remindedAt,
       version = version + 1
     WHERE id = @id AND version = @expectedVersion`,
  );
  const applyTx = db.transaction((next: Ticket, event: NewTicketEvent, expectedVersion: number) => {
    const result = update.run({ ...next, escalated: next.escalated ? 1 : 0, awaitingRating: next.awaitingRating ? 1 : 0, expectedVersion });
    if (result.changes !== 1) return false;
    recordEvent(next.id, event);
    return true;
  });

  return {
    async create(input, nextNumber) {
      for (let draw = 0; draw < MAX_NUMBER_DRAWS; draw += 1) {
        try {
          return createOnce({ ...input, number: nextNumber() });
        } catch (err) {
          if (isUniqueViolation(err, 'tickets.conversation_id')) throw new OpenTicketExistsError(`Conversation ${input.conversationId} already has an open ticket.`);
          if (!isUniqueViolation(err, 'tickets.number')) throw err;
        }
      }
      throw new Error('Could not draw an unused ticket number; the number space is nearly full.');
    },
    async findByNumber(number) {
      return oneTicket('SELECT * FROM tickets WHERE number = ?', number.toUpperCase());
    },
    async findOpenForConversation(conversationId) {
      return oneTicket("SELECT * FROM tickets WHERE conversation_id = ? AND status IN ('waiting', 'assigned')", conversationId);
    },
    async findLatestForConversation(conversationId) {
      return oneTicket('SELECT * FROM tickets WHERE conversation_id = ? ORDER BY id DESC LIMIT 1', conversationId);
    },
    async findAwaitingRating(conversationId) {
      return oneTicket('SELECT * FROM tickets WHERE conversation_id = ? AND awaiting_rating = 1 ORDER BY id DESC LIMIT 1', conversationId);
    },
    async list(filter: TicketFilter) {
      return listTickets(db, filter);
    },
    async queuePosition(ticket) {
      if (ticket.status !== 'waiting') return null;
      return (db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND id <= ?").get(ticket.id) as { n: number }).n;
    },
    async counts() {
      const row = db
        .prepare(
          `SELECT COALESCE(SUM(status = 'waiting'), 0) AS waiting, COALESCE(SUM(status = 'assigned'), 0) AS assigned,
             COALESCE(SUM(status = 'waiting' AND escalated = 1), 0) AS escalated
           FROM tickets WHERE status IN ('waiting', 'assigned')`,
        )
        .get() as { waiting: number; assigned: number; escalated: number };
      return { waiting: row.waiting, assigned: row.assigned, escalated: row.escalated };
    },
    async apply(next, event, expectedVersion) {
      return applyTx(next, event, expectedVersion);
    },
    async recordActivity(ticketId, who, at) {
      const column = who === 'citizen' ? 'last_citizen_message_at' : 'last_officer_message_at';
      db.prepare(`UPDATE tickets SET ${column} = ? WHERE id = ?`).run(at, ticketId);
    },
    async events(ticketId) {
      return (db.prepare('SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as Row[]).map(toEvent);
    },
  };
}

/** The queue: open tickets first (escalated, then oldest first), ended tickets newest first. */
function listTickets(db: Db, filter: TicketFilter): TicketListItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status === 'open') where.push("t.status IN ('waiting', 'assigned')");
  else if (filter.status) where.push('t.status = ?') && params.push(filter.status);
  if (filter.officerId) where.push('t.officer_id = ?') && params.push(filter.officerId);
  if (filter.escalated !== undefined) where.push('t.escalated = ?') && params.push(filter.escalated ? 1 : 0);
  const sql = `
    SELECT t.*, (SELECT m.text FROM messages m WHERE m.conversation_id = t.conversation_id AND m.author = 'citizen'
                 ORDER BY m.id DESC LIMIT 1) AS preview
    FROM tickets t ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY CASE t.status WHEN 'waiting' THEN 0 WHEN 'assigned' THEN 1 ELSE 2 END, t.escalated DESC,
             CASE WHEN t.status IN ('waiting', 'assigned') THEN t.id ELSE -t.id END
    LIMIT ?`;
  const rows = db.prepare(sql).all(...params, filter.limit ?? 200) as Row[];
  return rows.map((row) => ({ ...toTicket(row), preview: (row.preview as string | null) ?? null }));
}

export function sqlitePendingDeliveryStore(db: Db): PendingDeliveryStore {
  const toDelivery = (row: Row) => ({
    id: row.id as number,
    conversationId: row.conversation_id as string,
    channel: row.channel as Ticket['channel'],
    messageId: (row.message_id as number | null) ?? null,
    payload: JSON.parse(row.payload as string) as Record<string, unknown>,
    attempts: row.attempts as number,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: row.created_at as string,
  });
  return {
    async add(d) {
      const row = db
        .prepare('INSERT INTO pending_deliveries (conversation_id, channel, message_id, payload, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *')
        .get(d.conversationId, d.channel, d.messageId, JSON.stringify(d.payload), new Date().toISOString()) as Row;
      return toDelivery(row);
    },
    async list(limit = 100) {
      return (db.prepare('SELECT * FROM pending_deliveries ORDER BY id LIMIT ?').all(limit) as Row[]).map(toDelivery);
    },
    async remove(id) {
      db.prepare('DELETE FROM pending_deliveries WHERE id = ?').run(id);
    },
    async recordFailure(id, error) {
      db.prepare('UPDATE pending_deliveries SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error.slice(0, 500), id);
    },
  };
}
