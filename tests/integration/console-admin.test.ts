import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createStaff, loginAs, loginAsAdmin, type StaffSession } from '../helpers/staff-session.ts';

let server: TestServer;
let admin: StaffSession;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAsAdmin(server.url);
});
afterAll(async () => {
  await server.dispose();
});

describe('user management, audit log and settings (admin)', () => {
  it('lists accounts, changes a role, and the change takes effect at once by ending the old session', async () => {
    const officer = await createStaff(server.url, 'officer', 'siti@layani.test');
    expect((await officer.request('GET', '/api/staff/kb/entries')).status).toBe(200);
    const users = (await admin.request('GET', '/api/staff/users')).body.users;
    expect(users.map((u: { email: string }) => u.email)).toContain('siti@layani.test');
    const res = await admin.request('PATCH', `/api/staff/users/${officer.user.id}`, { role: 'editor', name: 'Siti Rahma' });
    expect(res.body.user).toMatchObject({ role: 'editor', name: 'Siti Rahma' });
    expect((await officer.request('GET', '/api/staff/me')).status).toBe(401);
    const again = await loginAs(server.url, 'siti@layani.test', 'a-long-test-password');
    expect(again.user.role).toBe('editor');
  });

  it('disables an account so that it can no longer sign in, and enables it again', async () => {
    const editor = await createStaff(server.url, 'editor', 'budi@layani.test');
    await admin.request('PATCH', `/api/staff/users/${editor.user.id}`, { disabled: true });
    expect((await editor.request('GET', '/api/staff/kb/entries')).status).toBe(401);
    await expect(loginAs(server.url, 'budi@layani.test', 'a-long-test-password')).rejects.toThrow(/401/);
    await admin.request('PATCH', `/api/staff/users/${editor.user.id}`, { disabled: false });
    await expect(loginAs(server.url, 'budi@layani.test', 'a-long-test-password')).resolves.toBeDefined();
  });

  it('resets a password: the old one stops working, the new one works, weak ones are refused', async () => {
    const officer = await createStaff(server.url, 'officer', 'dewi@layani.test');
    const weak = await admin.request('POST', `/api/staff/users/${officer.user.id}/password`, { password: 'short' });
    expect(weak.status).toBe(400);
    expect((await admin.request('POST', `/api/staff/users/${officer.user.id}/password`, { password: 'a-brand-new-password' })).status).toBe(204);
    await expect(loginAs(server.url, 'dewi@layani.test', 'a-long-test-password')).rejects.toThrow(/401/);
    await expect(loginAs(server.url, 'dewi@layani.test', 'a-brand-new-password')).resolves.toBeDefined();
  });

  it('refuses to demote or disable the only active admin', async () => {
    const res = await admin.request('PATCH', `/api/staff/users/${admin.user.id}`, { role: 'officer' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('last_admin');
  });

  it('records user changes in the audit log with who, when, before and after — never a password', async () => {
    const records = (await admin.request('GET', '/api/staff/audit?entityType=user')).body.records;
    const actions = records.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'disable', 'enable', 'reset-password']));
    const update = records.find((r: { action: string }) => r.action === 'update');
    expect(update).toMatchObject({ actorEmail: 'admin@layani.test', before: { role: 'officer' }, after: { role: 'editor' } });
    expect(new Date(update.at).getTime()).not.toBeNaN();
    expect(JSON.stringify(records)).not.toMatch(/a-brand-new-password|scrypt\$/);
  });

  it('changes the answer threshold without a restart, audited, and rejects inconsistent values', async () => {
    const question = 'KTP saya hilang, bagaimana mengurusnya?';
    expect((await chat(server, 'set-1', question)).outcome.action).toBe('answer');
    const original = (await admin.request('GET', '/api/staff/settings')).body.settings;
    const strict = await admin.request('PUT', '/api/staff/settings', { answerThreshold: 1, clarifyThreshold: 0.99 });
    expect(strict.status).toBe(200);
    expect((await chat(server, 'set-2', question)).outcome.action).not.toBe('answer');
    const bad = await admin.request('PUT', '/api/staff/settings', { clarifyThreshold: 1, answerThreshold: 0.2 });
    expect(bad.status).toBe(400);
    expect((await admin.request('PUT', '/api/staff/settings', original)).body.settings).toEqual(original);
    expect((await chat(server, 'set-3', question)).outcome.action).toBe('answer');
    const audit = (await admin.request('GET', '/api/staff/audit?entityType=setting')).body.records;
    expect(audit[0]).toMatchObject({ entityId: 'thresholds', action: 'update' });
  });
});
