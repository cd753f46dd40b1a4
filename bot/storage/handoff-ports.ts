import type { Channel } from '../domain.ts';
import type { NewTicket, NewTicketEvent, Ticket, TicketEvent, TicketStatus } from '../handoff/ticket.ts';

/** Handoff tickets and their event log. Every state change goes through `apply`. */
export interface TicketStore {
  /**
   * Inserts a ticket under a fresh number from `nextNumber` (drawing again on the rare collision)
   * and records its `created` event. Throws OpenTicketExistsError when the conversation already
   * has an open ticket: one conversation, one person at a time.
   */
  create(ticket: Omit<NewTicket, 'number'>, nextNumber: () => string): Promise<Ticket>;
  findByNumber(number: string): Promise<Ticket | null>;
  findOpenForConversation(conversationId: string): Promise<Ticket | null>;
  findLatestForConversation(conversationId: string): Promise<Ticket | null>;
  findAwaitingRating(conversationId: string): Promise<Ticket | null>;
  list(filter: TicketFilter): Promise<TicketListItem[]>;
  /** 1 for the oldest waiting ticket; null when the ticket is not waiting. */
  queuePosition(ticket: Ticket): Promise<number | null>;
  counts(): Promise<QueueCounts>;
  /**
   * Writes `next` only if the stored ticket is still at `expectedVersion` (a conditional UPDATE), and
   * records the event in the same transaction. False when another change got there first: of two
   * officers claiming at once, exactly one write succeeds.
   */
  apply(next: Ticket, event: NewTicketEvent, expectedVersion: number): Promise<boolean>;
  /** Notes who spoke last and when; the timers read these. Not a state change. */
  recordActivity(ticketId: number, who: 'citizen' | 'officer', at: string): Promise<void>;
  events(ticketId: number): Promise<TicketEvent[]>;
}

export interface TicketFilter {
  status?: TicketStatus | 'open';
  officerId?: string;
  escalated?: boolean;
  limit?: number;
}

/** A ticket as the queue shows it: with the citizen's latest words (already masked). */
export interface TicketListItem extends Ticket {
  preview: string | null;
}

export interface QueueCounts {
  waiting: number;
  assigned: number;
  escalated: number;
}

export class OpenTicketExistsError extends Error {}

/**
 * Messages for the citizen that a channel could not take yet (no sender registered, or the sender
 * failed). Kept until delivered, so an officer's reply survives a channel outage and a restart.
 */
export interface PendingDelivery {
  id: number;
  conversationId: string;
  channel: Channel;
  /** The transcript message this delivers (its id doubles as an idempotency key). */
  messageId: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface PendingDeliveryStore {
  add(delivery: Pick<PendingDelivery, 'conversationId' | 'channel' | 'messageId' | 'payload'>): Promise<PendingDelivery>;
  list(limit?: number): Promise<PendingDelivery[]>;
  remove(id: number): Promise<void>;
  recordFailure(id: number, error: string): Promise<void>;
}
