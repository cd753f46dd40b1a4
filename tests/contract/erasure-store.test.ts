import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transition, type TicketCommand } from '../../bot/handoff/ticket-transitions.ts';
import type { Ticket } from '../../bot/handoff/ticket.ts';
import { ERASED_CONVERSATION_PREFIX, OpenTicketError } from '../../bot/storage/privacy-ports.ts';
import { ERASED_TEXT } from '../../bot/storage/sqlite/sqlite-erasure.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

type Store = ReturnType<typeof createSqliteStorage>;

const ERASED = 'wa:6281234567890';
const KEPT = 'wa:6289876543210';
const now = () => new Date().toISOString();

let storage: Store;
let officerId: string;
beforeEach(async () => {
  storage = createSqliteStorage(':memory:');
  officerId = (await storage.staff.create({ email: 'o@x.id', name: 'O', role: 'officer', passwordHash: 'x' })).id;
});
afterEach(() => storage.close());

async function change(ticket: Ticket, command: TicketCommand): Promise<Ticket> {
  const { next, event } = transition(ticket, command, { now: new Date(), citizenSilentMs: 0, lastMessageId: null });
  expect(await storage.tickets.apply(next, event, ticket.version)).toBe(true);
  return next;
}

/** One WhatsApp conversation with something in every table that can hold a conversation's data. */
async function seed(id: string, phone: string, ticketNumber: string, options: { endTicket: boolean } = { endTicket: true }) {
  const at = now();
  await storage.conversations.save({ id, channel: 'whatsapp', locale: 'id', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0, createdAt: at, updatedAt: at });
  const [, answer] = await storage.conversations.appendMessages([
    { conversationId: id, author: 'citizen', text: `saya Budi, ktp hilang, hp ${phone}` },
    { conversationId: id, author: 'bot', text: 'Lapor ke Disdukcapil.', outcome: { action: 'answer', faqId: 'ktp.lost' } },
    { conversationId: id, author: 'officer', text: 'Halo Pak Budi' },
  ]);
  await storage.feedback.rate({ conversationId: id, messageId: answer.id, rating: 'down', comment: 'kurang jelas', topicId: 'ktp.lost', locale: 'id' });
  await storage.unanswered.record({ conversationId: id, text: `Budi dari desa Sukamaju, tiket ${ticketNumber}`, locale: 'id', channel: 'whatsapp', reason: 'fallback', bestTopicId: null, bestScore: 0.1 });
  await storage.turnReceipts.save(id, 'client-1', { replies: ['Lapor ke Disdukcapil.'] });
  await storage.conversationTokens.claim(id, Buffer.alloc(32, id.length));
  await storage.pendingDeliveries.add({ conversationId: id, channel: 'whatsapp', messageId: answer.id, payload: { text: 'Halo Pak Budi' } });
  await storage.inbox.accept([
    {
      channel: 'whatsapp',
      externalId: `wamid.${phone}`,
      conversationId: id,
      address: { to: phone },
      platformUserId: `ID.${phone}`,
      sentAt: at,
      payload: { kind: 'message', message: { conversationId: id, channel: 'whatsapp', text: 'ktp hilang' } },
    },
  ]);
  await storage.outbox.enqueue([{ channel: 'whatsapp', conversationId: id, author: 'bot', request: { method: 'messages', body: { to: phone, text: 'Lapor' } }, preview: 'Lapor', giveUpAt: Date.now() + 60_000 }]);
  await storage.botFrameworkReferences.save(id, { conversation: { id } });
  await storage.llmUsage.record({ purpose: 'understanding', model: 'm', outcome: 'ok', latencyMs: 5, inputTokens: 1, outputTokens: 1, breaker: 'closed', effect: 'kept', detail: null, conversationId: id });
  let ticket = await storage.tickets.create({ conversationId: id, channel: 'whatsapp', locale: 'id', kind: 'complaint', reason: 'complaint', topicId: 'ktp.lost', createdAt: at }, () => ticketNumber);
  const officer = { type: 'officer', id: officerId, isAdmin: false } as const;
  ticket = await change(ticket, { type: 'claim', actor: officer });
  ticket = await change(ticket, { type: 'note', actor: officer, text: `Pak Budi, NIK di KK lama, rumah di ${id}` });
  if (options.endTicket) ticket = await change(ticket, { type: 'resolve', actor: officer, note: 'Budi diarahkan ke Disdukcapil Sukamaju' });
  return { ticket, answer };
}

/**
 * The review of unanswered questions quotes them in the audit log, several conversations' at once,
 * and quotes them again when they are added to an entry as phrasings (as UnansweredReview records it).
 */
async function auditReview() {
  const entries = (await storage.unanswered.list()).reverse();
  await storage.review.resolve(entries.map((e) => e.id), { action: 'variant', topicId: 'ktp.lost', actor: 'e@x.id' });
  await storage.audit.append([
    {
      actorId: 'e',
      actorEmail: 'e@x.id',
      entityType: 'unanswered',
      entityId: String(entries[0].id),
      action: 'variant',
      before: { ids: entries.map((e) => e.id), texts: entries.map((e) => ({ text: e.text, locale: e.locale })) },
      after: { topicId: 'ktp.lost', phrasings: entries.map((e) => ({ text: e.text, locale: e.locale })) },
    },
  ]);
}

