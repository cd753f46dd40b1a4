import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/event-stream.ts';
import { newOfficer, ticketDetail } from '../helpers/handoff.ts';
import type { StaffSession } from '../helpers/staff-session.ts';
import { chat, startTestServer, tokenHeaders, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let officer: StaffSession;
let colleague: StaffSession;
beforeAll(async () => {
  server = await startTestServer({ OFFICE_HOURS: 'always' });
  officer = await newOfficer(server.url);
  colleague = await newOfficer(server.url);
});
afterAll(async () => {
  await server.dispose();
});

async function openTicket(conversationId: string, text = 'mau bicara dengan petugas') {
  const res = await chat(server, conversationId, text);
  expect(res.outcome.action).toBe('handoff');
  return (res.ticket as { number: string }).number;
}

describe('while a ticket is open the bot stays silent', () => {
  it('relays a FAQ question to the officers instead of answering it, acknowledging it while nobody has the ticket', async () => {
    const number = await openTicket('silent-1');
    const res = await chat(server, 'silent-1', 'berapa biaya membuat ktp elektronik');
    expect(res.outcome).toMatchObject({ action: 'relay', intent: 'relay', faqId: null });
    expect(res.replies).toHaveLength(1);
    expect(res.replies[0].text).toContain('sudah diteruskan ke petugas');
    expect(res.replies[0].text).not.toContain(server.engine.topic('ktp.fee')!.content.id.answer.slice(0, 30));
    expect(res.ticket).toMatchObject({ number, status: 'waiting' });
  });

  it('sends nothing back at all once an officer has claimed the ticket, and the officer sees the message live', async () => {
    const number = await openTicket('silent-2');
    expect((await officer.request('POST', `/api/staff/tickets/${number}/claim`)).status).toBe(200);
    const stream = await openEventStream(`${server.url}/api/staff/events`, { cookie: officer.cookie });
    try {
      const res = await chat(server, 'silent-2', 'NIK saya 3201234567890123, KTP saya hilang');
      expect(res.outcome.action).toBe('relay');
      expect(res.replies).toEqual([]);
      const relayed = await stream.next('message', (d) => d.ticketNumber === number);
      // Officers see the masked text, never the NIK.
      expect(relayed.data.message).toMatchObject({ author: 'citizen', text: 'NIK saya [NIK], KTP saya hilang' });
    } finally {
      stream.close();
    }
    const detail = await ticketDetail(officer, number);
    expect(detail.transcript.at(-1)).toMatchObject({ author: 'citizen', text: 'NIK saya [NIK], KTP saya hilang' });
    expect(detail.ticket.awaitingOfficer).toBe(true);
  });
});

describe('the citizen can return to the bot at any time', () => {
  it.each<[string, { text: string; action?: string }]>([
    ['typing "kembali ke bot"', { text: 'kembali ke bot' }],
    ['tapping the back-to-bot button', { text: 'Kembali ke bot', action: 'back-to-bot' }],
  ])('%s closes the ticket as citizen-returned and the bot answers again', async (_how, message) => {
    const id = `return-${message.action ?? 'text'}`;
    const number = await openTicket(id);
    const { text, ...extra } = message;
    const back = await chat(server, id, text, extra);
    expect(back.outcome).toMatchObject({ action: 'smalltalk', intent: 'back-to-bot' });
    expect(back.replies[0].text).toContain(`Tiket ${number} sudah ditutup`);
    expect(back.replies[0].text).toContain('Halo! Saya Layani');
    expect(back.ticket).toMatchObject({ number, status: 'closed' });

    const detail = await ticketDetail(officer, number);
    expect(detail.ticket).toMatchObject({ status: 'closed', endReason: 'citizen-returned' });
    expect(detail.events.at(-1)).toMatchObject({ type: 'citizen-returned', actor: 'citizen', fromStatus: 'waiting', toStatus: 'closed' });

    const answered = await chat(server, id, 'berapa biaya membuat ktp elektronik');
    expect(answered.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.fee' });
  });

  it('also works after an officer has claimed the ticket, and the officer can no longer reply', async () => {
    const number = await openTicket('return-claimed');
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await chat(server, 'return-claimed', 'back to the bot');
    const reply = await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Halo?' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('ticket_ended');
  });
});

describe('officers work the ticket', () => {
  it('lets exactly one of two officers claiming at the same moment win', async () => {
    const number = await openTicket('race-1');
    const [a, b] = await Promise.all([
      officer.request('POST', `/api/staff/tickets/${number}/claim`),
      colleague.request('POST', `/api/staff/tickets/${number}/claim`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('already_claimed');
    const winner = a.status === 200 ? officer : colleague;
    const detail = await ticketDetail(officer, number);
    expect(detail.ticket.officer.id).toBe(winner.user.id);
    expect(detail.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });

  it('delivers an officer reply to the widget live over SSE, after telling the citizen who took the ticket', async () => {
    const number = await openTicket('live-1');
    const widget = await openEventStream(`${server.url}/api/chat/live-1/events`, tokenHeaders('live-1'));
    try {
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toContain('text/event-stream');
      expect((await widget.next('handoff')).data).toEqual({ status: 'waiting', ticketNumber: number });

      await officer.request('POST', `/api/staff/tickets/${number}/claim`);
      expect((await widget.next('handoff')).data).toEqual({ status: 'assigned', ticketNumber: number, officerName: 'Test officer' });
      const joined = await widget.next('message');
      expect(joined.data).toMatchObject({ author: 'system', text: 'Petugas Test officer sekarang menangani tiket Anda ' + number + '.' });

      const sent = await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Selamat siang, ada yang bisa saya bantu?' });
      expect(sent.status).toBe(201);
      expect(sent.body.delivered).toBe(true);
      const received = await widget.next('message', (d) => d.author === 'officer');
      expect(received.data).toMatchObject({ id: sent.body.message.id, author: 'officer', text: 'Selamat siang, ada yang bisa saya bantu?', officerName: 'Test officer' });
      expect(received.id).toBe(String(sent.body.message.id));
    } finally {
      widget.close();
    }
    const history = (await (await fetch(`${server.url}/api/chat/live-1/messages`, { headers: tokenHeaders('live-1') })).json()) as { messages: { author: string; text: string }[] };
    expect(history.messages.at(-1)).toMatchObject({ author: 'officer', text: 'Selamat siang, ada yang bisa saya bantu?' });
  });

  it('replays the officer messages a widget missed when it reconnects with Last-Event-ID', async () => {
    const number = await openTicket('replay-1');
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    const first = await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Pesan pertama' });
    await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Pesan kedua saat widget tertutup' });
    const widget = await openEventStream(`${server.url}/api/chat/replay-1/events`, { ...tokenHeaders('replay-1'), 'last-event-id': String(first.body.message.id) });
    try {
      expect((await widget.next('message')).data).toMatchObject({ author: 'officer', text: 'Pesan kedua saat widget tertutup', officerName: 'Test officer' });
      expect((await widget.next('handoff')).data).toMatchObject({ status: 'assigned', ticketNumber: number });
    } finally {
      widget.close();
    }
  });

  it('keeps replies to the officer holding the ticket: a colleague gets 403', async () => {
    const number = await openTicket('owner-1');
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    const res = await colleague.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Saya juga bantu ya' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_owner');
  });

  it('keeps internal notes off the citizen’s channel and in the ticket', async () => {
    const number = await openTicket('notes-1');
    const res = await officer.request('POST', `/api/staff/tickets/${number}/notes`, { text: 'Warga sudah dua kali datang ke kantor.' });
    expect(res.status).toBe(201);
    const detail = await ticketDetail(officer, number);
    expect(detail.notes).toEqual([expect.objectContaining({ text: 'Warga sudah dua kali datang ke kantor.', officerName: 'Test officer' })]);
    expect(detail.transcript.some((m) => m.text.includes('dua kali datang'))).toBe(false);
  });

  it('transfers a ticket to another officer, who may then reply while the first may not', async () => {
    const number = await openTicket('transfer-1');
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    const moved = await officer.request('POST', `/api/staff/tickets/${number}/transfer`, { officerId: colleague.user.id, note: 'Soal bansos, lebih paham.' });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket.officer.id).toBe(colleague.user.id);
    expect((await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'x' })).status).toBe(403);
    expect((await colleague.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Saya lanjutkan ya.' })).status).toBe(201);
    const detail = await ticketDetail(officer, number);
    expect(detail.transcript.some((m) => m.author === 'system' && m.text.includes('dialihkan ke Petugas Test officer'))).toBe(true);
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'claimed', 'transferred']);
  });

  it('refuses a transfer to someone who is not an officer', async () => {
    const number = await openTicket('transfer-2');
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    const res = await officer.request('POST', `/api/staff/tickets/${number}/transfer`, { officerId: 'no-such-officer' });
    expect(res.status).toBe(400);
  });
});

describe('the officer API is for officers', () => {
  it('answers 401 without a session and 403 for an editor', async () => {
    expect((await fetch(`${server.url}/api/staff/tickets`)).status).toBe(401);
    const { createStaff } = await import('../helpers/staff-session.ts');
    const editor = await createStaff(server.url, 'editor', `editor-${process.pid}@layani.test`);
    expect((await editor.request('GET', '/api/staff/tickets')).status).toBe(403);
  });

  it('answers 403 to a state change without the CSRF header', async () => {
    const number = await openTicket('csrf-1');
    const res = await fetch(`${server.url}/api/staff/tickets/${number}/claim`, { method: 'POST', headers: { cookie: officer.cookie } });
    expect(res.status).toBe(403);
  });

  it('lists the queue with waiting tickets first and filters my tickets', async () => {
    const mine = await openTicket('queue-mine');
    await colleague.request('POST', `/api/staff/tickets/${mine}/claim`);
    const all = await colleague.request('GET', '/api/staff/tickets');
    expect(all.status).toBe(200);
    const statuses = (all.body.tickets as { status: string }[]).map((t) => t.status);
    expect(statuses.indexOf('assigned')).toBeGreaterThan(statuses.lastIndexOf('waiting'));
    const own = await colleague.request('GET', '/api/staff/tickets?mine=true');
    expect((own.body.tickets as { number: string; officer: { id: string } }[]).every((t) => t.officer.id === colleague.user.id)).toBe(true);
    expect((own.body.tickets as { number: string }[]).map((t) => t.number)).toContain(mine);
    expect(all.body.counts.waiting).toBeGreaterThan(0);
    expect(all.body.office).toMatchObject({ open: true, nextOpening: null });
  });

  it('serves an OpenAPI document describing the chat and officer endpoints', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/chat', '/api/chat/{conversationId}/events', '/api/staff/tickets', '/api/staff/tickets/{number}/claim', '/api/staff/events']) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});

describe('channel identities stay apart', () => {
  it('refuses web ids that name a Telegram, WhatsApp or Bot Framework conversation, for chat, history and live events', async () => {
    const post = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'tg:12345', text: 'halo' }),
    });
    expect(post.status).toBe(400);
    expect((await fetch(`${server.url}/api/chat/wa:628123456789/messages`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/chat/bf:emulator:x/events`)).status).toBe(400);
  });
});

describe('with language-model help switched on', () => {
  it('sends nothing a citizen writes to an officer to the model', async () => {
    const { FakeOpenAiApi } = await import('../fakes/openai-api.ts');
    const fake = await FakeOpenAiApi.start();
    const llmServer = await startTestServer({ OFFICE_HOURS: 'always', OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test', LLM_PHRASING: 'on' });
    try {
      const opened = await chat(llmServer, 'llm-handoff', 'mau bicara dengan petugas');
      expect(opened.outcome.action).toBe('handoff');
      fake.requests.length = 0;
      const relayed = await chat(llmServer, 'llm-handoff', 'Punten, kamari abdi kaleungitan dompet di pasar, eusina kartu identitas, NIK 3201234567890123');
      expect(relayed.outcome.action).toBe('relay');
      expect(fake.chatRequests).toHaveLength(0);
    } finally {
      await llmServer.dispose();
      await fake.close();
    }
  });
});
