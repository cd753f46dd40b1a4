import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transition, type OfficerActor } from '../../bot/handoff/ticket-transitions.ts';
import type { NewTicket } from '../../bot/handoff/ticket.ts';
import { OpenTicketExistsError } from '../../bot/storage/handoff-ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../../bot/storage/ports.ts';

let storage: Storage;
beforeEach(async () => {
  storage = createSqliteStorage(':memory:');
  for (const id of ['c1', 'c2', 'c3']) {
    await storage.conversations.save({ id, channel: 'web', locale: 'id', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0, createdAt: '', updatedAt: '' });
  }
});
afterEach(() => storage.close());

const input = (conversationId: string): Omit<NewTicket, 'number'> => ({
  conversationId,
  channel: 'web',
  locale: 'id',
  kind: 'assistance',
  reason: 'requested',
  topicId: null,
  createdAt: new Date().toISOString(),
});
const officer = (id: string): OfficerActor => ({ type: 'officer', id, isAdmin: false });
const ctx = { now: new Date(), citizenSilentMs: 0, lastMessageId: null };

describe('the SQLite ticket store', () => {
  it('applies only one of two changes computed from the same version: a claim race has one winner', async () => {
    const a = await storage.staff.create({ email: 'a@x.id', name: 'A', role: 'officer', passwordHash: 'x' });
    const b = await storage.staff.create({ email: 'b@x.id', name: 'B', role: 'officer', passwordHash: 'x' });
    const ticket = await storage.tickets.create(input('c1'), () => 'LYN-AAAAA');
    const first = transition(ticket, { type: 'claim', actor: officer(a.id) }, ctx);
    const second = transition(ticket, { type: 'claim', actor: officer(b.id) }, ctx);
    const results = await Promise.all([
      storage.tickets.apply(first.next, first.event, ticket.version),
      storage.tickets.apply(second.next, second.event, ticket.version),
    ]);
    expect(results).toEqual([true, false]);
    const stored = await storage.tickets.findByNumber('LYN-AAAAA');
    expect(stored).toMatchObject({ status: 'assigned', officerId: a.id, version: 2 });
    expect((await storage.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created', 'claimed']);
  });

  it('draws another number when one is taken', async () => {
    const numbers = ['LYN-BBBBB', 'LYN-BBBBB', 'LYN-CCCCC'];
    await storage.tickets.create(input('c1'), () => numbers.shift()!);
    const second = await storage.tickets.create(input('c2'), () => numbers.shift()!);
    expect(second.number).toBe('LYN-CCCCC');
  });

  it('allows one open ticket per conversation, and a new one once it has ended', async () => {
    const ticket = await storage.tickets.create(input('c1'), () => 'LYN-DDDDD');
    await expect(storage.tickets.create(input('c1'), () => 'LYN-EEEEE')).rejects.toBeInstanceOf(OpenTicketExistsError);
    const closed = transition(ticket, { type: 'citizen-returned' }, ctx);
    await storage.tickets.apply(closed.next, closed.event, ticket.version);
    expect((await storage.tickets.create(input('c1'), () => 'LYN-FFFFF')).status).toBe('waiting');
  });

  it('counts queue positions among waiting tickets only, oldest first', async () => {
    const t1 = await storage.tickets.create(input('c1'), () => 'LYN-GGGGG');
    const t2 = await storage.tickets.create(input('c2'), () => 'LYN-HHHHH');
    const t3 = await storage.tickets.create(input('c3'), () => 'LYN-JJJJJ');
    expect(await storage.tickets.queuePosition(t3)).toBe(3);
    const returned = transition(t1, { type: 'citizen-returned' }, ctx);
    await storage.tickets.apply(returned.next, returned.event, t1.version);
    expect(await storage.tickets.queuePosition(t2)).toBe(1);
    expect(await storage.tickets.queuePosition(t3)).toBe(2);
    expect(await storage.tickets.counts()).toEqual({ waiting: 2, assigned: 0, escalated: 0 });
  });
});
