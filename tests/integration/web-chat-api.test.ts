import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

/** Each conversation's token, made on the client as the widget does, so that a retry carries the same one. */
const tokens = new Map<string, string>();
const tokenOf = (id: string) => tokens.get(id) ?? tokens.set(id, randomBytes(32).toString('base64url')).get(id)!;
const tokenHeader = (id: string | undefined): Record<string, string> => (id ? { 'x-conversation-token': tokenOf(id) } : {});
const post = (path: string, body: { conversationId?: string; [key: string]: unknown }) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...tokenHeader(body.conversationId ?? path.split('/')[3]) },
    body: JSON.stringify(body),
  });
const history = async (id: string) =>
  (await (await fetch(`${server.url}/api/chat/${id}/messages`, { headers: tokenHeader(id) })).json()).messages as Record<string, unknown>[];
/** Status of a plain conditional GET (fetch() would add Cache-Control: no-cache to it, per the Fetch spec). */
const revalidate = (path: string, headers: Record<string, string>) =>
  new Promise<number | undefined>((resolve, reject) => {
    http.get(`${server.url}${path}`, { headers }, (res) => resolve(res.resume().statusCode)).on('error', reject);
  });
const newId = () => `it-${Math.random().toString(36).slice(2)}`;

describe('POST /api/chat with a clientMessageId', () => {
  it('answers a repeated message from the first turn and stores it once', async () => {
    const conversationId = newId();
    const message = { conversationId, text: 'syarat bikin ktp pertama kali', clientMessageId: 'c-1' };
    const first = await (await post('/api/chat', message)).json();
    const again = await (await post('/api/chat', message)).json();

    expect(again).toEqual(first);
    expect(first.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.requirements' });
    const stored = await history(conversationId);
    expect(stored.map((m) => m.author)).toEqual(['citizen', 'bot']);
  });

  it('makes one turn when two copies of a message arrive at the same time', async () => {
    const conversationId = newId();
    const message = { conversationId, text: 'halo', clientMessageId: 'same' };
    const results = await Promise.all([post('/api/chat', message), post('/api/chat', message), post('/api/chat', message)]);
    const bodies = await Promise.all(results.map((r) => r.json()));

    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect((await history(conversationId)).filter((m) => m.author === 'citizen')).toHaveLength(1);
  });

  it('treats different client message ids, and the same id in another conversation, as new messages', async () => {
    const a = newId();
    const b = newId();
    await post('/api/chat', { conversationId: a, text: 'halo', clientMessageId: 'x' });
    await post('/api/chat', { conversationId: a, text: 'halo', clientMessageId: 'y' });
    await post('/api/chat', { conversationId: b, text: 'halo', clientMessageId: 'x' });

    expect((await history(a)).filter((m) => m.author === 'citizen')).toHaveLength(2);
    expect((await history(b)).filter((m) => m.author === 'citizen')).toHaveLength(1);
  });

  it('rejects a malformed clientMessageId with a message saying what it must be', async () => {
    const response = await post('/api/chat', { conversationId: newId(), text: 'halo', clientMessageId: 'has spaces' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('clientMessageId must be 1–64 letters, digits, _ or -');
  });

  it('uses localeHint when the citizen has not chosen, and lets an explicit locale win over it', async () => {
    const hinted = await (await post('/api/chat', { conversationId: newId(), text: 'KTP', localeHint: 'en' })).json();
    const chosen = await (await post('/api/chat', { conversationId: newId(), text: 'KTP', localeHint: 'en', locale: 'su' })).json();
    expect(hinted.outcome.locale).toBe('en');
    expect(chosen.outcome.locale).toBe('su');
  });
});

describe('replies and history carry message ids', () => {
  it('gives every reply the id under which the history lists it', async () => {
    const conversationId = newId();
    const result = await (await post('/api/chat', { conversationId, text: 'syarat bikin ktp pertama kali' })).json();
    const stored = await history(conversationId);
    expect(result.replies.map((r: { messageId: number }) => r.messageId)).toEqual(stored.filter((m) => m.author === 'bot').map((m) => m.id));
  });
});

describe('POST /api/chat/:conversationId/feedback', () => {
  async function answered() {
    const conversationId = newId();
    const result = await (await post('/api/chat', { conversationId, text: 'syarat bikin ktp pertama kali' })).json();
    return { conversationId, messageId: result.replies[0].messageId as number };
  }

  it('stores a thumbs-up and shows it in the history', async () => {
    const { conversationId, messageId } = await answered();
    const response = await post(`/api/chat/${conversationId}/feedback`, { messageId, rating: 'up' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ messageId, rating: 'up' });
    expect((await history(conversationId)).find((m) => m.id === messageId)).toMatchObject({ rating: 'up' });
  });

  it('lets the citizen change their mind: the latest rating is the one kept', async () => {
    const { conversationId, messageId } = await answered();
    await post(`/api/chat/${conversationId}/feedback`, { messageId, rating: 'down' });
    await post(`/api/chat/${conversationId}/feedback`, { messageId, rating: 'up' });
    expect((await history(conversationId)).find((m) => m.id === messageId)).toMatchObject({ rating: 'up' });
  });

  it('answers 404 for a message of another conversation, and 400 for rating the citizen’s own message', async () => {
    const { messageId } = await answered();
    const other = await answered();
    const foreign = await post(`/api/chat/${other.conversationId}/feedback`, { messageId, rating: 'down' });
    expect(foreign.status).toBe(404);
    const own = await post(`/api/chat/${other.conversationId}/feedback`, { messageId: other.messageId - 1, rating: 'down' });
    expect(own.status).toBe(400);
    expect((await own.json()).error.message).toBe("Only the assistant's answers can be rated.");
  });

  it('rejects a rating other than up or down', async () => {
    const { conversationId, messageId } = await answered();
    const response = await post(`/api/chat/${conversationId}/feedback`, { messageId, rating: 'meh' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('rating must be "up" or "down"');
  });
});

describe('CORS on the public chat API', () => {
  it('answers a preflight from any site by default, without credentials', async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'https://disdukcapil.contoh.go.id', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('Content-Type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sends CORS headers on chat responses and errors, and none outside the chat API', async () => {
    const ok = await post('/api/chat', { conversationId: newId(), text: 'halo' });
    const bad = await post('/api/chat', { conversationId: newId(), text: '' });
    const health = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://contoh.go.id' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with WIDGET_ALLOWED_ORIGINS set, allows only the listed sites', async () => {
    const listed = await startTestServer({ WIDGET_ALLOWED_ORIGINS: 'https://disdukcapil.contoh.go.id, https://contoh.go.id' });
    try {
      const preflight = (origin: string) =>
        fetch(`${listed.url}/api/chat`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      const allowed = await preflight('https://contoh.go.id');
      const refused = await preflight('https://elsewhere.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://contoh.go.id');
      expect(allowed.headers.get('vary')).toContain('Origin');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listed.dispose();
    }
  });
});

describe('the widget script and the demo page', () => {
  it('serves /widget.js compressed to any site, cacheable for a few minutes and revalidated by ETag', async () => {
    const gz = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-type')).toMatch(/javascript/);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toContain('Accept-Encoding');
    expect(gz.headers.get('access-control-allow-origin')).toBe('*');
    expect(gz.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(await gz.text()).toContain('Layani widget');

    const br = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await revalidate('/widget.js', { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! })).toBe(304);
  });

  it('serves the demo portal at / with the one-line embed and a CSP that allows no inline script', async () => {
    const response = await fetch(`${server.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<script src="/widget.js" data-locale="id"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('serves no demo page when DEMO_PAGE=off', async () => {
    const plain = await startTestServer({ DEMO_PAGE: 'off' });
    try {
      expect((await fetch(`${plain.url}/`)).status).toBe(404);
      expect((await fetch(`${plain.url}/widget.js`)).status).toBe(200);
    } finally {
      await plain.dispose();
    }
  });
});
