import type { Translate } from '../i18n.ts';
import type { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { PendingDeliveryStore, TicketStore } from '../storage/handoff-ports.ts';
import type { ConversationStore, StoredMessage } from '../storage/ports.ts';
import type { StaffStore, StaffUser } from '../storage/staff-ports.ts';
import type { CitizenOutbound } from './citizen-outbound.ts';
import { officerLabel, ratingButtons } from './handoff-replies.ts';
import { STAFF_TOPIC, type LiveHub } from './live-hub.ts';
import { isOpenAt, nextOpening, type OfficeSchedule } from './office-hours.ts';
import type { OfficerPresence } from './officer-presence.ts';
import type { TicketBook, TicketView } from './ticket-book.ts';
import { requireOwner, transition, type OfficerActor } from './ticket-transitions.ts';
import type { Ticket, TicketEvent, TicketStatus } from './ticket.ts';

export interface OfficerServiceDeps {
  book: TicketBook;
  tickets: TicketStore;
  conversations: ConversationStore;
  pending: PendingDeliveryStore;
  staff: StaffStore;
  outbound: CitizenOutbound;
  presence: OfficerPresence;
  hub: LiveHub;
  schedule: OfficeSchedule;
  translate: Translate;
  lock: KeyedSerializer;
  now: () => Date;
  citizenSilentMs: number;
}

export class TicketNotFoundError extends Error {}
/** The request names something that cannot take part (an unknown or disabled officer). */
export class OfficerInputError extends Error {}

export interface TranscriptEntry {
  id: number;
  author: StoredMessage['author'];
  text: string;
  createdAt: string;
  officerName?: string;
  /** Not yet taken by the citizen's channel (no sender, or the channel is down); retried by the sweep. */
  pending?: true;
}

export const actorOf = (user: StaffUser): OfficerActor => ({ type: 'officer', id: user.id, isAdmin: user.role === 'admin' });

/**
 * The officer's side of a handoff: the queue, a ticket's transcript, claim, reply, notes, transfer,
 * resolve and close. Whatever changes the conversation's mode runs under the same per-conversation
 * lock as the citizen's turns, so a resolve never interleaves with a message being relayed.
 */
export class OfficerService {
  constructor(private readonly deps: OfficerServiceDeps) {}

  async queue(filter: { status?: TicketStatus | 'open'; mine?: boolean; escalated?: boolean }, me: StaffUser) {
    const items = await this.deps.tickets.list({ status: filter.status ?? 'open', officerId: filter.mine ? me.id : undefined, escalated: filter.escalated });
    const now = this.deps.now();
    const open = isOpenAt(this.deps.schedule, now);
    return {
      tickets: await Promise.all(items.map((t) => this.deps.book.view(t))),
      counts: await this.deps.tickets.counts(),
      office: { open, nextOpening: open ? null : (nextOpening(this.deps.schedule, now)?.toISOString() ?? null), officersOnline: this.deps.presence.onlineCount() },
    };
  }

  async detail(number: string) {
    const ticket = await this.find(number);
    const events = await this.deps.tickets.events(ticket.id);
    const names = await this.staffNames();
    return {
      ticket: await this.deps.book.view(ticket),
      transcript: await this.transcript(ticket),
      notes: events.filter((e) => e.type === 'note').map((e) => toNote(e, names)),
      events: events.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null })),
    };
  }

  async claim(number: string, me: StaffUser): Promise<TicketView> {
    const claimed = await this.deps.book.change(await this.find(number), { type: 'claim', actor: actorOf(me) });
    await this.tellCitizen(claimed, 'handoff.claimed', me.id);
    return this.deps.book.view(claimed);
  }

  /** Only the officer holding the ticket may write; the reply is stored, then delivered to the citizen's channel. */
  async reply(number: string, me: StaffUser, text: string) {
    const ticket = await this.find(number);
    requireOwner(ticket, actorOf(me));
    const officerName = await this.deps.book.publicOfficerName(me.id);
    const { message, delivered } = await this.deps.outbound.send(ticket, 'officer', { text }, { ticketNumber: ticket.number, officerName });
    await this.deps.tickets.recordActivity(ticket.id, 'officer', this.deps.now().toISOString());
    const entry = toEntry(message, officerName ?? undefined);
    this.deps.hub.publish(STAFF_TOPIC, { event: 'message', data: { ticketNumber: ticket.number, message: entry } });
    await this.deps.book.announce('activity', (await this.deps.tickets.findByNumber(number))!);
    return { message: entry, delivered };
  }

  async note(number: string, me: StaffUser, text: string) {
    const { event } = await this.deps.book.record(await this.find(number), { type: 'note', actor: actorOf(me), text });
    return { officerId: me.id, officerName: me.name, text, createdAt: event.createdAt };
  }

  async transfer(number: string, me: StaffUser, toOfficerId: string, note?: string): Promise<TicketView> {
    const target = await this.deps.staff.findById(toOfficerId);
    if (!target || target.disabled || (target.role !== 'officer' && target.role !== 'admin')) {
      throw new OfficerInputError('Transfer to an active officer: no such officer account.');
    }
    const moved = await this.deps.book.change(await this.find(number), { type: 'transfer', actor: actorOf(me), toOfficerId, note });
    await this.tellCitizen(moved, 'handoff.transferred', toOfficerId);
    return this.deps.book.view(moved);
  }

  /** Ends the ticket as resolved; the bot takes the conversation back and asks for a 1–5 rating. */
  async resolve(number: string, me: StaffUser, note: string): Promise<TicketView> {
    const ticket = await this.find(number);
    return this.deps.lock.run(ticket.conversationId, async () => {
      const resolved = await this.deps.book.change(await this.find(number), { type: 'resolve', actor: actorOf(me), note });
      await this.backToBot(resolved);
      const locale = await this.localeOf(resolved);
      const officer = officerLabel(await this.deps.book.publicOfficerName(resolved.officerId), locale, this.deps.translate);
      const text = `${this.deps.translate(locale, 'handoff.resolved', { officer, number: resolved.number })}\n\n${this.deps.translate(locale, 'rating.ask')}`;
      await this.deps.outbound.send(resolved, 'bot', { text, suggestions: ratingButtons() }, { ticketNumber: resolved.number });
      return this.deps.book.view(resolved);
    });
  }

  /** The citizen went quiet after the officer's last message: say goodbye, close, and hand back to the bot. */
  async close(number: string, me: StaffUser, message: string): Promise<TicketView> {
    const ticket = await this.find(number);
    return this.deps.lock.run(ticket.conversationId, async () => {
      const current = await this.find(number);
      const command = { type: 'close-silent', actor: actorOf(me) } as const;
      // Check the rules before the goodbye goes out, so a refused close sends nothing.
      transition(current, command, { now: this.deps.now(), citizenSilentMs: this.deps.citizenSilentMs, lastMessageId: null });
      const officerName = await this.deps.book.publicOfficerName(me.id);
      await this.deps.outbound.send(current, 'officer', { text: message }, { ticketNumber: current.number, officerName });
      const closed = await this.deps.book.change(current, command);
      await this.backToBot(closed);
      const locale = await this.localeOf(closed);
      await this.deps.outbound.send(closed, 'bot', { text: this.deps.translate(locale, 'handoff.closedSilent', { number: closed.number }) }, { ticketNumber: closed.number });
      return this.deps.book.view(closed);
    });
  }

  async officers() {
    const staff = await this.deps.staff.list();
    return staff
      .filter((s) => !s.disabled && (s.role === 'officer' || s.role === 'admin'))
      .map((s) => ({ id: s.id, name: s.name, role: s.role, online: this.deps.presence.isOnline(s.id) }));
  }

  private async find(number: string): Promise<Ticket> {
    const ticket = await this.deps.tickets.findByNumber(number);
    if (!ticket) throw new TicketNotFoundError(`No ticket ${number.toUpperCase()}.`);
    return ticket;
  }

  private async transcript(ticket: Ticket): Promise<TranscriptEntry[]> {
    const messages = await this.deps.conversations.listMessages(ticket.conversationId, 500);
    const pending = new Set((await this.deps.pending.list(1000)).filter((p) => p.conversationId === ticket.conversationId).map((p) => p.messageId));
    return messages
      .filter((m) => ticket.endMessageId === null || m.id <= ticket.endMessageId)
      .map((m) => ({
        ...toEntry(m, typeof m.extra?.officerName === 'string' ? m.extra.officerName : undefined),
        ...(pending.has(m.id) ? { pending: true as const } : {}),
      }));
  }

  private async backToBot(ticket: Ticket): Promise<void> {
    const state = await this.deps.conversations.find(ticket.conversationId);
    if (state) await this.deps.conversations.save({ ...state, mode: 'bot', pendingChoices: [], consecutiveFallbacks: 0 });
    this.deps.outbound.publishStatus(ticket.conversationId, { status: ticket.status, ticketNumber: ticket.number });
  }

  /** "Officer Budi is now handling your ticket": the citizen learns that someone will answer. */
  private async tellCitizen(ticket: Ticket, key: string, officerId: string): Promise<void> {
    const name = await this.deps.book.publicOfficerName(officerId);
    this.deps.outbound.publishStatus(ticket.conversationId, { status: ticket.status, ticketNumber: ticket.number, ...(name ? { officerName: name } : {}) });
    const locale = await this.localeOf(ticket);
    const officer = officerLabel(name, locale, this.deps.translate);
    await this.deps.outbound.send(ticket, 'system', { text: this.deps.translate(locale, key, { officer, number: ticket.number }) }, { ticketNumber: ticket.number });
  }

  /** The conversation's current language (the citizen may have switched since the ticket opened). */
  private async localeOf(ticket: Ticket) {
    return (await this.deps.conversations.find(ticket.conversationId))?.locale ?? ticket.locale;
  }

  private async staffNames(): Promise<Map<string, string>> {
    return new Map((await this.deps.staff.list()).map((s) => [s.id, s.name]));
  }
}

function toEntry(m: StoredMessage, officerName?: string): TranscriptEntry {
  return { id: m.id, author: m.author, text: m.text, createdAt: m.createdAt, ...(officerName ? { officerName } : {}) };
}

function toNote(e: TicketEvent, names: Map<string, string>) {
  return { id: e.id, officerId: e.actor, officerName: names.get(e.actor) ?? null, text: String(e.detail?.text ?? ''), createdAt: e.createdAt };
}
