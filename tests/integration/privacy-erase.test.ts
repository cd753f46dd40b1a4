import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasureReference } from '../../bot/console/conversation-erasure.ts';
import { newOfficer, ticketDetail } from '../helpers/handoff.ts';
import { createStaff, loginAsAdmin, type StaffSession } from '../helpers/staff-session.ts';
import { chat, postJson, startTestServer, tokenHeaders, type TestServer } from '../helpers/test-server.ts';

const run = promisify(execFile);
const ERASE = '/api/staff/privacy/erase';
const REASON = 'Citizen asked in person at the Sukamaju office, ref. 12/2026';

let server: TestServer;
let admin: StaffSession;
let officer: StaffSession;
beforeAll(async () => {
  server = await startTestServer({ OFFICE_HOURS: 'always' });
  admin = await loginAsAdmin(server.url);
  officer = await newOfficer(server.url);
});
afterAll(async () => {
  await server.dispose();
});

async function history(conversationId: string) {
  const res = await fetch(`${server.url}/api/chat/${conversationId}/messages`, { headers: tokenHeaders(conversationId) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: { author: string; text: string }[] }).messages;
}

/** A citizen who asked, rated the answer 👎, talked to an officer about their NIK, and was helped. */
async function citizenWithTicket(conversationId: string, question: string): Promise<string> {
  const answered = await chat(server, conversationId, question, { clientMessageId: `${conversationId}-1` });
  const { messageId } = answered.replies[0];
  expect((await postJson(`${server.url}/api/chat/${conversationId}/feedback`, { messageId, rating: 'down', comment: 'Saya Budi, masih bingung' }, tokenHeaders(conversationId))).status).toBe(200);
  const handoff = await chat(server, conversationId, 'mau bicara dengan petugas');
  const number = (handoff.ticket as { number: string }).number;
  await chat(server, conversationId, 'Saya Budi Santoso, NIK saya 3201234567890123, KTP hilang di pasar');
  expect((await officer.request('POST', `/api/staff/tickets/${number}/claim`)).status).toBe(200);
  expect((await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Baik Pak Budi, silakan ke Disdukcapil.' })).status).toBe(201);
  expect((await officer.request('POST', `/api/staff/tickets/${number}/notes`, { text: 'Pak Budi Santoso, tinggal di Sukamaju' })).status).toBe(201);
  expect((await officer.request('POST', `/api/staff/tickets/${number}/resolve`, { note: 'Budi diarahkan ke Disdukcapil Sukamaju' })).status).toBe(200);
  return number;
}

describe('an admin erases a citizen’s conversation on request', () => {
  it('removes the web history and the ticket’s transcript and notes, keeps the ticket for statistics, and audits it without content', async () => {
    const number = await citizenWithTicket('erase-me', 'berapa biaya membuat ktp elektronik');
    await citizenWithTicket('keep-me', 'bagaimana cara mengurus ktp yang hilang');
    expect((await history('erase-me')).length).toBeGreaterThan(4);
    const keptHistory = await history('keep-me');

    const res = await admin.request('POST', ERASE, { conversationId: 'erase-me', reason: REASON });

    expect(res.status).toBe(200);
    expect(res.body.conversationId).toBe('erase-me');
    expect(res.body.erased).toMatchObject({ conversations: 1, answerFeedback: 1, unanswered: 1, turnReceipts: 1 });
    expect(res.body.erased.messages).toBeGreaterThan(4);
    expect(res.body.anonymised).toMatchObject({ tickets: 1, ticketNotes: 2 });
    expect(await history('erase-me')).toEqual([]);
    expect(await history('keep-me')).toEqual(keptHistory);

    const detail = await ticketDetail(officer, number);
    expect(detail.ticket).toMatchObject({ number, status: 'resolved', channel: 'web', resolutionNote: null });
    expect(detail.ticket.conversationId).not.toBe('erase-me');
    expect(detail.transcript).toEqual([]);
    expect(detail.notes).toEqual([]);
    expect(JSON.stringify(detail)).not.toMatch(/Budi|Sukamaju|NIK/);

    const unanswered = (await admin.request('GET', '/api/staff/unanswered')).body;
    expect(JSON.stringify(unanswered)).not.toContain('berapa biaya membuat ktp elektronik');
    expect(JSON.stringify(unanswered)).toContain('bagaimana cara mengurus ktp yang hilang');

    const reference = erasureReference('erase-me');
    const [record] = (await admin.request('GET', `/api/staff/audit?entityType=conversation&entityId=${encodeURIComponent(reference)}`)).body.records;
    expect(record).toMatchObject({ actorEmail: admin.user.email, entityId: reference, action: 'erase', before: null });
    expect(record.after).toEqual({ reason: REASON, erased: res.body.erased, anonymised: res.body.anonymised });
    expect(Date.now() - Date.parse(record.at)).toBeLessThan(60_000);
  });

  it('answers 404 for a conversation nothing is stored about, also for one already erased', async () => {
    await chat(server, 'erase-twice', 'halo');
    expect((await admin.request('POST', ERASE, { conversationId: 'erase-twice', reason: REASON })).status).toBe(200);
    for (const conversationId of ['erase-twice', 'never-seen']) {
      const res = await admin.request('POST', ERASE, { conversationId, reason: REASON });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('check the id');
    }
  });

  it('refuses with 409 while an officer may still be talking to the citizen, and erases nothing', async () => {
    const handoff = await chat(server, 'erase-open', 'mau bicara dengan petugas');
    const number = (handoff.ticket as { number: string }).number;
    const res = await admin.request('POST', ERASE, { conversationId: 'erase-open', reason: REASON });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`Ticket ${number} of this conversation is still open: resolve or close it first, then erase.`);
    expect((await history('erase-open')).length).toBeGreaterThan(0);
  });

  it('answers 400 naming the field for a bad body', async () => {
    const noReason = await admin.request('POST', ERASE, { conversationId: 'erase-me' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const shortReason = await admin.request('POST', ERASE, { conversationId: 'erase-me', reason: 'x' });
    expect(shortReason.body.error.message).toContain('reason must say why');
    const noId = await admin.request('POST', ERASE, { conversationId: '  ', reason: REASON });
    expect(noId.status).toBe(400);
    expect(noId.body.error.message).toContain('conversationId must not be empty');
  });

  it('is for admins only: 403 for officers and editors, 401 without a session', async () => {
    await chat(server, 'erase-guarded', 'halo');
    const body = { conversationId: 'erase-guarded', reason: REASON };
    for (const role of ['officer', 'editor'] as const) {
      const res = await (await createStaff(server.url, role)).request('POST', ERASE, body);
      expect(res.status).toBe(403);
    }
    expect((await postJson(`${server.url}${ERASE}`, body)).status).toBe(401);
    expect((await history('erase-guarded')).length).toBeGreaterThan(0);
  });
});

describe('npm run privacy:erase', () => {
  const script = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/privacy-erase.ts', ...args], { env: { PATH: process.env.PATH, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('erases a conversation from the shell and audits it as the shell user', async () => {
    await chat(server, 'erase-from-shell', 'berapa biaya membuat ktp elektronik');
    const result = await script(['--conversation', 'erase-from-shell', '--reason', REASON]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Erased conversation erase-from-shell');
    expect(result.stdout).toMatch(/messages 2\b/);
    expect(await history('erase-from-shell')).toEqual([]);
    const [record] = (await admin.request('GET', `/api/staff/audit?entityType=conversation&entityId=${encodeURIComponent(erasureReference('erase-from-shell'))}`)).body.records;
    expect(record).toMatchObject({ actorEmail: `cli:${os.userInfo().username}`, action: 'erase', after: { reason: REASON } });
  });

  it('explains its usage, and says when nothing is stored', async () => {
    const usage = await script(['--conversation', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--reason');
    const unknown = await script(['--conversation', 'never-seen-by-shell', '--reason', REASON]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Nothing is stored for this conversation');
    expect(unknown.stderr).not.toContain('never-seen-by-shell');
  });
});
