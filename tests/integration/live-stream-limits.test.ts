import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStreamClient } from '../helpers/event-stream.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const open: EventStreamClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ LIVE_STREAM_LIMIT: '6' });
});
afterAll(async () => {
  for (const s of open) s.close();
  await server.dispose();
});

async function listen(conversationId: string): Promise<EventStreamClient> {
  const stream = await openEventStream(`${server.url}/api/chat/${conversationId}/events`);
  open.push(stream);
  return stream;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('live event streams are capped', () => {
  it('lets one chat listen from four tabs, refuses a fifth with a 429 that says what to do, and admits it again once a tab closes', async () => {
    const tabs = await Promise.all([1, 2, 3, 4].map(() => listen('tabs-1')));
    expect(tabs.map((t) => t.status)).toEqual([200, 200, 200, 200]);

    const fifth = await fetch(`${server.url}/api/chat/tabs-1/events`, { headers: { accept: 'text/event-stream' } });
    expect(fifth.status).toBe(429);
    expect(await errorOf(fifth)).toMatchObject({ code: 'too_many_streams', message: expect.stringContaining('close another tab') });

    tabs[0].close();
    let again: EventStreamClient | undefined;
    for (let i = 0; i < 100; i++) {
      again = await listen('tabs-1');
      if (again.status === 200) break;
      again.close();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(again?.status).toBe(200);
  });

  it('refuses new streams with 503 once the process holds LIVE_STREAM_LIMIT of them, and keeps serving chat', async () => {
    // Four streams of the first test are still open.
    expect((await listen('other-1')).status).toBe(200);
    expect((await listen('other-2')).status).toBe(200);
    const over = await fetch(`${server.url}/api/chat/other-3/events`, { headers: { accept: 'text/event-stream' } });
    expect(over.status).toBe(503);
    expect(await errorOf(over)).toMatchObject({ code: 'busy', message: expect.stringContaining('Try again') });

    const chat = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'other-3', text: 'syarat bikin ktp' }),
    });
    expect(chat.status).toBe(200);
  });
});
