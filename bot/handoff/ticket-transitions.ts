import { actorName, isOpen, type Actor, type NewTicketEvent, type Ticket, type TicketEventType } from './ticket.ts';

export type OfficerActor = Extract<Actor, { type: 'officer' }>;

/** Every change a ticket can undergo. The closed set: nothing else may touch a ticket's state. */
export type TicketCommand =
  | { type: 'claim'; actor: OfficerActor }
  | { type: 'transfer'; actor: OfficerActor; toOfficerId: string; note?: string }
  | { type: 'resolve'; actor: OfficerActor; note: string }
  | { type: 'close-silent'; actor: OfficerActor }
  | { type: 'citizen-returned' }
  | { type: 'escalate' }
  | { type: 'remind' }
  | { type: 'note'; actor: OfficerActor; text: string }
  | { type: 'rate'; score: number }
  | { type: 'skip-rating' };

export interface TransitionContext {
  now: Date;
  /** How long the citizen must have been silent after the officer's last message before a silent close. */
  citizenSilentMs: number;
  /** The conversation's last message id, recorded when a ticket ends so its transcript stops there. */
  lastMessageId: number | null;
}

export type TicketRuleCode =
  | 'already_claimed'
  | 'ticket_ended'
  | 'not_assigned'
  | 'not_owner'
  | 'same_officer'
  | 'citizen_not_silent'
  | 'not_awaiting_rating'
  | 'already_escalated'
  | 'invalid_rating';

/** A command that the ticket's current state does not allow; the message tells the officer why. */
export class TicketRuleError extends Error {
  constructor(
    readonly code: TicketRuleCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Transition {
  next: Ticket;
  event: NewTicketEvent;
}

const fail = (code: TicketRuleCode, message: string): never => {
  throw new TicketRuleError(code, message);
};

/**
 * The one place a ticket changes. Pure: validates the command against the ticket's state and
 * returns the next ticket plus the event that records the change. Throws TicketRuleError otherwise.
 */
export function transition(ticket: Ticket, command: TicketCommand, ctx: TransitionContext): Transition {
  const at = ctx.now.toISOString();
  const change = (type: TicketEventType, actor: Actor, next: Partial<Ticket>, detail: Record<string, unknown> | null = null): Transition => {
    const updated = { ...ticket, ...next, version: ticket.version + 1 };
    return { next: updated, event: { type, fromStatus: ticket.status, toStatus: updated.status, actor: actorName(actor), detail, createdAt: at } };
  };
  const end = (ctx.lastMessageId === null ? {} : { endMessageId: ctx.lastMessageId }) as Partial<Ticket>;

  switch (command.type) {
    case 'claim':
      if (ticket.status === 'assigned') fail('already_claimed', `Ticket ${ticket.number} was already claimed by another officer.`);
      requireOpen(ticket);
      return change('claimed', command.actor, { status: 'assigned', officerId: command.actor.id, assignedAt: at });
    case 'transfer':
      requireOwnerOrAdmin(ticket, command.actor);
      if (command.toOfficerId === ticket.officerId) fail('same_officer', 'The ticket is already with that officer.');
      return change('transferred', command.actor, { officerId: command.toOfficerId, assignedAt: at, remindedAt: null }, {
        from: ticket.officerId,
        to: command.toOfficerId,
        ...(command.note ? { note: command.note } : {}),
      });
    case 'resolve':
      requireOwnerOrAdmin(ticket, command.actor);
      return change('resolved', command.actor, { status: 'resolved', endReason: 'resolved', resolutionNote: command.note, awaitingRating: true, endedAt: at, ...end }, { note: command.note });
    case 'close-silent':
      requireOwner(ticket, command.actor);
      requireCitizenSilent(ticket, ctx);
      return change('closed', command.actor, { status: 'closed', endReason: 'citizen-silent', endedAt: at, ...end });
    case 'citizen-returned':
      requireOpen(ticket);
      return change('citizen-returned', { type: 'citizen' }, { status: 'closed', endReason: 'citizen-returned', endedAt: at, ...end });
    case 'escalate':
      if (ticket.status !== 'waiting') fail('not_assigned', `Ticket ${ticket.number} is no longer waiting.`);
      if (ticket.escalated) fail('already_escalated', `Ticket ${ticket.number} is already escalated.`);
      return change('escalated', { type: 'system' }, { escalated: true });
    case 'remind':
      if (ticket.status !== 'assigned') fail('not_assigned', `Ticket ${ticket.number} is not assigned.`);
      return change('reminded', { type: 'system' }, { remindedAt: at }, { officerId: ticket.officerId });
    case 'note':
      return change('note', command.actor, {}, { text: command.text });
    case 'rate':
      if (!ticket.awaitingRating) fail('not_awaiting_rating', `Ticket ${ticket.number} is not waiting for a rating.`);
      if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) fail('invalid_rating', 'A rating is a whole number from 1 to 5.');
      return change('rated', { type: 'citizen' }, { satisfaction: command.score, awaitingRating: false }, { score: command.score });
    case 'skip-rating':
      if (!ticket.awaitingRating) fail('not_awaiting_rating', `Ticket ${ticket.number} is not waiting for a rating.`);
      return change('rating-skipped', { type: 'citizen' }, { awaitingRating: false });
  }
}

/** Only the officer who holds the ticket writes to the citizen: two officers never answer one person. */
export function requireOwner(ticket: Ticket, actor: OfficerActor): void {
  if (!isOpen(ticket)) fail('ticket_ended', `Ticket ${ticket.number} has ended (${ticket.status}).`);
  if (ticket.status !== 'assigned') fail('not_assigned', `Claim ticket ${ticket.number} before acting on it.`);
  if (ticket.officerId !== actor.id) fail('not_owner', `Ticket ${ticket.number} is handled by another officer.`);
}

/** Transfers and resolves are also open to admins, who supervise the queue. */
function requireOwnerOrAdmin(ticket: Ticket, actor: OfficerActor): void {
  if (actor.isAdmin && ticket.status === 'assigned') return;
  requireOwner(ticket, actor);
}

function requireOpen(ticket: Ticket): void {
  if (!isOpen(ticket)) fail('ticket_ended', `Ticket ${ticket.number} has ended (${ticket.status}).`);
}

function requireCitizenSilent(ticket: Ticket, ctx: TransitionContext): void {
  const officerAt = ticket.lastOfficerMessageAt ? Date.parse(ticket.lastOfficerMessageAt) : null;
  const citizenAt = ticket.lastCitizenMessageAt ? Date.parse(ticket.lastCitizenMessageAt) : null;
  if (officerAt === null || (citizenAt !== null && citizenAt > officerAt)) {
    fail('citizen_not_silent', 'The citizen is waiting for your answer: reply or resolve the ticket instead.');
  }
  const minutes = Math.ceil(ctx.citizenSilentMs / 60_000);
  if (ctx.now.getTime() - officerAt! < ctx.citizenSilentMs) {
    fail('citizen_not_silent', `Wait until the citizen has been silent for ${minutes} minutes after your last message.`);
  }
}
