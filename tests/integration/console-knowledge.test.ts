import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createStaff, type StaffSession } from '../helpers/staff-session.ts';

let server: TestServer;
let editor: StaffSession;

beforeAll(async () => {
  server = await startTestServer();
  editor = await createStaff(server.url, 'editor');
});
afterAll(async () => {
  await server.dispose();
});

async function entry(id: string) {
  const res = await editor.request('GET', `/api/staff/kb/entries/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function importFile(body: string, format: 'csv' | 'json') {
  const res = await fetch(`${server.url}/api/staff/kb/import?format=${format}`, {
    method: 'POST',
    headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, 'content-type': format === 'csv' ? 'text/csv' : 'application/json' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('knowledge base curation API', () => {
  it('lists every published entry with locale completeness, and filters by area, text and missing locale', async () => {
    const all = await editor.request('GET', '/api/staff/kb/entries');
    expect(all.body.entries).toHaveLength(32);
    expect(all.body.entries[0]).toMatchObject({ status: 'published', complete: { id: true, en: true, jv: true, su: true } });
    const ktp = await editor.request('GET', '/api/staff/kb/entries?area=ktp');
    expect(ktp.body.entries.length).toBeGreaterThan(0);
    expect(ktp.body.entries.every((e: { area: string }) => e.area === 'ktp')).toBe(true);
    const search = await editor.request('GET', '/api/staff/kb/entries?q=hilang');
    expect(search.body.entries.map((e: { id: string }) => e.id)).toContain('ktp.lost');
    const missing = await editor.request('GET', '/api/staff/kb/entries?missing=su');
    expect(missing.body.entries).toHaveLength(0);
  });

  it('keeps an edit as a draft until it is published, then the bot gives the new answer without a restart', async () => {
    const { published } = await entry('ktp.lost');
    const edited = structuredClone(published);
    edited.content.id.answer = 'Jawaban baru: lapor ke Dukcapil terdekat dengan membawa KK dan surat kehilangan.';
    const saved = await editor.request('PUT', '/api/staff/kb/entries/ktp.lost/draft', edited);
    expect(saved.status).toBe(200);
    const before = await chat(server, 'kb-draft-1', 'KTP saya hilang, bagaimana mengurusnya?');
    expect(before.replies[0].text).toBe(published.content.id.answer);

    const detail = await entry('ktp.lost');
    expect(detail.status).toBe('draft');
    expect(detail.changes).toEqual([{ field: 'content.id.answer', before: published.content.id.answer, after: edited.content.id.answer }]);

    const pub = await editor.request('POST', '/api/staff/kb/publish', { message: 'Fix lost KTP answer' });
    expect(pub.status).toBe(200);
    expect(pub.body.changes).toEqual([expect.objectContaining({ topicId: 'ktp.lost', change: 'changed' })]);
    const after = await chat(server, 'kb-draft-2', 'KTP saya hilang, bagaimana mengurusnya?');
    expect(after.outcome.faqId).toBe('ktp.lost');
    expect(after.replies[0].text).toBe(edited.content.id.answer);
    expect((await entry('ktp.lost')).status).toBe('published');
  });

  it('shows each revision with a per-field diff, and rolls back to an earlier one as a new revision', async () => {
    const revisions = (await editor.request('GET', '/api/staff/kb/revisions')).body.revisions;
    expect(revisions[0].message).toBe('Fix lost KTP answer');
    const diff = await editor.request('GET', `/api/staff/kb/revisions/${revisions[0].id}`);
    expect(diff.body.changes[0].fields[0].field).toBe('content.id.answer');

    const first = revisions[revisions.length - 1];
    const rolled = await editor.request('POST', `/api/staff/kb/revisions/${first.id}/rollback`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.revision).toMatchObject({ rollbackOf: first.id, message: `Rolled back to revision ${first.id}` });
    const original = server.engine.topic('ktp.lost')!.content.id.answer;
    expect(original).not.toMatch(/^Jawaban baru/);
    const reply = await chat(server, 'kb-rollback', 'KTP saya hilang, bagaimana mengurusnya?');
    expect(reply.replies[0].text).toBe(original);
  });

  it('refuses to publish an entry with a missing Sundanese answer and names the entry and field', async () => {
    const { published } = await entry('ktp.fee');
    const broken = structuredClone(published);
    broken.content.su.answer = '';
    await editor.request('PUT', '/api/staff/kb/entries/ktp.fee/draft', broken);
    const listed = await editor.request('GET', '/api/staff/kb/entries?missing=su');
    expect(listed.body.entries.map((e: { id: string }) => e.id)).toEqual(['ktp.fee']);
    const pub = await editor.request('POST', '/api/staff/kb/publish', {});
    expect(pub.status).toBe(422);
    expect(pub.body.error.details).toEqual([{ topicId: 'ktp.fee', problems: ['content.su.answer: answer is missing'] }]);
    expect((await editor.request('DELETE', '/api/staff/kb/entries/ktp.fee/draft')).status).toBe(204);
    expect((await entry('ktp.fee')).status).toBe('published');
  });

  it('finds entries past their review date with the stale filter', async () => {
    expect((await editor.request('GET', '/api/staff/kb/entries?stale=true')).body.entries).toEqual([]);
    const { published } = await entry('ktp.fee');
    const overdue = { ...structuredClone(published), reviewBy: '2020-01-01' };
    await editor.request('PUT', `/api/staff/kb/entries/${published.id}/draft`, overdue);
    const stale = (await editor.request('GET', '/api/staff/kb/entries?stale=true')).body.entries;
    expect(stale).toEqual([expect.objectContaining({ id: published.id, stale: true, status: 'draft' })]);
    await editor.request('DELETE', `/api/staff/kb/entries/${published.id}/draft`);
  });

  it('creates a new entry as a draft, publishes it, and deletes it again through a draft', async () => {
    const base = (await entry('ktp.lost')).published;
    const topic = { ...structuredClone(base), id: 'ktp.test-new', sourceUrl: 'https://dukcapil.kemendagri.go.id/' };
    for (const l of ['id', 'en', 'jv', 'su'] as const) topic.content[l].questions = [`pertanyaan zebra unik ${l}`];
    const created = await editor.request('POST', '/api/staff/kb/entries', topic);
    expect(created.status).toBe(201);
    expect((await editor.request('POST', '/api/staff/kb/entries', topic)).status).toBe(409);
    await editor.request('POST', '/api/staff/kb/publish', { topicIds: ['ktp.test-new'] });
    expect(server.engine.topic('ktp.test-new')).toBeDefined();
    const del = await editor.request('DELETE', '/api/staff/kb/entries/ktp.test-new');
    expect(del.body.draft.deleted).toBe(true);
    await editor.request('POST', '/api/staff/kb/publish', {});
    expect(server.engine.topic('ktp.test-new')).toBeUndefined();
  });

  it('"try it" shows the decision, the reply and the top candidates with scores, also over drafts', async () => {
    const res = await editor.request('POST', '/api/staff/try', { text: 'KTP-ku ilang piye?' });
    expect(res.body.decision).toMatchObject({ action: 'answer', topicId: 'ktp.lost' });
    expect(res.body.trace.locale).toBe('jv');
    expect(res.body.trace.candidates[0]).toMatchObject({ topicId: 'ktp.lost', title: expect.any(String), score: expect.any(Number) });
    expect(res.body.replies[0].text).toBe(server.engine.topic('ktp.lost')!.content.jv.answer);

    const { published } = await entry('ktp.lost');
    const draft = structuredClone(published);
    draft.content.jv.answer = 'Wangsulan draf anyar.';
    await editor.request('PUT', '/api/staff/kb/entries/ktp.lost/draft', draft);
    const withDrafts = await editor.request('POST', '/api/staff/try', { text: 'KTP-ku ilang piye?', drafts: true });
    expect(withDrafts.body.replies[0].text).toBe('Wangsulan draf anyar.');
    await editor.request('DELETE', '/api/staff/kb/entries/ktp.lost/draft');
  });

  it('exports CSV and JSON that import back with no change (round trip)', async () => {
    const csv = await editor.request('GET', '/api/staff/kb/export?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    expect(csv.body.startsWith('id,area,sourceUrl,lastReviewed,reviewBy,locale,title,questions,answer')).toBe(true);
    const csvBack = await importFile(csv.body, 'csv');
    expect(csvBack.status).toBe(200);
    expect(csvBack.body).toMatchObject({ created: [], updated: [] });
    expect(csvBack.body.unchanged).toHaveLength(32);

    const json = await editor.request('GET', '/api/staff/kb/export');
    const jsonBack = await importFile(JSON.stringify(json.body), 'json');
    expect(jsonBack.body.unchanged).toHaveLength(32);
  });

  it('imports an edited CSV as drafts, and rejects a CSV with one bad row naming that row and saving nothing', async () => {
    const csv: string = (await editor.request('GET', '/api/staff/kb/export?format=csv')).body;
    const edited = csv.replace('Syarat KTP baru', 'Syarat KTP pertama');
    const ok = await importFile(edited, 'csv');
    expect(ok.body.updated).toEqual(['ktp.requirements']);
    expect((await entry('ktp.requirements')).draft.topic.content.id.title).toBe('Syarat KTP pertama');
    await editor.request('DELETE', '/api/staff/kb/entries/ktp.requirements/draft');

    const lines = csv.split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('ktp.fee,') && l.includes(',en,'));
    lines[row] = lines[row].replace(',en,', ',xx,');
    const bad = await importFile(lines.join('\r\n'), 'csv');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_import');
    expect(bad.body.error.details.errors).toContainEqual({ row: expect.any(Number), entryId: 'ktp.fee', message: 'locale "xx" is not one of id, en, jv, su' });
    expect((await editor.request('GET', '/api/staff/kb/entries?status=draft')).body.entries).toHaveLength(0);
  });

  it('records every draft, publish and rollback in the audit log with before and after', async () => {
    const admin = await createStaff(server.url, 'admin');
    const res = await admin.request('GET', '/api/staff/audit?entityType=entry&entityId=ktp.lost');
    const actions = res.body.records.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['draft.save', 'update', 'draft.discard']));
    const update = res.body.records.find((r: { action: string }) => r.action === 'update');
    expect(update.actorEmail).toBe(editor.user.email);
    expect(update.before.content.id).toBeDefined();
    expect(update.after.content.id).toBeDefined();
  });
});
