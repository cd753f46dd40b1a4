import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/event-stream.ts';
import { newOfficer, ticketDetail, TICKET_NUMBER } from '../helpers/handoff.ts';
import type { StaffSession } from '../helpers/staff-session.ts';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let officer: StaffSession;
beforeAll(async () => {
  server = await startTestServer({ OFFICE_HOURS: 'always' });
  officer = await newOfficer(server.url);
});
afterAll(async () => {
  await server.dispose();
});

describe('a citizen who asks for an officer gets a ticket', () => {
  it.each([
    ['id', 'mau bicara dengan petugas', /Nomor tiket Anda (LYN-\w{5})/],
    ['en', 'talk to a human', /Your ticket number is (LYN-\w{5})/],
    ['jv', 'aku pengin ngomong karo petugas', /Nomer tiket panjenengan (LYN-\w{5})/],
    ['su', 'hoyong ngobrol sareng petugas', /Nomer tiket anjeun (LYN-\w{5})/],
  ])('in %s: "%s" opens a ticket and tells its number in that language', async (locale, text, numberLine) => {
    const res = await chat(server, `ask-${locale}`, text);
    expect(res.outcome).toMatchObject({ action: 'handoff', intent: 'handoff', locale });
    const ticket = res.ticket as { number: string; status: string; queuePosition: number; officersOnline: boolean };
    expect(ticket.number).toMatch(TICKET_NUMBER);
    expect(ticket.status).toBe('waiting');
    expect(ticket.queuePosition).toBeGreaterThanOrEqual(1);
    expect(res.replies[0].text).toMatch(numberLine);
    expect(res.replies[0].text.match(numberLine)![1]).toBe(ticket.number);
    expect(res.replies[0].suggestions).toContainEqual(expect.objectContaining({ action: 'back-to-bot' }));

    const detail = await ticketDetail(officer, ticket.number);
    expect(detail.ticket).toMatchObject({ status: 'waiting', locale, channel: 'web', kind: 'assistance', reason: 'requested' });
    expect(detail.transcript.map((m) => m.author)).toEqual(['citizen', 'bot']);
    expect(detail.transcript[0].text).toBe(text);
    expect(detail.events.map((e) => e.type)).toEqual(['created']);
  });

  it('opens a ticket after two fallbacks in a row, saying the bot cannot help', async () => {
    const first = await chat(server, 'fallbacks-1', 'resep rendang', { locale: 'id' });
    expect(first.outcome.action).toBe('fallback');
    expect(first.ticket).toBeUndefined();
    const second = await chat(server, 'fallbacks-1', 'cara memasak nasi goreng', { locale: 'id' });
    expect(second.outcome.action).toBe('handoff');
    expect(second.replies[0].text).toContain('Sepertinya saya belum bisa membantu');
    const detail = await ticketDetail(officer, (second.ticket as { number: string }).number);
    expect(detail.ticket).toMatchObject({ reason: 'repeated-fallback', kind: 'assistance' });
    expect(detail.transcript.filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['resep rendang', 'cara memasak nasi goreng']);
  });

  it.each([
    ['id', 'pelayanan di kelurahan lambat sekali', 'dicatat sebagai pengaduan'],
    ['en', 'the officer at the village office asked me for a bribe', 'filed your complaint'],
    ['jv', 'pelayanane neng kelurahan suwe banget', 'kacathet dados pengaduan'],
    ['su', 'palayanan di kantor desa lami pisan', 'dicatet janten pangaduan'],
  ])('in %s: the complaint "%s" becomes a complaint ticket', async (locale, text, phrase) => {
    const res = await chat(server, `complaint-${locale}`, text);
    expect(res.outcome).toMatchObject({ action: 'handoff', intent: 'complaint', locale });
    expect(res.replies[0].text).toContain(phrase);
    const detail = await ticketDetail(officer, (res.ticket as { number: string }).number);
    expect(detail.ticket).toMatchObject({ kind: 'complaint', reason: 'complaint', locale });
  });

  it('opens a ticket when a citizen who gave a thumbs-down taps "still need help" (the officer action)', async () => {
    await chat(server, 'thumbs-1', 'berapa biaya membuat ktp elektronik');
    const res = await chat(server, 'thumbs-1', 'Ya, masih perlu bantuan', { action: 'officer' });
    expect(res.outcome.action).toBe('handoff');
    const detail = await ticketDetail(officer, (res.ticket as { number: string }).number);
    // The topic the citizen was reading travels with the ticket.
    expect(detail.ticket).toMatchObject({ topicId: 'ktp.fee', status: 'waiting' });
  });

  it('keeps one ticket per conversation: asking again while waiting is relayed, not a second ticket', async () => {
    const first = await chat(server, 'twice-1', 'connect me to an officer');
    const again = await chat(server, 'twice-1', 'connect me to an officer');
    expect(again.outcome.action).toBe('relay');
    expect((again.ticket as { number: string }).number).toBe((first.ticket as { number: string }).number);
  });
});

describe('the ticket reply tells whether anyone will answer', () => {
  // Its own server and clock: officers count as online for a few minutes after they last used the API.
  let clock = new Date('2026-05-12T03:00:00Z');
  let desk: TestServer;
  let deskOfficer: StaffSession;
  beforeAll(async () => {
    desk = await startTestServer({ OFFICE_HOURS: 'always' }, undefined, { now: () => clock });
    deskOfficer = await newOfficer(desk.url);
  });
  afterAll(async () => {
    await desk.dispose();
  });

  it('says no officer is free when none is online during office hours', async () => {
    const res = await chat(desk, 'nobody-online', 'connect me to an officer');
    expect(res.ticket).toMatchObject({ officersOnline: false, queuePosition: 1 });
    expect(res.ticket).not.toHaveProperty('nextOpening');
    expect(res.replies[0].text).toContain('none is free at this moment. You are number 1 in the queue');
  });

  it('counts an officer who used the queue in the last minutes as online, and not after', async () => {
    expect((await deskOfficer.request('GET', '/api/staff/tickets')).status).toBe(200);
    const online = await chat(desk, 'recently-active', 'connect me to an officer');
    expect(online.ticket).toMatchObject({ officersOnline: true, queuePosition: 2 });
    expect(online.replies[0].text).toContain('An officer is online. You are number 2 in the queue');
    clock = new Date(clock.getTime() + 6 * 60_000);
    const later = await chat(desk, 'left-since', 'connect me to an officer');
    expect(later.ticket).toMatchObject({ officersOnline: false, queuePosition: 3 });
  });

  it('says an officer is online while one has the live queue open, and gives the next ticket the next place', async () => {
    const stream = await openEventStream(`${desk.url}/api/staff/events`, { cookie: deskOfficer.cookie });
    try {
      expect(stream.status).toBe(200);
      expect((await stream.next('queue')).data.counts).toMatchObject({ waiting: 3 });
      const res = await chat(desk, 'someone-online', 'connect me to an officer');
      expect(res.ticket).toMatchObject({ officersOnline: true, queuePosition: 4 });
      expect(res.replies[0].text).toContain('An officer is online. You are number 4 in the queue');
      const created = await stream.next('ticket', (d) => d.ticket.number === (res.ticket as { number: string }).number);
      expect(created.data).toMatchObject({ change: 'created', ticket: { status: 'waiting', channel: 'web', queuePosition: 4 } });
    } finally {
      stream.close();
    }
  });
});
