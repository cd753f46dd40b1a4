import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createStaff, type StaffSession } from '../helpers/staff-session.ts';

let server: TestServer;
let editor: StaffSession;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  editor = await createStaff(server.url, 'editor');
  await chat(server, 'an-1', 'KTP saya hilang, bagaimana mengurusnya?');
  await chat(server, 'an-1', 'resep rendang padang');
  await chat(server, 'an-2', 'KTP-ku ilang, piye carane ngurus maneh?');
  await chat(server, 'an-3', 'How do I check if I receive social assistance?', { locale: 'en' });
});
afterAll(async () => {
  await server.dispose();
});

describe('analytics API', () => {
  it('counts conversations, messages and answer/fallback rates per day, channel and locale', async () => {
    const res = await editor.request('GET', `/api/staff/analytics?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const { totals, days, rows } = res.body;
    expect(totals).toMatchObject({ conversations: 3, messages: 4, fallback: 1 });
    expect(totals.answer).toBeGreaterThanOrEqual(2);
    expect(totals.answerRate).toBeCloseTo(totals.answer / 4, 3);
    expect(days).toEqual([expect.objectContaining({ day: today, messages: 4 })]);
    expect(rows).toContainEqual(expect.objectContaining({ day: today, channel: 'web', locale: 'jv', conversations: 1, messages: 1 }));
    expect(res.body.topTopics[0]).toMatchObject({ topicId: 'ktp.lost', answers: 2, title: expect.any(String) });
    expect(res.body.topUnanswered[0]).toMatchObject({ text: 'resep rendang padang', count: 1 });
    expect(res.body.sources).toEqual({ feedback: expect.any(Boolean), tickets: expect.any(Boolean) });
  });

  it('filters by locale and fills quiet days with zeros', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await editor.request('GET', `/api/staff/analytics?from=${from}&to=${today}&locale=jv`);
    expect(res.body.days).toHaveLength(3);
    expect(res.body.days[0]).toMatchObject({ messages: 0, answerRate: null });
    expect(res.body.totals).toMatchObject({ conversations: 1, messages: 1 });
  });

  it('exports the same figures as CSV, one line per day, channel and locale', async () => {
    const res = await editor.request('GET', `/api/staff/analytics?from=${today}&to=${today}&format=csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('day,channel,locale,conversations,messages,answer,clarify,fallback,handoff,thumbsUp,thumbsDown,answerRate,clarifyRate,fallbackRate,handoffRate,satisfaction');
    expect(lines.some((l) => l.startsWith(`${today},web,jv,1,1,1,`))).toBe(true);
  });

  it('rejects a range that ends before it starts', async () => {
    const res = await editor.request('GET', '/api/staff/analytics?from=2026-02-01&to=2026-01-01');
    expect(res.status).toBe(400);
  });
});
