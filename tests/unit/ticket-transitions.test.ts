import { describe, expect, it } from 'vitest';
import { transition, TicketRuleError, type OfficerActor, type TicketCommand } from '../../bot/handoff/ticket-transitions.ts';
import type { Ticket } from '../../bot/handoff/ticket.ts';

const NOW = new Date('2026-05-12T03:00:00Z');
const ctx = { now: NOW, citizenSilentMs: 10 * 60_000, lastMessageId: 42 };
const budi: OfficerActor = { type: 'officer', id: 'budi', isAdmin: false };
const sari: OfficerActor = { type: 'officer', id: 'sari', isAdmin: false };
const admin: OfficerActor = { type: 'officer', id: 'admin', isAdmin: true };

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    number: 'LYN-7K2Q9',
    conversationId: 'c1',
    channel: 'web',
    locale: 'id',
    kind: 'assistance',
    reason: 'requested',
    topicId: null,
    status: 'waiting',
    officerId: null,
    escalated: false,
    endReason: null,
    resolutionNote: null,
    satisfaction: null,
    awaitingRating: false,
    createdAt: '2026-05-12T02:00:00.000Z',
    assignedAt: null,
    endedAt: null,
    endMessageId: null,
    lastCitizenMessageAt: null,
    lastOfficerMessageAt: null,
    remindedAt: null,
    version: 1,
    ...overrides,
  };
}
const assigned = (overrides: Partial<Ticket> = {}) => ticket({ status: 'assigned', officerId: 'budi', assignedAt: '2026-05-12T02:10:00.000Z', ...overrides });

function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof TicketRuleError) return err.code;
    throw err;
  }
  return 'allowed';
}

describe('allowed transitions', () => {
  it.each<[string, Ticket, TicketCommand, Partial<Ticket>]>([
    ['claim: waiting → assigned to the claimant', ticket(), { type: 'claim', actor: budi }, { status: 'assigned', officerId: 'budi', assignedAt: NOW.toISOString() }],
    ['transfer keeps it assigned, to the new officer', assigned(), { type: 'transfer', actor: budi, toOfficerId: 'sari' }, { status: 'assigned', officerId: 'sari' }],
    ['an admin may transfer someone else’s ticket', assigned(), { type: 'transfer', actor: admin, toOfficerId: 'sari' }, { officerId: 'sari' }],
    ['resolve ends it and waits for a rating', assigned(), { type: 'resolve', actor: budi, note: 'ok' }, { status: 'resolved', endReason: 'resolved', awaitingRating: true, endMessageId: 42 }],
    ['the citizen returns from a waiting ticket', ticket(), { type: 'citizen-returned' }, { status: 'closed', endReason: 'citizen-returned' }],
    ['the citizen returns from an assigned ticket', assigned(), { type: 'citizen-returned' }, { status: 'closed', endReason: 'citizen-returned' }],
    ['escalate flags a waiting ticket', ticket(), { type: 'escalate' }, { status: 'waiting', escalated: true }],
    ['remind stamps an assigned ticket', assigned(), { type: 'remind' }, { remindedAt: NOW.toISOString() }],
    ['a rating is stored after a resolve', ticket({ status: 'resolved', awaitingRating: true }), { type: 'rate', score: 5 }, { satisfaction: 5, awaitingRating: false }],
    [
      'a silent close after ten quiet minutes',
      assigned({ lastCitizenMessageAt: '2026-05-12T02:30:00.000Z', lastOfficerMessageAt: '2026-05-12T02:50:00.000Z' }),
      { type: 'close-silent', actor: budi },
      { status: 'closed', endReason: 'citizen-silent' },
    ],
  ])('%s', (_label, before, command, expected) => {
    const { next, event } = transition(before, command, ctx);
    expect(next).toMatchObject({ ...expected, version: before.version + 1 });
    expect(event).toMatchObject({ fromStatus: before.status, toStatus: next.status, createdAt: NOW.toISOString() });
  });

  it('records who acted: the officer’s id, "citizen" or "system"', () => {
    expect(transition(ticket(), { type: 'claim', actor: budi }, ctx).event.actor).toBe('budi');
    expect(transition(ticket(), { type: 'citizen-returned' }, ctx).event.actor).toBe('citizen');
    expect(transition(ticket(), { type: 'escalate' }, ctx).event.actor).toBe('system');
  });
});

describe('refused transitions', () => {
  it.each<[string, Ticket, TicketCommand, string]>([
    ['claiming a ticket someone already claimed', assigned(), { type: 'claim', actor: sari }, 'already_claimed'],
    ['claiming a closed ticket', ticket({ status: 'closed' }), { type: 'claim', actor: budi }, 'ticket_ended'],
    ['resolving someone else’s ticket', assigned(), { type: 'resolve', actor: sari, note: 'x' }, 'not_owner'],
    ['resolving an unclaimed ticket', ticket(), { type: 'resolve', actor: budi, note: 'x' }, 'not_assigned'],
    ['resolving twice', ticket({ status: 'resolved', officerId: 'budi' }), { type: 'resolve', actor: budi, note: 'x' }, 'ticket_ended'],
    ['transferring to the current officer', assigned(), { type: 'transfer', actor: budi, toOfficerId: 'budi' }, 'same_officer'],
    ['an admin closing someone else’s silent ticket', assigned({ lastOfficerMessageAt: '2026-05-12T02:00:00.000Z' }), { type: 'close-silent', actor: admin }, 'not_owner'],
    ['closing before the officer has said anything', assigned(), { type: 'close-silent', actor: budi }, 'citizen_not_silent'],
    [
      'closing while the citizen wrote last',
      assigned({ lastOfficerMessageAt: '2026-05-12T02:20:00.000Z', lastCitizenMessageAt: '2026-05-12T02:30:00.000Z' }),
      { type: 'close-silent', actor: budi },
      'citizen_not_silent',
    ],
    ['closing after only five quiet minutes', assigned({ lastOfficerMessageAt: '2026-05-12T02:55:00.000Z' }), { type: 'close-silent', actor: budi }, 'citizen_not_silent'],
    ['returning from an ended ticket', ticket({ status: 'resolved' }), { type: 'citizen-returned' }, 'ticket_ended'],
    ['escalating twice', ticket({ escalated: true }), { type: 'escalate' }, 'already_escalated'],
    ['escalating an assigned ticket', assigned(), { type: 'escalate' }, 'not_assigned'],
    ['rating a ticket that did not ask', ticket({ status: 'closed' }), { type: 'rate', score: 3 }, 'not_awaiting_rating'],
    ['a rating of 6', ticket({ status: 'resolved', awaitingRating: true }), { type: 'rate', score: 6 }, 'invalid_rating'],
  ])('%s', (_label, before, command, code) => {
    expect(ruleOf(() => transition(before, command, ctx))).toBe(code);
  });
});
