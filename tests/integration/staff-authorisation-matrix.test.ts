import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createStaff, loginAsAdmin, type StaffSession } from '../helpers/staff-session.ts';

type Role = 'anonymous' | 'officer' | 'editor' | 'admin';
type Expect = 'allowed' | 401 | 403;

/**
 * Every staff endpoint × every kind of caller. "allowed" means the role check let the request
 * through (the endpoint then answered, possibly 400/404 for the deliberately harmless input).
 */
const E = { anonymous: 401, officer: 403, editor: 'allowed', admin: 'allowed' } as const;
const EO = { anonymous: 401, officer: 'allowed', editor: 'allowed', admin: 'allowed' } as const;
const A = { anonymous: 401, officer: 403, editor: 403, admin: 'allowed' } as const;
const ANY = { anonymous: 401, officer: 'allowed', editor: 'allowed', admin: 'allowed' } as const;

const MATRIX: { method: string; path: string; body?: unknown; expected: Record<Role, Expect> }[] = [
  { method: 'GET', path: '/api/staff/me', expected: ANY },
  { method: 'GET', path: '/api/staff/kb/entries', expected: EO },
  { method: 'POST', path: '/api/staff/kb/entries', body: {}, expected: E },
  { method: 'GET', path: '/api/staff/kb/entries/ktp.lost', expected: EO },
  { method: 'DELETE', path: '/api/staff/kb/entries/ktp.none', expected: E },
  { method: 'PUT', path: '/api/staff/kb/entries/ktp.lost/draft', body: {}, expected: E },
  { method: 'DELETE', path: '/api/staff/kb/entries/ktp.none/draft', expected: E },
  { method: 'POST', path: '/api/staff/kb/publish', body: { topicIds: ['none.none'] }, expected: E },
  { method: 'GET', path: '/api/staff/kb/revisions', expected: EO },
  { method: 'GET', path: '/api/staff/kb/revisions/1', expected: EO },
  { method: 'POST', path: '/api/staff/kb/revisions/999/rollback', body: {}, expected: E },
  { method: 'GET', path: '/api/staff/kb/export?format=csv', expected: EO },
  { method: 'POST', path: '/api/staff/kb/import?format=csv', body: 'x', expected: E },
  { method: 'POST', path: '/api/staff/try', body: { text: 'ktp hilang' }, expected: EO },
  { method: 'GET', path: '/api/staff/unanswered', expected: E },
  { method: 'POST', path: '/api/staff/unanswered/actions', body: { action: 'dismiss', ids: [] }, expected: E },
  { method: 'GET', path: '/api/staff/analytics', expected: E },
  { method: 'GET', path: '/api/staff/users', expected: A },
  { method: 'POST', path: '/api/staff/users', body: {}, expected: A },
  { method: 'PATCH', path: '/api/staff/users/none', body: {}, expected: A },
  { method: 'POST', path: '/api/staff/users/none/password', body: {}, expected: A },
  { method: 'GET', path: '/api/staff/audit', expected: A },
  { method: 'GET', path: '/api/staff/settings', expected: A },
  { method: 'PUT', path: '/api/staff/settings', body: { answerThreshold: 7 }, expected: A },
  { method: 'POST', path: '/api/staff/privacy/erase', body: { conversationId: 'none', reason: 'matrix check' }, expected: A },
];

let server: TestServer;
const sessions: Partial<Record<Role, StaffSession>> = {};

beforeAll(async () => {
  server = await startTestServer();
  sessions.officer = await createStaff(server.url, 'officer');
  sessions.editor = await createStaff(server.url, 'editor');
  sessions.admin = await loginAsAdmin(server.url);
});
afterAll(async () => {
  await server.dispose();
});

async function call(role: Role, method: string, path: string, body: unknown, withCsrf = true): Promise<number> {
  const session = sessions[role as Exclude<Role, 'anonymous'>];
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  if (session) headers.cookie = session.cookie;
  if (session && withCsrf) headers['x-csrf-token'] = session.csrfToken;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

describe('staff authorisation matrix', () => {
  for (const { method, path, body, expected } of MATRIX) {
    for (const role of ['anonymous', 'officer', 'editor', 'admin'] as const) {
      const want = expected[role];
      it(`${method} ${path} as ${role} is ${want === 'allowed' ? 'allowed' : `refused with ${want}`}`, async () => {
        const status = await call(role, method, path, body);
        if (want === 'allowed') expect([401, 403]).not.toContain(status);
        else expect(status).toBe(want);
      });
    }
  }

  it('refuses every state-changing staff request without the CSRF header, even from an admin', async () => {
    for (const { method, path, body } of MATRIX.filter((m) => m.method !== 'GET')) {
      expect(await call('admin', method, path, body, false), `${method} ${path}`).toBe(403);
    }
  });

  it('documents every staff endpoint of the matrix in the OpenAPI document served at /api/openapi.json', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = (method: string, path: string) => {
      const template = path.split('?')[0].replace(/\/(ktp\.[\w-]+|none\.none|none|\d+)(?=\/|$)/g, '/{id}');
      return Boolean(doc.paths[template]?.[method.toLowerCase()]);
    };
    expect(MATRIX.filter((m) => !documented(m.method, m.path)).map((m) => `${m.method} ${m.path}`)).toEqual([]);
  });
});
