import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, postJson, startTestServer, tokenHeaders, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

describe('POST /api/chat', () => {
  it('answers "Apa saja syarat membuat KTP elektronik?" from ktp.requirements in Indonesian, with its source', async () => {
    const res = await chat(server, 'req-1', 'Apa saja syarat membuat KTP elektronik?');
    expect(res.conversationId).toBe('req-1');
    expect(res.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.requirements', intent: 'faq', locale: 'id' });
    expect(res.outcome.confidence).toBeGreaterThan(0);
    expect(res.outcome.confidence).toBeLessThanOrEqual(1);
    expect(res.replies[0].text).toMatch(/KK|Kartu Keluarga/);
    expect(res.replies[0].sourceUrl).toMatch(/^https?:\/\//);
  });

  it('answers the Javanese "KTP-ku ilang, piye carane ngurus maneh?" from ktp.lost in Javanese', async () => {
    const res = await chat(server, 'jv-1', 'KTP-ku ilang, piye carane ngurus maneh?');
    expect(res.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.lost', locale: 'jv' });
    const topic = server.engine.topic('ktp.lost')!;
    expect(res.replies[0].text).toBe(topic.content.jv.answer);
  });

  it('falls back on "resep rendang", offers an officer, and logs it as unanswered', async () => {
    const res = await chat(server, 'oos-1', 'resep rendang');
    expect(res.outcome).toMatchObject({ action: 'fallback', faqId: null, intent: 'out-of-scope' });
    expect(res.replies[0].suggestions?.some((s) => s.action === 'officer')).toBe(true);
    const { createSqliteStorage } = await import('../../bot/storage/sqlite/sqlite-storage.ts');
    const storage = createSqliteStorage(`${server.dataDir}/layani.db`);
    const logged = await storage.unanswered.list();
    storage.close();
    expect(logged.some((u) => u.text === 'resep rendang' && u.reason === 'fallback' && u.channel === 'web')).toBe(true);
  });

  it('answers in the locale the citizen chose even when the question is in another language', async () => {
    const res = await chat(server, 'loc-1', 'berapa biaya bikin ktp', { locale: 'en' });
    expect(res.outcome).toMatchObject({ faqId: 'ktp.fee', locale: 'en' });
    expect(res.replies[0].text).toBe(server.engine.topic('ktp.fee')!.content.en.answer);
  });

  it('does not count emoji or a bare "?" as questions it failed, so they never call an officer', async () => {
    for (const text of ['👍', '🙏', '?']) {
      const res = await chat(server, 'emoji-1', text);
      expect(res.outcome.action).toBe('smalltalk');
    }
  });

  it('does not read the NIK placeholder as a question about NIKs', async () => {
    const res = await chat(server, 'nik-1', 'ktp saya hilang, nik 3201123456789012');
    expect(res.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.lost' });
  });

  it('greets back as smalltalk', async () => {
    const res = await chat(server, 'hi-1', 'halo selamat pagi');
    expect(res.outcome).toMatchObject({ action: 'smalltalk', intent: 'greeting', faqId: null });
  });

  it('keeps the conversation and its messages in order, masked, for the history endpoint', async () => {
    await chat(server, 'hist-1', 'NIK saya 3201234567890123, KTP saya hilang');
    const res = await fetch(`${server.url}/api/chat/hist-1/messages`, { headers: tokenHeaders('hist-1') });
    const body = (await res.json()) as { messages: { author: string; text: string }[] };
    expect(body.messages[0]).toMatchObject({ author: 'citizen', text: 'NIK saya [NIK], KTP saya hilang' });
    expect(body.messages[1].author).toBe('bot');
  });
});

describe('bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['missing text', { conversationId: 'x' }, /text/],
    ['empty text', { conversationId: 'x', text: '   ' }, /text must not be empty/],
    ['text of the wrong type', { conversationId: 'x', text: 42 }, /text must be a string/],
    ['missing conversation id', { text: 'halo' }, /conversationId/],
    ['unknown locale', { conversationId: 'x', text: 'halo', locale: 'fr' }, /locale must be one of/],
    ['oversized text', { conversationId: 'x', text: 'a'.repeat(1001) }, /at most 1000 characters/],
  ];
  for (const [name, body, message] of cases) {
    it(`answers 400 with a JSON message for ${name}`, async () => {
      const res = await postJson(`${server.url}/api/chat`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });
  }

  it('answers 400 for malformed JSON', async () => {
    const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('answers 404 JSON for an unknown route', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('health', () => {
  it('reports process up and ready with the database open and the knowledge base loaded', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: true, knowledge: true });
  });
});
