import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/event-stream.ts';
import { newOfficer, ticketDetail } from '../helpers/handoff.ts';
import type { StaffSession } from '../helpers/staff-session.ts';
import { chat, startTestServer, tokenHeaders, type TestServer } from '../helpers/test-server.ts';

// Saturday 16 May 2026, 10:00 WIB: outside "mon-fri 08:00-16:00". Monday 18 May is a holiday here.
const SATURDAY_10_WIB = new Date('2026-05-16T03:00:00Z');
const TUESDAY_08_WIB = new Date('2026-05-19T01:00:00Z');

let clock = SATURDAY_10_WIB;
let server: TestServer;
let officer: StaffSession;
beforeAll(async () => {
  server = await startTestServer(
    { OFFICE_HOURS: 'mon-fri 08:00-16:00', PUBLIC_HOLIDAYS: '2026-05-18', HANDOFF_ESCALATE_MINUTES: '10', HANDOFF_REMIND_MINUTES: '5', HANDOFF_CITIZEN_SILENT_MINUTES: '10' },
    undefined,
    { now: () => clock },
  );
  officer = await newOfficer(server.url);
});
afterAll(async () => {
  await server.dispose();
});

const minutesLater = (n: number) => {
  clock = new Date(clock.getTime() + n * 60_000);
};

describe('outside office hours', () => {
  let number: string;

  it('tells the citizen when officers will answer, skipping the weekend and the holiday', async () => {
    const res = await chat(server, 'weekend-1', 'mau bicara dengan petugas');
    number = (res.ticket as { number: string }).number;
    expect(res.ticket).toMatchObject({ status: 'waiting', officersOnline: false, nextOpening: TUESDAY_08_WIB.toISOString() });
    expect(res.replies[0].text).toContain('Petugas sedang tidak bertugas. Mereka akan membalas di obrolan ini mulai Selasa, 19 Mei pukul 08.00 WIB');
  });

  it('acknowledges later messages with the same opening time, and does not escalate a ticket while the office is closed', async () => {
    const res = await chat(server, 'weekend-1', 'KTP saya rusak, bagaimana?');
    expect(res.outcome.action).toBe('relay');
    expect(res.replies[0].text).toContain('Mereka akan membalas mulai Selasa, 19 Mei pukul 08.00 WIB');
    minutesLater(24 * 60);
    expect((await server.sweepTickets()).escalated).toBe(0);
    expect((await ticketDetail(officer, number)).ticket.escalated).toBe(false);
  });

  it('escalates the ticket once it has waited ten office minutes, visibly to every officer', async () => {
    clock = new Date(TUESDAY_08_WIB.getTime() + 9 * 60_000);
    expect((await server.sweepTickets()).escalated).toBe(0);
    const stream = await openEventStream(`${server.url}/api/staff/events`, { cookie: officer.cookie });
    try {
      minutesLater(1);
      expect((await server.sweepTickets()).escalated).toBe(1);
      const pushed = await stream.next('ticket', (d) => d.change === 'escalated');
      expect(pushed.data.ticket).toMatchObject({ number, escalated: true, status: 'waiting' });
    } finally {
      stream.close();
    }
    const escalated = await officer.request('GET', '/api/staff/tickets?escalated=true');
    expect((escalated.body.tickets as { number: string }[]).map((t) => t.number)).toEqual([number]);
    expect(escalated.body.counts.escalated).toBe(1);
  });

  it('still delivers the officer’s reply the next working day to the widget that asked at the weekend', async () => {
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    const sent = await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Selamat pagi, untuk KTP rusak silakan datang ke Disdukcapil.' });
    expect(sent.status).toBe(201);
    const history = (await (await fetch(`${server.url}/api/chat/weekend-1/messages`, { headers: tokenHeaders('weekend-1') })).json()) as { messages: { author: string; text: string }[] };
    expect(history.messages.at(-1)).toMatchObject({ author: 'officer', text: 'Selamat pagi, untuk KTP rusak silakan datang ke Disdukcapil.' });
  });
});

