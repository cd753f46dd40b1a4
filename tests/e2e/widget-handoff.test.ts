import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff } from '../helpers/staff-session.ts';
import { browserSuite, DESKTOP, hasBrowser } from './support/browser.ts';
import { WidgetPage } from './support/widget-page.ts';
import { useWidgetSession } from './support/widget-session.ts';

const TICKET = { number: 'LYN-7K2Q9', status: 'waiting', queuePosition: 2, officersOnline: 1 };

/** A server-sent events body in the wire format of HELPERS.md's live-events contract. */
function stream(events: [name: string, data: unknown][], retryMs = 100): string {
  return `retry: ${retryMs}\n\n${events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('')}`;
}

/** Answers the chat API the way it does once a handoff starts, and "back to the bot" after it. */
async function handoffTurns(route: Route): Promise<void> {
  const body = route.request().postDataJSON();
  const base = { conversationId: body.conversationId, outcome: { faqId: null, confidence: 1, locale: 'id' } };
  if (body.action === 'back-to-bot') {
    return route.fulfill({
      json: { ...base, replies: [{ text: 'Anda sedang berbicara dengan bot.', messageId: 9100 }], outcome: { ...base.outcome, action: 'smalltalk', intent: 'back-to-bot' } },
    });
  }
  return route.fulfill({
    json: { ...base, replies: [{ text: 'Baik, saya teruskan percakapan ini ke petugas.', messageId: 9001 }], outcome: { ...base.outcome, action: 'handoff', intent: 'handoff' }, ticket: TICKET },
  });
}

describe.skipIf(!hasBrowser)(browserSuite('the widget during a handoff to an officer'), () => {
  const session = useWidgetSession(DESKTOP);

  async function openWithStream(events: [string, unknown][]): Promise<{ widget: WidgetPage; page: Page; streamed: () => number }> {
    const context = await session.newContext(DESKTOP);
    const page = await context.newPage();
    let streamed = 0;
    // Keeps a hand on every EventSource the widget opens, to check that it closes them.
    await page.addInitScript(() => {
      const sources: EventSource[] = [];
      (window as unknown as { __sources: EventSource[] }).__sources = sources;
      window.EventSource = class extends EventSource {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          sources.push(this);
        }
      };
    });
    await page.route('**/api/chat', handoffTurns);
    // The widget opens the stream with ?token=, so match on the path alone.
    await page.route((url) => /^\/api\/chat\/[^/]+\/events$/.test(url.pathname), (route) => {
      streamed += 1;
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, body: stream(events) });
    });
    await page.goto(`${session.server.url}/`);
    const widget = new WidgetPage(page);
    await widget.open();
    return { widget, page, streamed: () => streamed };
  }

  // The stream is stubbed in the browser with the contract's wire format until the handoff work
  // serves it; the widget itself is the real one.
  it('shows the ticket, the officer joining and the officer’s live reply, once, across stream reconnects', async () => {
    const { widget, page, streamed } = await openWithStream([
      ['handoff', { status: 'assigned', ticketNumber: 'LYN-7K2Q9', officerName: 'Sari' }],
      ['message', { id: 9002, author: 'system', text: 'Petugas Sari sekarang menangani tiket Anda LYN-7K2Q9.', createdAt: '2026-11-23T10:00:00Z' }],
      ['message', { id: 9003, author: 'officer', text: 'Halo, saya Sari dari Disdukcapil. Ada yang bisa saya bantu?', createdAt: '2026-11-23T10:00:05Z' }],
    ]);
    await widget.ask('saya mau bicara dengan petugas');
    const officer = page.locator('layani-widget .msg.officer');
    await officer.waitFor();

    expect(await officer.innerText()).toContain('Petugas Sari');
    expect(await officer.innerText()).toContain('Halo, saya Sari dari Disdukcapil.');
    expect(await page.locator('layani-widget .msg.system').innerText()).toContain('Petugas Sari sekarang menangani tiket Anda');
    const bar = page.locator('layani-widget .handoff');
    expect(await bar.innerText()).toContain('Tiket LYN-7K2Q9');
    expect(await bar.innerText()).toContain('Terhubung dengan petugas: Sari');

    await expect.poll(streamed).toBeGreaterThanOrEqual(3);
    expect(await officer.count()).toBe(1);
    expect(await page.locator('layani-widget .msg.system').count()).toBe(1);
  });

  it('"back to the bot" sends the back-to-bot action, hides the ticket and stops listening', async () => {
    const { widget, page, streamed } = await openWithStream([['handoff', { status: 'waiting', ticketNumber: 'LYN-7K2Q9' }]]);
    await widget.ask('saya mau bicara dengan petugas');
    const bar = page.locator('layani-widget .handoff');
    await bar.waitFor();
    expect(await bar.innerText()).toContain('Menunggu petugas');

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.postDataJSON()?.action === 'back-to-bot');
    await page.getByRole('button', { name: 'Kembali ke bot' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ text: 'Kembali ke bot', action: 'back-to-bot' });
    await bar.waitFor({ state: 'hidden' });
    expect(streamed()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __sources: EventSource[] }).__sources.map((s) => s.readyState))).toEqual([2]); // EventSource.CLOSED
  });

  it('takes the ticket bar away when the officer resolves the ticket, showing the server’s message', async () => {
    const { widget, page } = await openWithStream([
      ['message', { id: 9004, author: 'system', text: 'Petugas Sari menandai tiket LYN-7K2Q9 sebagai selesai.', createdAt: '2026-11-23T10:05:00Z' }],
      ['handoff', { status: 'resolved', ticketNumber: 'LYN-7K2Q9', officerName: 'Sari' }],
    ]);
    await widget.ask('saya mau bicara dengan petugas');
    await expect.poll(() => widget.log.innerText()).toContain('sebagai selesai');
    await page.locator('layani-widget .handoff').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (window as unknown as { __sources: EventSource[] }).__sources.map((s) => s.readyState))).toEqual([2]);
  });

  it('an officer’s reply reaches the citizen live during a handoff, and the ticket comes back after a reload', async () => {
    const officer = await createStaff(session.server.url, 'officer');
    const context = await session.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${session.server.url}/`);
    const widget = new WidgetPage(page);
    await widget.open();
    const answered = await widget.ask('saya mau bicara dengan petugas');
    const { ticket } = await answered.json();
    const bar = page.locator('layani-widget .handoff');
    await expect.poll(() => bar.innerText()).toContain(`Tiket ${ticket.number}`);

    expect((await officer.request('POST', `/api/staff/tickets/${ticket.number}/claim`)).status).toBe(200);
    await expect.poll(() => bar.innerText()).toContain('Terhubung dengan petugas');
    expect((await officer.request('POST', `/api/staff/tickets/${ticket.number}/reply`, { text: 'Halo, saya petugas Disdukcapil. Ada yang bisa saya bantu?' })).status).toBe(201);
    const reply = page.locator('layani-widget .msg.officer');
    await expect.poll(() => reply.innerText()).toContain('Halo, saya petugas Disdukcapil.');
    const messages = page.locator('layani-widget .msg:not([data-welcome])');
    const transcript = await messages.allInnerTexts();

    await page.reload();
    await expect.poll(() => page.locator('layani-widget .handoff').innerText()).toContain(`Tiket ${ticket.number}`);
    expect(await page.locator('layani-widget .handoff').innerText()).toContain('Terhubung dengan petugas');
    expect(await messages.allInnerTexts()).toEqual(transcript);
  });
});
