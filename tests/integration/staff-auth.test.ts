import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, loginAsAdmin } from '../helpers/staff-session.ts';
import { TEST_ADMIN, postJson, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(async () => {
  await server.dispose();
});

describe('staff sign-in', () => {
  it('creates the first admin from ADMIN_EMAIL and signs in with an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/layani_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    // Served over plain HTTP here, so not Secure; behind HTTPS (TRUST_PROXY) it is.
    expect(cookie).not.toMatch(/Secure/);
    const body = (await res.json()) as { user: { role: string; email: string }; csrfToken: string };
    expect(body.user).toMatchObject({ role: 'admin', email: TEST_ADMIN.email });
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('answers 401 with a plain message for a wrong password', async () => {
    const res = await postJson(`${server.url}/api/staff/login`, { email: TEST_ADMIN.email, password: 'wrong-password-here' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Wrong e-mail or password.');
  });

  it('locks an account after repeated wrong passwords, even for the right one afterwards', async () => {
    const officer = await createStaff(server.url, 'officer', 'locked@layani.test');
    for (let i = 0; i < 3; i++) await postJson(`${server.url}/api/staff/login`, { email: officer.user.email, password: 'not-the-password' });
    const res = await postJson(`${server.url}/api/staff/login`, { email: officer.user.email, password: 'a-long-test-password' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('locked');
  });

  it('refuses a weak password when an admin creates an account', async () => {
    const admin = await loginAsAdmin(server.url);
    const res = await admin.request('POST', '/api/staff/users', { email: 'weak@layani.test', role: 'editor', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/at least 10 characters/);
  });
});

describe('authorisation', () => {
  it('answers 401 without a session', async () => {
    expect((await fetch(`${server.url}/api/staff/me`)).status).toBe(401);
    expect((await postJson(`${server.url}/api/staff/users`, { email: 'x@y.id', role: 'officer', password: 'a-long-password' })).status).toBe(401);
  });

  it('answers 403 when an officer tries an admin action', async () => {
    const officer = await createStaff(server.url, 'officer');
    const res = await officer.request('POST', '/api/staff/users', { email: 'new@layani.test', role: 'admin', password: 'a-long-test-password' });
    expect(res.status).toBe(403);
  });

  it('answers 403 to a state-changing request without the CSRF header', async () => {
    const admin = await loginAsAdmin(server.url);
    const res = await fetch(`${server.url}/api/staff/users`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'csrf@layani.test', role: 'officer', password: 'a-long-test-password' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
  });

  it('ends the session on logout', async () => {
    const admin = await loginAs(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await admin.request('GET', '/api/staff/me')).status).toBe(200);
    await admin.request('POST', '/api/staff/logout');
    expect((await admin.request('GET', '/api/staff/me')).status).toBe(401);
  });
});