describe('timers while a ticket is assigned', () => {
  it('reminds the officer once when the citizen has waited five minutes for an answer', async () => {
    clock = new Date('2026-05-19T02:00:00Z');
    const number = (await chat(server, 'remind-1', 'mau bicara dengan petugas')).ticket as { number: string };
    await officer.request('POST', `/api/staff/tickets/${number.number}/claim`);
    await chat(server, 'remind-1', 'Halo pak, saya mau tanya soal bansos');
    minutesLater(4);
    expect((await server.sweepTickets()).reminded).toBe(0);
    minutesLater(1);
    expect((await server.sweepTickets()).reminded).toBe(1);
    expect((await server.sweepTickets()).reminded).toBe(0);
    const detail = await ticketDetail(officer, number.number);
    expect(detail.ticket.remindedAt).toBe(clock.toISOString());
    expect(detail.events.at(-1)).toMatchObject({ type: 'reminded', actor: 'system' });
  });

  it('lets the officer close a ticket whose citizen went silent, with a closing message, and the bot takes over', async () => {
    clock = new Date('2026-05-19T03:00:00Z');
    const { number } = (await chat(server, 'silent-close', 'mau bicara dengan petugas')).ticket as { number: string };
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await chat(server, 'silent-close', 'Pak, KK saya hilang');
    const tooEarly = await officer.request('POST', `/api/staff/tickets/${number}/close`, { message: 'Terima kasih.' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('citizen_not_silent');

    await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Apakah sudah lapor kehilangan ke polisi?' });
    minutesLater(10);
    const closed = await officer.request('POST', `/api/staff/tickets/${number}/close`, { message: 'Karena belum ada balasan, obrolan saya tutup. Silakan hubungi lagi kapan saja.' });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ status: 'closed', endReason: 'citizen-silent' });

    const history = (await (await fetch(`${server.url}/api/chat/silent-close/messages`, { headers: tokenHeaders('silent-close') })).json()) as { messages: { author: string; text: string }[] };
    expect(history.messages.slice(-2)).toMatchObject([
      { author: 'officer', text: 'Karena belum ada balasan, obrolan saya tutup. Silakan hubungi lagi kapan saja.' },
      { author: 'bot', text: expect.stringContaining(`Percakapan dengan petugas sudah berakhir (tiket ${number})`) },
    ]);
    const next = await chat(server, 'silent-close', 'berapa biaya membuat ktp elektronik');
    expect(next.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.fee' });
  });
});

describe('resolve and satisfaction rating', () => {
  it('resumes the bot on resolve, asks for a 1–5 rating with buttons, and stores the rating with the ticket', async () => {
    clock = new Date('2026-05-19T04:00:00Z');
    const { number } = (await chat(server, 'rating-1', 'talk to a human')).ticket as { number: string };
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'You can replace a lost KTP at the Disdukcapil office.' });
    const widget = await openEventStream(`${server.url}/api/chat/rating-1/events`, tokenHeaders('rating-1'));
    try {
      await widget.next('handoff');
      const resolved = await officer.request('POST', `/api/staff/tickets/${number}/resolve`, { note: 'Explained KTP replacement.' });
      expect(resolved.status).toBe(200);
      expect(resolved.body.ticket).toMatchObject({ status: 'resolved', endReason: 'resolved', resolutionNote: 'Explained KTP replacement.' });
      expect((await widget.next('handoff')).data).toMatchObject({ status: 'resolved', ticketNumber: number });
      const ask = await widget.next('message', (d) => d.author === 'bot');
      expect(ask.data.text).toContain(`has marked ticket ${number} as resolved`);
      expect(ask.data.text).toContain('from 1 (very dissatisfied) to 5 (very satisfied)');
      expect(ask.data.suggestions.map((s: { label: string }) => s.label)).toEqual(['1', '2', '3', '4', '5']);
    } finally {
      widget.close();
    }
    const rated = await chat(server, 'rating-1', '4');
    expect(rated.outcome).toMatchObject({ action: 'smalltalk', intent: 'satisfaction-rating' });
    expect(rated.replies[0].text).toBe(`Thank you! Your rating (4/5) has been saved with ticket ${number}.`);
    const detail = await ticketDetail(officer, number);
    expect(detail.ticket.satisfaction).toBe(4);
    expect(detail.events.at(-1)).toMatchObject({ type: 'rated', actor: 'citizen' });
    // Only the message right after the question counts: a later "5" is an ordinary message.
    expect((await chat(server, 'rating-1', '5')).outcome.intent).not.toBe('satisfaction-rating');
  });

  it('treats a question instead of a rating as moving on: the bot answers it and stops waiting for a rating', async () => {
    const { number } = (await chat(server, 'rating-2', 'mau bicara dengan petugas')).ticket as { number: string };
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await officer.request('POST', `/api/staff/tickets/${number}/resolve`, { note: 'Done.' });
    const res = await chat(server, 'rating-2', 'berapa biaya membuat ktp elektronik');
    expect(res.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.fee' });
    const detail = await ticketDetail(officer, number);
    expect(detail.ticket.satisfaction).toBeNull();
    expect(detail.events.at(-1)).toMatchObject({ type: 'rating-skipped' });
  });
});

describe('ticket status', () => {
  let number: string;
  beforeAll(async () => {
    number = ((await chat(server, 'status-owner', 'mau bicara dengan petugas')).ticket as { number: string }).number;
    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Silakan bawa KK asli ke kantor kecamatan.' });
    await officer.request('POST', `/api/staff/tickets/${number}/resolve`, { note: 'Rahasia internal: warga marah.' });
  });

  it('shows the conversation that opened the ticket its details, including the officer’s last reply', async () => {
    await chat(server, 'status-owner', '5'); // answers the rating question
    const res = await chat(server, 'status-owner', `status tiket ${number}`);
    expect(res.outcome).toMatchObject({ action: 'ticket', intent: 'ticket-status' });
    expect(res.replies[0].text).toContain(`Tiket ${number} (permintaan bantuan), dibuat`);
    expect(res.replies[0].text).toContain('Status: selesai');
    expect(res.replies[0].text).toContain('Silakan bawa KK asli ke kantor kecamatan.');
    expect(res.replies[0].text).toContain('Penilaian Anda: 5/5');
    expect(res.replies[0].text).not.toContain('Rahasia internal');
  });

  it('tells anyone else only that the ticket exists and its status, in their language', async () => {
    const res = await chat(server, 'status-stranger', `what is the status of ticket ${number.toLowerCase()}`);
    expect(res.outcome).toMatchObject({ action: 'ticket', intent: 'ticket-status', locale: 'en' });
    expect(res.replies[0].text).toBe(`Ticket ${number} exists. Status: resolved. Details are shown only in the chat that opened it.`);
  });

  it('says when a ticket number does not exist', async () => {
    const res = await chat(server, 'status-unknown', 'status tiket LYN-22222');
    expect(res.replies[0].text).toContain('Tiket LYN-22222 tidak ditemukan');
  });
});