/** Every row of every table with a conversation_id column (or conversations.id) that names `id`. */
function rowsNaming(id: string): Record<string, number> {
  const tables = storage.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const columns = (storage.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const column = table === 'conversations' ? 'id' : columns.includes('conversation_id') ? 'conversation_id' : null;
    if (column) counts[table] = (storage.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(id) as { n: number }).n;
  }
  return counts;
}

describe('erasing one conversation from the SQLite store', () => {
  it('removes it from every table that names it, leaving another conversation exactly as it was', async () => {
    await seed(ERASED, '6281234567890', 'LYN-AAAAA');
    await seed(KEPT, '6289876543210', 'LYN-BBBBB');
    const keptBefore = rowsNaming(KEPT);

    const counts = await storage.erasure.erase(ERASED);

    expect(Object.entries(rowsNaming(ERASED)).filter(([, n]) => n > 0)).toEqual([]);
    expect(rowsNaming(KEPT)).toEqual(keptBefore);
    expect(counts.erased).toEqual({
      conversations: 1,
      messages: 3,
      unanswered: 1,
      answerFeedback: 1,
      turnReceipts: 1,
      conversationTokens: 1,
      pendingDeliveries: 1,
      channelInbox: 1,
      channelOutbox: 1,
      channelContacts: 1,
      botFrameworkReferences: 1,
    });
    expect(counts.anonymised).toEqual({ tickets: 1, ticketNotes: 2, llmCalls: 1, auditRecords: 0 });
    // Through the ports too: what the chat API, the channels and the console read.
    expect(await storage.conversations.find(ERASED)).toBeNull();
    expect(await storage.conversations.listMessages(ERASED)).toEqual([]);
    expect(await storage.channelContacts.find(ERASED)).toBeNull();
    expect(await storage.botFrameworkReferences.find(ERASED)).toBeNull();
    expect(await storage.turnReceipts.find(ERASED, 'client-1')).toBeNull();
    expect(await storage.conversationTokens.find(ERASED)).toBeNull();
    expect((await storage.feedback.ratings(ERASED)).size).toBe(0);
    expect((await storage.unanswered.list()).map((u) => u.conversationId)).toEqual([KEPT]);
    expect((await storage.outbox.list({})).map((o) => o.conversationId)).toEqual([KEPT]);
    expect((await storage.pendingDeliveries.list()).map((p) => p.conversationId)).toEqual([KEPT]);
    expect(await storage.conversations.listMessages(KEPT)).toHaveLength(3);
  });

  it('keeps the ticket for statistics, without its transcript, notes or the citizen’s phone number', async () => {
    const { ticket } = await seed(ERASED, '6281234567890', 'LYN-AAAAA');
    await storage.erasure.erase(ERASED);

    const kept = (await storage.tickets.findByNumber('LYN-AAAAA'))!;
    expect(kept).toMatchObject({ status: 'resolved', channel: 'whatsapp', locale: 'id', kind: 'complaint', topicId: 'ktp.lost', officerId, resolutionNote: null });
    expect(kept.createdAt).toBe(ticket.createdAt);
    expect(kept.conversationId.startsWith(ERASED_CONVERSATION_PREFIX)).toBe(true);
    expect(kept.conversationId).not.toContain('6281234567890');
    expect(await storage.conversations.listMessages(kept.conversationId)).toEqual([]);
    const events = await storage.tickets.events(kept.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'claimed', 'resolved']);
    expect(JSON.stringify(events)).not.toMatch(/Budi|Sukamaju/);
    expect((await storage.tickets.list({ status: 'resolved' }))[0].preview).toBeNull();
    expect(JSON.stringify(storage.db.prepare('SELECT * FROM tickets').all())).not.toContain('6281234567890');
  });

  it('takes the erased conversation’s questions out of the audit log’s quotes, and only those', async () => {
    await seed(ERASED, '6281234567890', 'LYN-AAAAA');
    await seed(KEPT, '6289876543210', 'LYN-BBBBB');
    await auditReview();

    const counts = await storage.erasure.erase(ERASED);

    expect(counts.anonymised.auditRecords).toBe(1);
    const [record] = await storage.audit.list({ entityType: 'unanswered' });
    expect((record.before as { texts: { text: string }[] }).texts.map((t) => t.text)).toEqual([ERASED_TEXT, 'Budi dari desa Sukamaju, tiket LYN-BBBBB']);
    expect((record.after as { phrasings: { text: string }[] }).phrasings.map((t) => t.text)).toEqual([ERASED_TEXT, 'Budi dari desa Sukamaju, tiket LYN-BBBBB']);
    expect(storage.db.prepare('SELECT COUNT(*) AS n FROM unanswered_resolutions').get()).toEqual({ n: 1 });
  });

  it('refuses while the conversation has an open ticket, and changes nothing', async () => {
    await seed(ERASED, '6281234567890', 'LYN-AAAAA', { endTicket: false });
    const before = rowsNaming(ERASED);
    await expect(storage.erasure.erase(ERASED)).rejects.toEqual(new OpenTicketError('LYN-AAAAA'));
    expect(rowsNaming(ERASED)).toEqual(before);
    expect((await storage.tickets.findByNumber('LYN-AAAAA'))!.conversationId).toBe(ERASED);
  });

  it('reports all zeros for a conversation it knows nothing about', async () => {
    await seed(KEPT, '6289876543210', 'LYN-BBBBB');
    const counts = await storage.erasure.erase('web-never-seen');
    expect([...Object.values(counts.erased), ...Object.values(counts.anonymised)].every((n) => n === 0)).toBe(true);
  });
});
