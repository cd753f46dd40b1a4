import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { ensureConsoleBuilt } from '../helpers/console-build.ts';
import { chat, startTestServer, TEST_ADMIN, type TestServer } from '../helpers/test-server.ts';
import { createStaff } from '../helpers/staff-session.ts';
import { unansweredLostCardQuestion } from '../helpers/unanswered-question.ts';

if (!hasChromium) console.warn('Skipping console browser tests: no Chromium at /usr/bin/chromium (apt-get install -y chromium).');

const LOST_KTP = 'KTP saya hilang, bagaimana mengurusnya?';

describe.skipIf(!hasChromium)('staff console in a real browser', () => {
  let server: TestServer;
  let session: BrowserSession;
  let page: Page;
  let editorEmail: string;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    server = await startTestServer();
    editorEmail = (await createStaff(server.url, 'editor')).user.email;
    session = await openBrowser();
    page = session.page;
    page.on('dialog', (dialog) => void dialog.accept());
    page.on('pageerror', (err) => console.error('console page error:', err.message));
  }, 60_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `/tmp/e2e-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png` });
  });
  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  const nav = (name: string) => page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name, exact: true });

  async function signIn(email: string, password: string) {
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refuses a wrong password with a clear message, then signs the editor in to the knowledge base', async () => {
    await signIn(editorEmail, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong e-mail or password');
    await signIn(editorEmail, 'a-long-test-password');
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    expect(await page.locator('kb-list-view tbody tr').count()).toBe(32);
    expect(await nav('Users').count()).toBe(0);
  });

  it('edits the Indonesian answer, publishes it, and the bot gives the new answer', async () => {
    await page.getByRole('link', { name: /KTP-el hilang/ }).click();
    const answer = page.locator('#answer-id');
    await answer.fill('Jawaban baru dari editor: datang ke Dukcapil dengan surat kehilangan dan KK.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();
    expect((await chat(server, 'e2e-1', LOST_KTP)).replies[0].text).not.toMatch(/^Jawaban baru/);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published as revision \d+/).waitFor();
    expect((await chat(server, 'e2e-2', LOST_KTP)).replies[0].text).toBe('Jawaban baru dari editor: datang ke Dukcapil dengan surat kehilangan dan KK.');
  });

  it('rolls back to the first revision from the history, and the bot gives the original answer again', async () => {
    await nav('Revisions').click();
    await page.getByRole('button', { name: 'Roll back to revision 1' }).click();
    await page.getByRole('status').getByText(/Rolled back to revision 1/).waitFor();
    expect((await chat(server, 'e2e-3', LOST_KTP)).replies[0].text).not.toMatch(/^Jawaban baru/);
    expect(server.engine.topic('ktp.lost')!.content.id.answer).not.toMatch(/^Jawaban baru/);
  });

  it('adds an unanswered group as phrasings of an entry, and the bot then answers that question', async () => {
    const question = unansweredLostCardQuestion(server.engine);
    expect((await chat(server, 'e2e-4', question)).outcome.action).not.toBe('answer');
    await nav('Unanswered').click();
    const card = page.locator('.group-card', { hasText: question });
    await card.getByLabel('Add as phrasings of').selectOption('ktp.lost');
    await card.getByRole('button', { name: 'Add and publish' }).click();
    await page.getByText(/Added 1 phrasing/).waitFor();
    expect(await page.locator('.group-card', { hasText: question }).count()).toBe(0);
    expect((await chat(server, 'e2e-5', question)).outcome).toMatchObject({ action: 'answer', faqId: 'ktp.lost' });
  });

  it('imports a CSV with one bad row and shows that row\'s error, changing nothing', async () => {
    const res = await fetch(`${server.url}/api/staff/kb/export?format=csv`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    const lines = (await res.text()).split('\r\n');
    const bad = lines.findIndex((l) => l.startsWith('ktp.fee,') && l.includes(',jv,'));
    lines[bad] = lines[bad].replace(',jv,', ',javanese,');
    await nav('Knowledge base').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'kb.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    const alert = page.getByRole('alert');
    await alert.getByText('kb.csv was not imported').waitFor();
    const row = alert.locator('tbody tr', { hasText: 'javanese' });
    expect(await row.locator('td').allTextContents()).toEqual([String(bad + 1), 'ktp.fee', 'locale "javanese" is not one of id, en, jv, su']);
    expect(await page.getByRole('button', { name: 'Publish drafts (0)' }).count()).toBe(1);
  });

  it('switches the console to Indonesian and back', async () => {
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Basis pengetahuan' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
  });

  it('signs in the admin, who also sees users, audit log and settings', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await nav('Audit log').click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.locator('audit-view tbody tr', { hasText: editorEmail }).count()).toBeGreaterThan(0);
  });

  it('lets the admin erase the citizen behind an ended ticket, after giving a reason', async () => {
    const number = ((await chat(server, 'e2e-erase', 'saya mau bicara dengan petugas')).ticket as { number: string }).number;
    await chat(server, 'e2e-erase', 'kembali ke bot');
    await page.goto(`${server.url}/console/inbox/${number}`);
    await page.getByRole('heading', { name: number, level: 2 }).waitFor();
    expect(await page.locator('.transcript').textContent()).toContain('saya mau bicara dengan petugas');
    await page.getByRole('button', { name: "Erase this citizen's data" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('erase-reason');
    await page.getByLabel(/^Reason/).fill('Asked at the front desk, ref. 7/2026');
    await page.getByRole('button', { name: 'Erase permanently' }).click();
    await page.getByText("The citizen's data is erased.").waitFor();
    expect(await page.locator('.transcript').textContent()).not.toContain('saya mau bicara dengan petugas');
    expect(await page.getByRole('button', { name: "Erase this citizen's data" }).count()).toBe(0);
    const history = await (await fetch(`${server.url}/api/chat/e2e-erase/messages`)).json();
    expect(history.messages).toEqual([]);
  });
});
