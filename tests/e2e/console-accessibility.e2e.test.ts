import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { ensureConsoleBuilt } from '../helpers/console-build.ts';
import { loginAsAdmin } from '../helpers/staff-session.ts';
import { chat, startTestServer, TEST_ADMIN, type TestServer } from '../helpers/test-server.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots for people to look at; kept out of the repository. */
const SHOTS = process.env.CONSOLE_SCREENSHOTS ?? path.join(os.tmpdir(), 'layani-console-screenshots');

const VIEWS: { path: string; ready: string; name: string }[] = [
  { path: '/kb', ready: 'kb-list-view tbody tr', name: 'knowledge-base' },
  { path: '/kb/ktp.lost', ready: '#answer-su', name: 'entry' },
  { path: '/unanswered', ready: '.group-card', name: 'unanswered' },
  { path: '/try', ready: '#try-text', name: 'try' },
  { path: '/revisions', ready: '.revision-list li', name: 'revisions' },
  { path: '/analytics', ready: '.tiles', name: 'analytics' },
  { path: '/users', ready: 'users-view tbody tr', name: 'users' },
  { path: '/audit', ready: 'audit-view table', name: 'audit' },
  { path: '/settings', ready: 'settings-view form', name: 'settings' },
];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations)`)) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe.skipIf(!hasChromium)('staff console accessibility and layout', () => {
  let server: TestServer;
  let session: BrowserSession;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    server = await startTestServer();
    for (const q of ['cara perpanjang paspor yang habis', 'cara perpanjang paspor yang habis', 'How do I renew my passport abroad?', 'KTP saya hilang']) await chat(server, `a11y-${Math.random()}`, q);
    // The inbox: one ticket waiting, one the admin holds (so the reply box, notes and actions are checked too).
    await chat(server, 'a11y-handoff-1', 'saya mau bicara dengan petugas');
    const held = ((await chat(server, 'a11y-handoff-2', 'I want to talk to an officer')).ticket as { number: string }).number;
    const admin = await loginAsAdmin(server.url);
    await admin.request('POST', `/api/staff/tickets/${held}/claim`);
    await admin.request('POST', `/api/staff/tickets/${held}/notes`, { text: 'Asked about a damaged KTP.' });
    VIEWS.push({ path: '/inbox', ready: '.queue-item', name: 'inbox' }, { path: `/inbox/${held}`, ready: '#reply-text', name: 'inbox-ticket' });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  for (const viewport of [{ width: 1366, height: 900, label: 'laptop' }, { width: 820, height: 1180, label: 'tablet' }]) {
    it(`has no serious or critical axe-core (WCAG 2.1 AA) violations on the sign-in page and every main view at ${viewport.label} width`, async () => {
      await session?.close();
      session = await openBrowser({ width: viewport.width, height: viewport.height });
      const page = session.page;
      await page.goto(`${server.url}/console/`);
      await page.waitForSelector('#login-email');
      const problems: string[] = (await seriousViolations(page)).map((p) => `login: ${p}`);
      await page.screenshot({ path: path.join(SHOTS, `${viewport.label}-login.png`) });
      await page.fill('#login-email', TEST_ADMIN.email);
      await page.fill('#login-password', TEST_ADMIN.password);
      await page.press('#login-password', 'Enter');
      await page.waitForSelector('kb-list-view');
      for (const view of VIEWS) {
        await page.goto(`${server.url}/console${view.path}`);
        await page.waitForSelector(view.ready);
        problems.push(...(await seriousViolations(page)).map((p) => `${view.path}: ${p}`));
        await page.screenshot({ path: path.join(SHOTS, `${viewport.label}-${view.name}.png`) });
      }
      expect(problems).toEqual([]);
    });
  }

  it('can be used with the keyboard alone: skip link, menu on a tablet, and navigation', async () => {
    await session?.close();
    session = await openBrowser({ width: 820, height: 1180 });
    const page = session.page;
    await page.goto(`${server.url}/console/`);
    await page.waitForSelector('#login-email');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    await page.keyboard.type(TEST_ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForSelector('kb-list-view tbody tr');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Knowledge base');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await page.evaluate(() => document.querySelector('a[href], button, input')?.textContent?.trim())).toBe('Skip to content');
    await skip.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const toggle = page.getByRole('button', { name: 'Menu' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const link = page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Try it' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Try it' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('KTP-ku ilang piye?');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'What the bot would do' }).waitFor();
    expect(await page.locator('.try-result').textContent()).toContain('ktp.lost');
  });
});
