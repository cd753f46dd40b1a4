import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { ensureConsoleBuilt } from '../helpers/console-build.ts';
import { newOfficer } from '../helpers/handoff.ts';
import { loginAsAdmin, type StaffSession } from '../helpers/staff-session.ts';
import { chat, startTestServer, tokenHeaders, type TestServer } from '../helpers/test-server.ts';

if (!hasChromium) console.warn('Skipping inbox browser tests: no Chromium at /usr/bin/chromium (apt-get install -y chromium).');

const OFFICER = { email: 'sari@layani.test', password: 'a-long-test-password', name: 'Sari Wulandari' };
const REQUEST = 'saya mau bicara dengan petugas';

async function citizenMessages(server: TestServer, conversationId: string) {
  const res = await fetch(`${server.url}/api/chat/${conversationId}/messages`, { headers: tokenHeaders(conversationId) });
  return ((await res.json()) as { messages: { author: string; text: string }[] }).messages;
}

describe.skipIf(!hasChromium)('the officers\' inbox in a real browser', () => {
  let server: TestServer;
  let session: BrowserSession;
  let page: Page;
  let rival: StaffSession;
  let first: string;
  let second: string;
  let third: string;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    server = await startTestServer();
    const admin = await loginAsAdmin(server.url);
    await admin.request('POST', '/api/staff/users', { email: OFFICER.email, name: OFFICER.name, role: 'officer', password: OFFICER.password });
    rival = await newOfficer(server.url);
    session = await openBrowser();
    page = session.page;
    page.on('pageerror', (err) => console.error('console page error:', err.message));
  }, 60_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `/tmp/e2e-fail-inbox-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}.png` });
  });
  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  const queueItem = (number: string) => page.locator('.queue-item', { hasText: number });

  it('signs an officer in to the inbox, where the citizen who asked for an officer is waiting', async () => {
    first = ((await chat(server, 'inbox-citizen-1', REQUEST)).ticket as { number: string }).number;
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('E-mail').fill(OFFICER.email);
    await page.getByLabel('Password').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/inbox');
    await page.locator('.live-live').waitFor();
    const waiting = page.getByRole('list', { name: /Waiting for an officer/ });
    expect(await waiting.getByRole('link').allTextContents()).toEqual([expect.stringContaining(first)]);
    expect(await queueItem(first).textContent()).toContain('#1 in the queue');
  });

  it('shows a new request live in the queue and announces it politely to screen readers', async () => {
    second = ((await chat(server, 'inbox-citizen-2', REQUEST)).ticket as { number: string }).number;
    await queueItem(second).waitFor();
    expect(await queueItem(second).textContent()).toContain('#2 in the queue');
    await page.locator('[aria-live="polite"]', { hasText: `New ticket ${second} is waiting` }).waitFor({ state: 'attached' });
    await expect.poll(() => page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: /Inbox/ }).textContent()).toMatch(/2\s*2 waiting/);
  });

  it('claims the ticket and replies with Ctrl+Enter, and the citizen\'s conversation receives the reply', async () => {
    await queueItem(first).getByRole('link').click();
    await page.getByRole('heading', { name: first, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Claim ticket' }).click();
    await page.getByText(`You are now handling ${first}`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    await page.keyboard.type('Selamat siang, saya Sari. Ada yang bisa saya bantu?');
    await page.keyboard.press('Control+Enter');
    await page.locator('.msg-officer', { hasText: 'Selamat siang, saya Sari.' }).getByText('Sent').waitFor();
    expect(await page.locator('#reply-text').inputValue()).toBe('');
    expect((await citizenMessages(server, 'inbox-citizen-1')).at(-1)).toMatchObject({ author: 'officer', text: 'Selamat siang, saya Sari. Ada yang bisa saya bantu?' });
  });

  it('refuses to close the ticket while the citizen has only just been answered, and says from when it can be closed', async () => {
    await page.getByRole('button', { name: 'Close (citizen silent)…' }).click();
    // Suggested in the citizen's language (Indonesian here), whatever the console's language.
    expect(await page.getByLabel('Closing message to the citizen').inputValue()).toContain('percakapan ini kami tutup');
    await page.getByRole('button', { name: 'Send and close' }).click();
    await page.getByRole('alert').getByText(/Too early to close: the citizen must be silent for 10 minutes after your last message\. You can close it from \d\d:\d\d\./).waitFor();
    expect(await page.locator('.ticket-status').textContent()).toBe('Assigned');
    expect((await citizenMessages(server, 'inbox-citizen-1')).at(-1)?.text).toBe('Selamat siang, saya Sari. Ada yang bisa saya bantu?');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the citizen\'s next message live in the open ticket', async () => {
    await chat(server, 'inbox-citizen-1', 'Terima kasih. Apakah saya perlu membawa KK?');
    await page.locator('.msg-citizen', { hasText: 'Apakah saya perlu membawa KK?' }).waitFor();
    expect(await page.locator('.transcript .msg').last().textContent()).toContain('Apakah saya perlu membawa KK?');
  });

  it('says who won when another officer claimed the ticket a moment earlier, and shows the ticket as theirs', async () => {
    await queueItem(second).getByRole('link').click();
    await page.getByRole('heading', { name: second, level: 2 }).waitFor();
    // The rival's claim reaches the server just before this officer's click does.
    await page.route(`**/api/staff/tickets/${second}/claim`, async (route) => {
      await rival.request('POST', `/api/staff/tickets/${second}/claim`);
      await route.continue();
    });
    await page.getByRole('button', { name: 'Claim ticket' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(`Test officer claimed ${second} a moment before you`).waitFor();
    await page.getByText('Test officer is handling this ticket').waitFor();
    expect(await page.getByRole('button', { name: 'Claim ticket' }).count()).toBe(0);
    expect(await page.locator('#reply-text').count()).toBe(0);
  });

  it('reconnects by itself after a server restart and stays live', async () => {
    const port = new URL(server.url).port;
    await server.stop();
    await page.locator('.live-reconnecting').waitFor();
    server = await startTestServer({ PORT: port }, server.dataDir);
    third = ((await chat(server, 'inbox-citizen-3', REQUEST)).ticket as { number: string }).number;
    await page.locator('.live-live').waitFor();
    await queueItem(third).waitFor();
  });

  it('resolves the ticket with a note, and it leaves the open queue', async () => {
    await queueItem(first).getByRole('link').click();
    await page.getByRole('heading', { name: first, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Resolve…' }).click();
    await page.getByLabel('Resolution note (internal)').fill('Menjelaskan syarat penggantian KTP; warga akan datang ke Disdukcapil.');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByText(`${first} resolved.`).waitFor();
    await queueItem(first).waitFor({ state: 'detached' });
    expect(await page.locator('.ticket-status').textContent()).toBe('Resolved');
    const open = await rival.request('GET', '/api/staff/tickets');
    expect((open.body.tickets as { number: string }[]).map((t) => t.number).sort()).toEqual([second, third].sort());
    expect((await citizenMessages(server, 'inbox-citizen-1')).at(-1)?.author).toBe('bot');
  });
});
