import { describe, expect, it } from 'vitest';
import { browserSuite, DESKTOP, hasBrowser, PHONE } from './support/browser.ts';
import { WidgetPage } from './support/widget-page.ts';
import { useWidgetSession } from './support/widget-session.ts';

interface HistoryMessage {
  id: number;
  author: string;
  text: string;
}

describe.skipIf(!hasBrowser)(browserSuite('the widget on a flaky connection'), () => {
  const session = useWidgetSession(PHONE);

  async function openDemo(options = PHONE) {
    const context = await session.newContext(options);
    const page = await context.newPage();
    await page.goto(`${session.server.url}/`);
    return { widget: new WidgetPage(page), page };
  }

  async function history(conversationId: string | null, headers: Record<string, string>): Promise<HistoryMessage[]> {
    const response = await fetch(`${session.server.url}/api/chat/${conversationId}/messages`, { headers });
    return (await response.json()).messages;
  }

  it('the conversation survives a page reload: same id, same messages, panel still open', async () => {
    const { widget, page } = await openDemo(PHONE);
    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    await widget.botAnswers.last().waitFor();
    const id = await widget.conversationId();
    const before = await widget.log.innerText();

    await page.reload();
    await widget.panel.waitFor();
    await widget.botAnswers.last().waitFor();
    expect(await widget.conversationId()).toBe(id);
    expect(await widget.citizenMessages.allInnerTexts()).toEqual([expect.stringContaining('syarat bikin ktp pertama kali')]);
    const stored = (await history(id, await widget.tokenHeaders())).filter((m) => m.author === 'bot').map((m) => String(m.id));
    expect(await widget.botAnswers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-message-id')))).toEqual(stored);
    expect(await widget.log.innerText()).toContain(before.split('\n').find((line) => line.startsWith('KTP-el wajib')) ?? '∅');
  });

  it('a message sent offline waits as pending and is delivered exactly once when the connection returns', async () => {
    const { widget, page } = await openDemo(PHONE);
    await widget.open();
    await widget.ask('halo');
    await widget.botAnswers.last().waitFor();
    const id = await widget.conversationId();

    await session.context.setOffline(true);
    await widget.input().fill('syarat bikin ktp pertama kali');
    await widget.input().press('Enter');
    const pending = widget.citizenMessages.last();
    await expect.poll(() => pending.innerText()).toContain('Menunggu koneksi');
    await expect.poll(() => widget.status.innerText()).toContain('Anda sedang offline');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('layani:outbox') ?? '[]').length)).toBe(1);

    const delivered = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.status() === 200);
    await session.context.setOffline(false);
    await delivered;
    await expect.poll(() => widget.botAnswers.count()).toBe(2);
    expect(await pending.innerText()).not.toContain('Menunggu koneksi');
    expect(await page.evaluate(() => localStorage.getItem('layani:outbox'))).toBeNull();

    await page.reload();
    await widget.botAnswers.nth(1).waitFor();
    const asked = (await history(id, await widget.tokenHeaders())).filter((m) => m.author === 'citizen' && m.text === 'syarat bikin ktp pertama kali');
    expect(asked).toHaveLength(1);
    expect(await widget.citizenMessages.count()).toBe(2);
  });

  it('when an answer is lost on its way back, the retry shows it once and makes no second turn', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    let lost = 0;
    await page.route('**/api/chat', async (route) => {
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch(); // the server handles the message…
      await route.abort('connectionreset'); // …but the phone never hears back
    });
    await widget.input().fill('syarat bikin ktp pertama kali');
    await widget.input().press('Enter');
    await expect.poll(() => widget.status.innerText()).toContain('Pesan belum terkirim');

    const retried = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.status() === 200);
    await widget.status.getByRole('button', { name: 'Coba lagi' }).click();
    await retried;
    await expect.poll(() => widget.botAnswers.count()).toBe(1);
    const id = await widget.conversationId();
    const messages = await history(id, await widget.tokenHeaders());
    expect(messages.filter((m) => m.author === 'citizen')).toHaveLength(1);
    expect(messages.filter((m) => m.author === 'bot')).toHaveLength(1);
    expect(await widget.status.innerText()).toBe('');
  });

  it('"start a new conversation" clears the screen and the next message opens a new conversation', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    await widget.botAnswers.last().waitFor();
    const first = await widget.conversationId();
    const firstToken = await widget.tokenHeaders();

    await page.getByRole('button', { name: 'Mulai percakapan baru' }).click();
    expect(await widget.citizenMessages.count()).toBe(0);
    expect(await widget.log.innerText()).toContain('Halo! Saya Layani');
    expect(await widget.focusedId()).toBe('layani-input');
    expect(await widget.conversationId()).toBeNull();

    const response = await widget.ask('halo');
    const second = await widget.conversationId();
    expect(second).not.toBe(first);
    expect(response.request().postDataJSON().conversationId).toBe(second);
    expect((await history(first, firstToken)).filter((m) => m.author === 'citizen')).toHaveLength(1);
  });

  it('if the history cannot be loaded the citizen is told in plain words and can retry', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await widget.ask('halo');
    await widget.botAnswers.last().waitFor();
    await page.route('**/messages', (route) => route.fulfill({ status: 503, body: '{}' }));
    await page.reload();
    await widget.panel.waitFor();
    await expect.poll(() => widget.status.innerText()).toContain('Riwayat percakapan belum bisa dimuat');

    await page.unroute('**/messages');
    await widget.status.getByRole('button', { name: 'Coba lagi' }).click();
    await expect.poll(() => widget.citizenMessages.count()).toBe(1);
    expect(await widget.status.innerText()).toBe('');
  });

  it("a second tab that starts a new chat leaves the first tab's conversation working", async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    const id = await widget.conversationId();

    const other = await page.context().newPage();
    await other.goto(`${session.server.url}/`);
    const second = new WidgetPage(other);
    await second.open();
    await other.getByRole('button', { name: 'Mulai percakapan baru' }).click();
    await second.ask('halo');
    expect(await second.conversationId()).not.toBe(id);

    const again = await widget.ask('kalau hilang?');
    expect(again.status()).toBe(200);
    expect(again.request().postDataJSON()).toMatchObject({ conversationId: id });
  });

  it('sends the conversation token it made itself, and starts a new conversation when the server refuses it', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    const first = await widget.ask('syarat bikin ktp pertama kali');
    expect(first.request().headers()['x-conversation-token']).toMatch(/^[0-9a-f]{64}$/);
    expect((await first.json()).conversationToken).toBe(first.request().headers()['x-conversation-token']);
    const id = await widget.conversationId();
    expect((await fetch(`${session.server.url}/api/chat/${id}/messages`)).status).toBe(401);

    // As if the chat had been started in another browser: this device's token no longer opens it.
    await page.evaluate((current) => localStorage.setItem(`layani:token:${current}`, 'f'.repeat(64)), id);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.status() === 401);
    const fresh = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.status() === 200);
    await widget.input().fill('halo');
    await widget.input().press('Enter');
    await refused;
    const answered = await fresh;
    const second = await widget.conversationId();
    expect(second).not.toBe(id);
    expect(answered.request().postDataJSON()).toMatchObject({ conversationId: second, text: 'halo' });
    await expect.poll(() => widget.citizenMessages.allInnerTexts()).toEqual([expect.stringContaining('halo')]);
    expect((await history(id, { 'x-conversation-token': first.request().headers()['x-conversation-token'] })).filter((m) => m.author === 'citizen')).toHaveLength(1);

    // On a reload, a refused token for the history also starts afresh instead of retrying for ever.
    await page.evaluate((current) => localStorage.setItem(`layani:token:${current}`, 'e'.repeat(64)), second);
    await page.reload();
    await widget.panel.waitFor();
    await expect.poll(() => widget.log.innerText()).toContain('Halo! Saya Layani');
    expect(await widget.conversationId()).toBeNull();
    expect(await widget.status.innerText()).toBe('');
  });
});
