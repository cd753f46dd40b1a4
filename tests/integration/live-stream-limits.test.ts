import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream, type EventStreamClient } from '../helpers/event-stream.ts';
import { newOfficer } from '../helpers/handoff.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer | undefined;
let open: EventStreamClient[] = [];
afterEach(async () => {
  for (const s of open) s.close();
  open = [];
  await server?.dispose();
});

async function listen(path: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  const stream = await openEventStream(`${server!.url}${path}`, headers);
  open.push(stream);
  return stream;
}

const refused = (path: string) => fetch(`${server!.url}${path}`, { headers: { accept: 'text/event-stream' } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('live event streams are capped', () => {
  it('lets one chat listen from four tabs, refuses a fifth with a 429 that says what to do, and admits it again once a tab closes', async () => {
    server = await startTestServer({ LIVE_STREAM_LIMIT: '100' });
    const tabs = await Promise.all([1, 2, 3, 4].map(() => listen('/api/chat/tabs-1/events')));
    expect(tabs.map((t) => t.status)).toEqual([200, 200, 200, 200]);

    const fifth = await refused('/api/chat/tabs-1/events');
    expect(fifth.status).toBe(429);
    expect(await errorOf(fifth)).toMatchObject({ code: 'too_many_streams', message: expect.stringContaining('close another tab') });

    tabs[0].close();
    let again: EventStreamClient | undefined;
    for (let i = 0; i < 100; i++) {
      again = await listen('/api/chat/tabs-1/events');
      if (again.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(again?.status).toBe(200);
  });

  it("refuses citizens' new streams with 503 at LIVE_STREAM_LIMIT, never counts or refuses officers, and keeps serving chat", async () => {
    server = await startTestServer({ LIVE_STREAM_LIMIT: '2' });
    const officer = await newOfficer(server.url);
    expect((await listen('/api/staff/events', { cookie: officer.cookie })).status).toBe(200);
    expect((await listen('/api/chat/citizen-1/events')).status).toBe(200);
    expect((await listen('/api/chat/citizen-2/events')).status).toBe(200);

    const over = await refused('/api/chat/citizen-3/events');
    expect(over.status).toBe(503);
    expect(await errorOf(over)).toMatchObject({ code: 'busy', message: expect.stringContaining('Try again') });
    expect((await listen('/api/staff/events', { cookie: officer.cookie })).status).toBe(200);

    const chat = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'citizen-3', text: 'syarat bikin ktp' }),
    });
    expect(chat.status).toBe(200);
  });
});
