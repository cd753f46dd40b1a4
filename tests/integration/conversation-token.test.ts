import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/event-stream.ts';
import { postJson, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

const newId = () => `tok-${Math.random().toString(36).slice(2)}`;
const withToken = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { 'x-conversation-token': token });

/** Starts a conversation without offering a token, as an integration would, and returns what the server issued. */
async function started(conversationId = newId()) {
  const res = await postJson(`${server.url}/api/chat`, { conversationId, text: 'syarat bikin ktp pertama kali' });
  expect(res.status).toBe(200);
  return { conversationId, token: res.body.conversationToken as string, messageId: res.body.replies[0].messageId as number };
}

/** The status of each route of one conversation when the request presents `token` (or none). */
async function statuses(conversationId: string, messageId: number, token: string | undefined) {
  const headers = withToken(token);
  const base = `${server.url}/api/chat/${conversationId}`;
  const events = await fetch(`${base}/events`, { headers: { accept: 'text/event-stream', ...headers } });
  await events.body?.cancel();
  return {
    turn: (await postJson(`${server.url}/api/chat`, { conversationId, text: 'halo' }, headers)).status,
    history: (await fetch(`${base}/messages`, { headers })).status,
    events: events.status,
    feedback: (await postJson(`${base}/feedback`, { messageId, rating: 'up' }, headers)).status,
  };
}

const all = (status: number) => ({ turn: status, history: status, events: status, feedback: status });

describe('a web conversation is opened by its token', () => {
  it('the first turn returns a new random token, 256 bits in base64url', async () => {
    const { token } = await started();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await started()).token).not.toBe(token);
  });

  it('refuses the turn, the history, the live events and a rating without the token, with 401 conversation_token', async () => {
    const { conversationId, messageId } = await started();
    expect(await statuses(conversationId, messageId, undefined)).toEqual(all(401));
    const refused = await fetch(`${server.url}/api/chat/${conversationId}/messages`);
    expect(await refused.json()).toEqual({
      error: { code: 'conversation_token', message: expect.stringContaining('This chat belongs to another browser or device; start a new chat.') },
    });
  });

  it('refuses a wrong token, and another conversation’s token', async () => {
    const { conversationId, messageId } = await started();
    const other = await started();
    expect(await statuses(conversationId, messageId, 'x'.repeat(43))).toEqual(all(401));
    expect(await statuses(conversationId, messageId, 'short')).toEqual(all(401));
    expect(await statuses(conversationId, messageId, other.token)).toEqual(all(401));
  });

  it('opens everything with the right token, from the header or, for live events, from ?token=', async () => {
    const { conversationId, token, messageId } = await started();
    expect(await statuses(conversationId, messageId, token)).toEqual(all(200));
    const stream = await openEventStream(`${server.url}/api/chat/${conversationId}/events?token=${token}`);
    expect(stream.status).toBe(200);
    stream.close();
    const history = await (await fetch(`${server.url}/api/chat/${conversationId}/messages`, { headers: withToken(token) })).json();
    expect(history.messages.map((m: { author: string }) => m.author)).toEqual(['citizen', 'bot', 'citizen', 'bot']);
  });

  it('only the turn takes a token from the query; history and ratings need the header', async () => {
    const { conversationId, token } = await started();
    expect((await fetch(`${server.url}/api/chat/${conversationId}/messages?token=${token}`)).status).toBe(401);
  });
});

describe('a token the client made itself', () => {
  it('is kept by the first turn, so a retry of that turn is answered from it with the same token', async () => {
    const conversationId = newId();
    const token = 'made-by-the-widget-0123456789abcdefghijklmn';
    const message = { conversationId, text: 'syarat bikin ktp pertama kali', clientMessageId: 'first' };
    const first = await postJson(`${server.url}/api/chat`, message, withToken(token));
    const retry = await postJson(`${server.url}/api/chat`, message, withToken(token));

    expect(first.body.conversationToken).toBe(token);
    expect(retry.body).toEqual(first.body);
    expect((await postJson(`${server.url}/api/chat`, message)).status).toBe(401);
    const history = await (await fetch(`${server.url}/api/chat/${conversationId}/messages`, { headers: withToken(token) })).json();
    expect(history.messages.filter((m: { author: string }) => m.author === 'citizen')).toHaveLength(1);
  });

  it('must be 22–128 base64url characters to start a conversation', async () => {
    const res = await postJson(`${server.url}/api/chat`, { conversationId: newId(), text: 'halo' }, withToken('too-short'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('X-Conversation-Token must be 22–128 base64url characters');
  });
});

describe('a conversation from before tokens', () => {
  it('keeps working without a token until its next turn issues one, which is required from then on', async () => {
    const { conversationId, messageId } = await started();
    const db = new Database(server.config.databaseFile);
    try {
      db.prepare('DELETE FROM conversation_tokens WHERE conversation_id = ?').run(conversationId);
    } finally {
      db.close();
    }
    const history = await fetch(`${server.url}/api/chat/${conversationId}/messages`);
    expect(history.status).toBe(200);
    expect((await history.json()).messages).toHaveLength(2);
    expect((await postJson(`${server.url}/api/chat/${conversationId}/feedback`, { messageId, rating: 'up' })).status).toBe(200);

    const next = await postJson(`${server.url}/api/chat`, { conversationId, text: 'halo' });
    expect(next.status).toBe(200);
    expect(next.body.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await statuses(conversationId, messageId, undefined)).toEqual(all(401));
    expect(await statuses(conversationId, messageId, next.body.conversationToken)).toEqual(all(200));
  });
});

describe('the token in the logs', () => {
  it('never reaches a log line, and ?token= is logged as [REDACTED]', async () => {
    const lines: string[] = [];
    const logged = await startTestServer({ LOG_LEVEL: 'debug' }, undefined, {
      logDestination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }),
    });
    const conversationId = newId();
    let token = '';
    try {
      const first = await postJson(`${logged.url}/api/chat`, { conversationId, text: 'syarat bikin ktp' });
      token = first.body.conversationToken;
      const headers = withToken(token);
      await postJson(`${logged.url}/api/chat`, { conversationId, text: 'halo' }, headers);
      await fetch(`${logged.url}/api/chat/${conversationId}/messages`, { headers });
      await fetch(`${logged.url}/api/chat/${conversationId}/messages?token=${token}`);
      const stream = await openEventStream(`${logged.url}/api/chat/${conversationId}/events?after=0&token=${token}`);
      expect(stream.status).toBe(200);
      await fetch(`${logged.url}/api/chat/${conversationId}/events?token=${token}x`);
    } finally {
      await logged.dispose();
    }
    const log = lines.join('');
    expect(token).not.toBe('');
    expect(log).not.toContain(token);
    expect(log).toContain(`/api/chat/${conversationId}/events?after=0&token=[REDACTED]`);
    expect(log).toContain(`/api/chat/${conversationId}/messages?token=[REDACTED]`);
  });
});
