import { TEST_ADMIN } from './test-server.ts';

/** A signed-in staff member: sends the session cookie and the CSRF header like the console does. */
export interface StaffSession {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; role: string };
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function loginAs(baseUrl: string, email: string, password: string): Promise<StaffSession> {
  const res = await fetch(`${baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const body = (await res.json()) as { csrfToken: string; user: StaffSession['user'] };
  return {
    cookie,
    csrfToken: body.csrfToken,
    user: body.user,
    async request(method, path, payload) {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': body.csrfToken,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON (CSV, HTML): return the text */
      }
      return { status: r.status, body: parsed, headers: r.headers };
    },
  };
}

export const loginAsAdmin = (baseUrl: string) => loginAs(baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);

/** Creates a staff account through the admin API and signs it in. */
export async function createStaff(baseUrl: string, role: 'admin' | 'editor' | 'officer', email = `${role}-${Date.now()}@layani.test`): Promise<StaffSession> {
  const admin = await loginAsAdmin(baseUrl);
  const password = 'a-long-test-password';
  const res = await admin.request('POST', '/api/staff/users', { email, role, password, name: `Test ${role}` });
  if (res.status !== 201) throw new Error(`creating ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return loginAs(baseUrl, email, password);
}
