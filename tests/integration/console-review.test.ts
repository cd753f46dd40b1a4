import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createStaff, type StaffSession } from '../helpers/staff-session.ts';
import { unansweredLostCardQuestion } from '../helpers/unanswered-question.ts';

let server: TestServer;
let editor: StaffSession;
let n = 0;

beforeAll(async () => {
  server = await startTestServer();
  editor = await createStaff(server.url, 'editor');
});
afterAll(async () => {
  await server.dispose();
});

const ask = (text: string, locale?: string) => chat(server, `review-${++n}`, text, locale ? { locale } : {});
type Group = { key: number; ids: number[]; count: number; representative: { text: string }; examples: { text: string }[]; bestGuess: { topicId: string } | null };
const groups = async (sort = 'frequent'): Promise<Group[]> => (await editor.request('GET', `/api/staff/unanswered?sort=${sort}`)).body.groups;
const groupWith = async (text: string) => (await groups()).find((g) => g.examples.some((e) => e.text === text));

describe('unanswered review API', () => {
  it('groups similar unanswered questions, counts them, most frequent first, with the best guess', async () => {
    await ask('cara perpanjang paspor yang sudah habis');
    await ask('cara perpanjang paspor yang sudah habis');
    await ask('perpanjang paspor habis gimana');
    await ask('resep rendang padang');
    const list = await groups();
    const passport = list.find((g) => g.representative.text === 'cara perpanjang paspor yang sudah habis')!;
    expect(passport.count).toBe(3);
    expect(passport.examples.map((e) => e.text)).toContain('perpanjang paspor habis gimana');
    expect(list[0]).toBe(passport);
    expect(passport).toHaveProperty('bestGuess');
    const newest = await groups('newest');
    expect(newest[0].representative.text).toBe('resep rendang padang');
  });

  it('keeps a clarification nobody picked, and drops one once the citizen picked a choice', async () => {
    const picked = await chat(server, 'clarify-picked', 'ktp');
    expect(picked.outcome.action).toBe('clarify');
    const choice = picked.replies[0].suggestions!.find((s) => s.faqId)!;
    expect((await chat(server, 'clarify-picked', choice.label, { faqId: choice.faqId })).outcome.action).toBe('answer');
    expect((await chat(server, 'clarify-open', 'ktp')).outcome.action).toBe('clarify');
    const group = (await groupWith('ktp'))!;
    expect(group.count).toBe(1);
  });

  it('adds a group as phrasings of an entry: the bot answers that question, it leaves the list, and becomes a regression case', async () => {
    const question = unansweredLostCardQuestion(server.engine);
    const before = await ask(question);
    expect(before.outcome.action).not.toBe('answer');
    const group = (await groupWith(question))!;
    const res = await editor.request('POST', '/api/staff/unanswered/actions', { action: 'add-variants', ids: group.ids, topicId: 'ktp.lost' });
    expect(res.status).toBe(200);
    expect(server.engine.topic('ktp.lost')!.content.id.questions).toContain(question);
    const after = await ask(question);
    expect(after.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.lost' });
    expect(await groupWith(question)).toBeUndefined();
    const cases = fs.readFileSync(path.join(server.dataDir, 'regressions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(cases).toContainEqual({ text: question, locale: 'id', label: 'ktp.lost' });
  });

  it('creates a new entry draft pre-filled with the group\'s phrasings in their locales', async () => {
    await ask('how do I renew my passport abroad', 'en');
    const group = (await groupWith('how do I renew my passport abroad'))!;
    const res = await editor.request('POST', '/api/staff/unanswered/actions', { action: 'create-entry', ids: group.ids, id: 'service.passport', area: 'service' });
    expect(res.status).toBe(201);
    expect(res.body.draft.topic.content.en.questions).toContain('how do I renew my passport abroad');
    expect(res.body.draft.pendingRegressions).toContainEqual({ text: 'how do I renew my passport abroad', locale: 'en' });
    const entry = await editor.request('GET', '/api/staff/kb/entries/service.passport');
    expect(entry.body.status).toBe('new');
    expect(entry.body.problems.length).toBeGreaterThan(0);
  });

  it('marks a group out of scope: the bot still declines but stops logging that question as new', async () => {
    const group = (await groupWith('resep rendang padang'))!;
    const res = await editor.request('POST', '/api/staff/unanswered/actions', { action: 'out-of-scope', ids: group.ids });
    expect(res.status).toBe(200);
    const again = await ask('resep rendang padang');
    expect(again.outcome.action).not.toBe('answer');
    expect(await groupWith('resep rendang padang')).toBeUndefined();
  });

  it('dismisses a group, and audits every review action with the editor and the questions', async () => {
    await ask('jadwal kereta api besok pagi');
    const group = (await groupWith('jadwal kereta api besok pagi'))!;
    expect((await editor.request('POST', '/api/staff/unanswered/actions', { action: 'dismiss', ids: group.ids })).status).toBe(200);
    expect(await groupWith('jadwal kereta api besok pagi')).toBeUndefined();
    const admin = await createStaff(server.url, 'admin');
    const audit = (await admin.request('GET', '/api/staff/audit?entityType=unanswered')).body.records;
    expect(audit.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['variant', 'new-entry', 'out-of-scope', 'dismissed']));
    expect(audit.every((r: { actorEmail: string }) => r.actorEmail === editor.user.email)).toBe(true);
  });

  it('rejects an action without ids or with an unknown action, saying what to send', async () => {
    const res = await editor.request('POST', '/api/staff/unanswered/actions', { action: 'promote', ids: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/action/);
  });
});
