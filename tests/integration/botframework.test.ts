import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeConnector } from '../fakes/bot-connector.ts';
import { messageActivity } from '../fixtures/bot-activity.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  server = await startTestServer();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await server.dispose();
  await connector.close();
});

function activity(text: string, id: string) {
  return messageActivity({ serviceUrl: connector.url, conversationId: 'conv-bf-1', id, text });
}

it('answers a real Bot Framework activity on /api/messages by posting the reply to the connector', async () => {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity('berapa biaya membuat ktp elektronik', 'act-1')),
  });
  expect(res.status).toBe(200);
  const reply = connector.calls.find((c) => c.url === '/v3/conversations/conv-bf-1/activities/act-1');
  expect(reply).toBeDefined();
  expect(reply!.body.type).toBe('message');
  expect(reply!.body.channelData.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.fee' });
  expect(reply!.body.text).toContain(server.engine.topic('ktp.fee')!.content.id.answer.slice(0, 40));
  // Unauthenticated local mode: no MICROSOFT_APP_ID, so no token is attached.
  expect(reply!.authorization).toBeUndefined();
});

it('returns replies in the HTTP response when the channel asks for expectReplies', async () => {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity('resep rendang', 'act-2'), deliveryMode: 'expectReplies' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: { text: string; channelData: { outcome: { action: string } }; suggestedActions?: unknown }[] };
  expect(body.activities[0].channelData.outcome.action).toBe('fallback');
  expect(body.activities[0].suggestedActions).toBeDefined();
});

it('refuses, without an app id, an activity whose serviceUrl is not local, so the server cannot be made to post elsewhere', async () => {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity('halo', 'act-3'), serviceUrl: 'http://10.0.0.5/internal-admin' }),
  });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/MICROSOFT_APP_ID/);
  expect(connector.calls.some((c) => c.url.includes('act-3'))).toBe(false);
});

it('answers 400 with a JSON message for a body that is not an activity', async () => {
  const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(400);
});
