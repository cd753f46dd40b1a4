import { afterAll, beforeAll, expect, it } from 'vitest';
import { postJson, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT: '3' });
});
afterAll(async () => {
  await server.dispose();
});

it('answers 429 with a JSON message once a conversation exceeds RATE_LIMIT messages a minute, without touching other conversations', async () => {
  const statuses: number[] = [];
  const noisy = { 'x-conversation-token': 'noisy-token-made-by-the-client' };
  for (let i = 0; i < 4; i++) statuses.push((await postJson(`${server.url}/api/chat`, { conversationId: 'noisy', text: 'halo' }, noisy)).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  const limited = await postJson(`${server.url}/api/chat`, { conversationId: 'noisy', text: 'halo' }, noisy);
  expect(limited.body.error.code).toBe('rate_limited');
  expect((await postJson(`${server.url}/api/chat`, { conversationId: 'quiet', text: 'halo' })).status).toBe(200);
});
