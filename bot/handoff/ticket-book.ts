import type { Logger } from '../logger.ts';
import type { ConversationStore } from '../storage/ports.ts';
import { OpenTicketExistsError, type TicketListItem, type TicketStore } from '../storage/handoff-ports.ts';
import type { StaffStore } from '../storage/staff-ports.ts';
import { STAFF_TOPIC, type LiveHub } from './live-hub.ts';
import { generateTicketNumber } from './ticket-number.ts';
import { transition, type TicketCommand } from './ticket-transitions.ts';
import type { NewTicket, NewTicketEvent, Ticket, TicketEventType } from './ticket.ts';

/** A ticket as officers see it in the queue and the detail view. */
export interface TicketView {
  number: string;
  /**
   * The conversation the ticket belongs to, for the staff channel endpoints (delivery status, the
   * WhatsApp service window, failed deliveries). Staff-only: it can be a WhatsApp phone number.
   */
  conversationId: string;
  status: Ticket['status'];
  kind: Ticket['kind'];
  reason: Ticket['reason'];
  locale: Ticket['locale'];
  channel: Ticket['channel'];
  topicId: string | null;
  officer: { id: string; name: string } | null;
  escalated: boolean;
  endReason: Ticket['endReason'];
  resolutionNote: string | null;
  satisfaction: number | null;
  queuePosition: number | null;
  /** The citizen wrote last: someone owes them an answer. */
  awaitingOfficer: boolean;
  preview?: string | null;
  createdAt: string;
  assignedAt: string | null;
  endedAt: string | null;
  lastCitizenMessageAt: string | null;
  lastOfficerMessageAt: string | null;
  remindedAt: string | null;
}

export interface TicketBookDeps {
  tickets: TicketStore;
  conversations: ConversationStore;
  staff: StaffStore;
  hub: LiveHub;
  now: () => Date;
  citizenSilentMs: number;
  logger: Logger;
}

/** How often to recompute a command after losing a race before giving up (a bug, not contention). */
const MAX_ATTEMPTS = 5;

/**
 * The only way tickets are created and changed: runs the state machine, writes the change over the
 * version it was computed from, and tells every officer's live queue. Loses a race → recomputes on
 * the fresh ticket, which then usually fails with a rule error ("already claimed").
 */
export class TicketBook {
  constructor(private readonly deps: TicketBookDeps) {}

  async open(input: Omit<NewTicket, 'number' | 'createdAt'>): Promise<{ ticket: Ticket; created: boolean }> {
    try {
      const ticket = await this.deps.tickets.create({ ...input, createdAt: this.deps.now().toISOString() }, generateTicketNumber);
      this.deps.logger.info({ ticket: ticket.number, reason: ticket.reason, kind: ticket.kind, channel: ticket.channel }, 'ticket opened');
      await this.announce('created', ticket);
      return { ticket, created: true };
    } catch (err) {
      if (!(err instanceof OpenTicketExistsError)) throw err;
      return { ticket: (await this.deps.tickets.findOpenForConversation(input.conversationId))!, created: false };
    }
  }

  async change(ticket: Ticket, command: TicketCommand): Promise<Ticket> {
    return (await this.record(ticket, command)).ticket;
  }

  /** As `change`, also returning the event that was recorded. */
  async record(ticket: Ticket, command: TicketCommand): Promise<{ ticket: Ticket; event: NewTicketEvent }> {
    let current = ticket;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const [last] = await this.deps.conversations.listMessages(current.conversationId, 1);
      const ctx = { now: this.deps.now(), citizenSilentMs: this.deps.citizenSilentMs, lastMessageId: last?.id ?? null };
      const { next, event } = transition(current, command, ctx);
      if (await this.deps.tickets.apply(next, event, current.version)) {
        this.deps.logger.info({ ticket: next.number, event: event.type, from: event.fromStatus, to: event.toStatus, actor: event.actor }, 'ticket changed');
        await this.announce(event.type, next);
        return { ticket: next, event };
      }
      current = (await this.deps.tickets.findByNumber(current.number))!;
    }
    throw new Error(`Ticket ${ticket.number} kept changing under concurrent updates.`);
  }

  async view(ticket: Ticket | TicketListItem): Promise<TicketView> {
    const officer = ticket.officerId ? await this.deps.staff.findById(ticket.officerId) : null;
    const citizenAt = ticket.lastCitizenMessageAt ? Date.parse(ticket.lastCitizenMessageAt) : 0;
    const officerAt = ticket.lastOfficerMessageAt ? Date.parse(ticket.lastOfficerMessageAt) : 0;
    return {
      number: ticket.number,
      conversationId: ticket.conversationId,
      status: ticket.status,
      kind: ticket.kind,
      reason: ticket.reason,
      locale: ticket.locale,
      channel: ticket.channel,
      topicId: ticket.topicId,
      officer: officer ? { id: officer.id, name: officer.name } : null,
      escalated: ticket.escalated,
      endReason: ticket.endReason,
      resolutionNote: ticket.resolutionNote,
      satisfaction: ticket.satisfaction,
      queuePosition: await this.deps.tickets.queuePosition(ticket),
      awaitingOfficer: (ticket.status === 'waiting' || ticket.status === 'assigned') && citizenAt > officerAt,
      ...('preview' in ticket ? { preview: ticket.preview } : {}),
      createdAt: ticket.createdAt,
      assignedAt: ticket.assignedAt,
      endedAt: ticket.endedAt,
      lastCitizenMessageAt: ticket.lastCitizenMessageAt,
      lastOfficerMessageAt: ticket.lastOfficerMessageAt,
      remindedAt: ticket.remindedAt,
    };
  }

  /** The name a citizen may see: staff display names, never a login e-mail. */
  async publicOfficerName(officerId: string | null): Promise<string | null> {
    const officer = officerId ? await this.deps.staff.findById(officerId) : null;
    const name = officer?.name.trim();
    return name && !name.includes('@') ? name : null;
  }

  /** Pushes a queue change to every connected officer. */
  async announce(change: TicketEventType | 'activity', ticket: Ticket): Promise<void> {
    this.deps.hub.publish(STAFF_TOPIC, { event: 'ticket', data: { change, ticket: await this.view(ticket) } });
  }
}
