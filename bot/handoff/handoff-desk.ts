import type { Channel, Locale } from '../domain.ts';
import type { TicketStore } from '../storage/handoff-ports.ts';
import type { ConversationStore, StoredMessage } from '../storage/ports.ts';
import type { CitizenOutbound, HandoffStatusEvent } from './citizen-outbound.ts';
import { parseRating, type TicketInfo } from './handoff-replies.ts';
import { STAFF_TOPIC, type LiveHub } from './live-hub.ts';
import { isOpenAt, nextOpening, type OfficeSchedule } from './office-hours.ts';
import type { OfficerPresence } from './officer-presence.ts';
import type { TicketBook } from './ticket-book.ts';
import type { HandoffReason, Ticket } from './ticket.ts';

export interface HandoffDeskDeps {
  book: TicketBook;
  tickets: TicketStore;
  conversations: ConversationStore;
  outbound: CitizenOutbound;
  presence: OfficerPresence;
  hub: LiveHub;
  schedule: OfficeSchedule;
  now: () => Date;
}

export interface TicketLookup {
  ticket: Ticket;
  info: TicketInfo;
  isOwner: boolean;
  lastOfficerReply: string | null;
}

/**
 * The citizen's side of a handoff, used by the conversation runtime inside a turn: open a ticket,
 * relay messages to officers, return to the bot, check a ticket's status, rate the help.
 */
export class HandoffDesk {
  constructor(private readonly deps: HandoffDeskDeps) {}

  async open(input: { conversationId: string; channel: Channel; locale: Locale; reason: HandoffReason; topicId: string | null }) {
    const kind = input.reason === 'complaint' ? 'complaint' : 'assistance';
    const { ticket, created } = await this.deps.book.open({ ...input, kind });
    if (created) this.deps.outbound.publishStatus(ticket.conversationId, { status: ticket.status, ticketNumber: ticket.number });
    return { ticket, info: await this.info(ticket) };
  }

  openTicketOf(conversationId: string): Promise<Ticket | null> {
    return this.deps.tickets.findOpenForConversation(conversationId);
  }

  /** The `handoff` event a widget gets when it (re)connects while a ticket is open. */
  async statusEvent(conversationId: string): Promise<HandoffStatusEvent | null> {
    const ticket = await this.openTicketOf(conversationId);
    if (!ticket) return null;
    const officerName = await this.deps.book.publicOfficerName(ticket.officerId);
    return { status: ticket.status, ticketNumber: ticket.number, ...(officerName ? { officerName } : {}) };
  }

  /** Queue position, whether anyone is at their desk, and when officers are next on duty. */
  async info(ticket: Ticket): Promise<TicketInfo> {
    const now = this.deps.now();
    const next = isOpenAt(this.deps.schedule, now) ? null : nextOpening(this.deps.schedule, now);
    const position = await this.deps.tickets.queuePosition(ticket);
    return {
      number: ticket.number,
      status: ticket.status,
      ...(position === null ? {} : { queuePosition: position }),
      officersOnline: this.deps.presence.onlineCount() > 0,
      ...(next ? { nextOpening: next.toISOString() } : {}),
    };
  }

  /** The citizen wrote while an officer owns the conversation: the officers see it live. */
  async relay(ticket: Ticket, message: StoredMessage): Promise<void> {
    await this.deps.tickets.recordActivity(ticket.id, 'citizen', this.deps.now().toISOString());
    this.deps.hub.publish(STAFF_TOPIC, {
      event: 'message',
      data: { ticketNumber: ticket.number, message: { id: message.id, author: message.author, text: message.text, createdAt: message.createdAt } },
    });
    await this.deps.book.announce('activity', (await this.deps.tickets.findByNumber(ticket.number))!);
  }

  async returnToBot(ticket: Ticket): Promise<Ticket> {
    const closed = await this.deps.book.change(ticket, { type: 'citizen-returned' });
    this.deps.outbound.publishStatus(closed.conversationId, { status: closed.status, ticketNumber: closed.number });
    return closed;
  }

  /**
   * A ticket by number, or the conversation's latest ticket when no number was given. Only the
   * conversation that opened it is its owner; the runtime shows others existence and status only.
   */
  async lookup(number: string | null, conversationId: string): Promise<TicketLookup | null> {
    const ticket = number
      ? await this.deps.tickets.findByNumber(number)
      : await this.deps.tickets.findLatestForConversation(conversationId);
    if (!ticket) return null;
    const isOwner = ticket.conversationId === conversationId;
    return { ticket, info: await this.info(ticket), isOwner, lastOfficerReply: isOwner ? await this.lastOfficerReply(ticket) : null };
  }

  /**
   * After a resolve the bot asked for a 1–5 rating: the next message answers it if it is a rating;
   * anything else means the citizen moved on, and is handled as a normal question.
   */
  async takeRating(conversationId: string, text: string): Promise<{ ticket: Ticket; score: number } | null> {
    const ticket = await this.deps.tickets.findAwaitingRating(conversationId);
    if (!ticket) return null;
    const score = parseRating(text);
    if (score === null) {
      await this.deps.book.change(ticket, { type: 'skip-rating' });
      return null;
    }
    return { ticket: await this.deps.book.change(ticket, { type: 'rate', score }), score };
  }

  private async lastOfficerReply(ticket: Ticket): Promise<string | null> {
    const messages = await this.deps.conversations.listMessages(ticket.conversationId, 300);
    return messages.filter((m) => m.author === 'officer' && m.extra?.ticketNumber === ticket.number).at(-1)?.text ?? null;
  }
}
