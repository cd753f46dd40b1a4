import type { Channel, Locale } from '../domain.ts';

/**
 * The handoff ticket: one request for a person, with a closed set of states and end reasons.
 * waiting → assigned → resolved | closed; a waiting ticket can also be closed by the citizen.
 */
export const TICKET_STATUSES = ['waiting', 'assigned', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Why a ticket ended. `resolved` → status resolved; the others → status closed. */
export const END_REASONS = ['resolved', 'citizen-returned', 'citizen-silent'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** What started the handoff. */
export const HANDOFF_REASONS = ['requested', 'complaint', 'repeated-fallback'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** Complaints are filed as complaint tickets (as SP4N-LAPOR! does); everything else asks for help. */
export type TicketKind = 'complaint' | 'assistance';

export const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'assigned'];

export interface Ticket {
  id: number;
  /** What the citizen quotes: `LYN-` and five unambiguous characters. */
  number: string;
  conversationId: string;
  channel: Channel;
  locale: Locale;
  kind: TicketKind;
  reason: HandoffReason;
  /** The knowledge-base topic the conversation was about, if any. */
  topicId: string | null;
  status: TicketStatus;
  officerId: string | null;
  /** Waited unclaimed longer than the configured time: shown to every officer. */
  escalated: boolean;
  endReason: EndReason | null;
  resolutionNote: string | null;
  /** 1–5 from the citizen after a resolve. */
  satisfaction: number | null;
  /** The bot asked for a rating and the citizen has not answered yet. */
  awaitingRating: boolean;
  createdAt: string;
  assignedAt: string | null;
  endedAt: string | null;
  /** Last message id of the conversation when the ticket ended: where its transcript stops. */
  endMessageId: number | null;
  lastCitizenMessageAt: string | null;
  lastOfficerMessageAt: string | null;
  remindedAt: string | null;
  /** Bumped by every transition; stores apply a transition only over the version it was computed from. */
  version: number;
}

export type NewTicket = Pick<Ticket, 'number' | 'conversationId' | 'channel' | 'locale' | 'kind' | 'reason' | 'topicId' | 'createdAt'>;

export const isOpen = (ticket: Pick<Ticket, 'status'>) => OPEN_STATUSES.includes(ticket.status);

/** Who caused a change: an officer (by staff id), the citizen, or the system (timers). */
export type Actor = { type: 'officer'; id: string; isAdmin: boolean } | { type: 'citizen' } | { type: 'system' };

export const EVENT_TYPES = [
  'created',
  'claimed',
  'transferred',
  'resolved',
  'closed',
  'citizen-returned',
  'escalated',
  'reminded',
  'note',
  'rated',
  'rating-skipped',
] as const;
export type TicketEventType = (typeof EVENT_TYPES)[number];

export interface TicketEvent {
  id: number;
  ticketId: number;
  type: TicketEventType;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  /** Staff id, "citizen" or "system". */
  actor: string;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export type NewTicketEvent = Omit<TicketEvent, 'id' | 'ticketId'>;

export const actorName = (actor: Actor) => (actor.type === 'officer' ? actor.id : actor.type);
