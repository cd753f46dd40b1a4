import { describe, expect, it } from 'vitest';
import { browserSuite, DESKTOP, hasBrowser, PHONE, watchErrors } from './support/browser.ts';
import { WidgetPage } from './support/widget-page.ts';
import { useWidgetSession } from './support/widget-session.ts';

describe.skipIf(!hasBrowser)(browserSuite('the citizen widget on the demo page'), () => {
  const session = useWidgetSession(PHONE);

  async function openDemo(options = PHONE) {
    const context = await session.newContext(options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${session.server.url}/`);
    return { widget: new WidgetPage(page), page, errors };
  }

  it('on a phone, a citizen asks about a first KTP-el and gets the answer with its official source', async () => {
    const { widget, errors } = await openDemo(PHONE);
    await widget.open();
    const response = await widget.ask('syarat bikin ktp pertama kali');
    const result = await response.json();

    expect(result.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.requirements', locale: 'id' });
    await expect.poll(() => widget.citizenMessages.last().innerText()).toContain('syarat bikin ktp pertama kali');
    const answer = widget.botAnswers.last();
    await answer.waitFor();
    const firstLine = result.replies[0].text.split('\n')[0];
    expect(await answer.locator('.bubble').innerText()).toContain(firstLine);
    expect(await answer.locator('.bubble ol li').count()).toBeGreaterThan(1);
    const source = answer.getByRole('link');
    expect(await source.getAttribute('href')).toBe(result.replies[0].sourceUrl);
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await widget.panel.boundingBox()).toMatchObject({ x: 0, width: 360 });
    expect(errors).toEqual([]);
  });

  it('over a slow 3G link the widget arrives compressed under 20 KB, after the page, and answers', async () => {
    const context = await session.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Chrome DevTools' "Slow 3G" profile: 400 ms round trips, about 50 KB/s each way.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 51_200, uploadThroughput: 51_200 });
    await page.goto(`${session.server.url}/`, { waitUntil: 'domcontentloaded' });
    const widget = new WidgetPage(page);
    await widget.launcher().waitFor();

    const script = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js')) as PerformanceResourceTiming;
      const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { encoded: entry.encodedBodySize, decoded: entry.decodedBodySize, parsedBeforeWidget: page.domInteractive <= entry.responseEnd };
    });
    expect(script.encoded).toBeLessThanOrEqual(20 * 1024);
    expect(script.decoded).toBeGreaterThan(script.encoded * 2);
    expect(script.parsedBeforeWidget).toBe(true);

    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    await widget.botAnswers.last().waitFor();
  });

  it('keeps its looks on a page with hostile CSS, and its own styles never reach the page', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await page.addStyleTag({
      content: `* { font-size: 40px !important; color: rgb(255, 0, 0) !important; letter-spacing: 9px !important; }
        button, div, section, textarea, .panel, .launcher, .msg { display: none !important; }`,
    });
    await page.evaluate(() => {
      const imposter = document.createElement('p');
      imposter.className = 'launcher panel bubble';
      imposter.textContent = 'host page text';
      document.body.append(imposter);
    });
    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    await widget.botAnswers.last().waitFor();

    const bubble = await widget.botAnswers.last().locator('.bubble').evaluate((el) => {
      const style = getComputedStyle(el);
      return { size: style.fontSize, color: style.color, spacing: style.letterSpacing };
    });
    expect(bubble).toEqual({ size: '16px', color: 'rgb(27, 31, 36)', spacing: 'normal' });
    const imposter = await page.locator('p.launcher').evaluate((el) => getComputedStyle(el).position);
    expect(imposter).toBe('static');
  });

  it('Enter sends the message and Shift+Enter starts a new line instead', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    const input = widget.input();
    let posts = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/chat') && r.method() === 'POST') posts += 1;
    });
    await input.type('baris satu');
    await input.press('Shift+Enter');
    await input.type('baris dua');
    expect(await input.inputValue()).toBe('baris satu\nbaris dua');
    expect(posts).toBe(0);

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
    await input.press('Enter');
    expect((await sent).postDataJSON().text).toBe('baris satu\nbaris dua');
    expect(await input.inputValue()).toBe('');
  });

  it('switching to English translates the panel, and the bot answers in English', async () => {
    const { widget, page } = await openDemo(PHONE);
    await widget.open();
    await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');

    await widget.input('Type your question').waitFor();
    expect(await page.getByRole('button', { name: 'Close chat' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    expect(await widget.log.innerText()).toContain("Hello! I'm Layani");
    expect(await widget.chips.first().innerText()).toBe('New KTP-el requirements');

    const response = await widget.ask('what do I need for my first electronic ID card?', 'Type your question');
    expect(response.request().postDataJSON()).toMatchObject({ locale: 'en' });
    const result = await response.json();
    expect(result.outcome.locale).toBe('en');
    await widget.botAnswers.last().waitFor();
    expect(await widget.botAnswers.last().locator('.bubble').getAttribute('lang')).toBe('en');
  });

  it('the panel speaks Javanese and Sundanese too, and remembers the choice', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('jv');
    await widget.input('Tulis pitakon panjenengan').waitFor();
    await page.getByRole('combobox', { name: 'Basa' }).selectOption('su');
    await widget.input('Serat patarosan anjeun').waitFor();
    expect(await page.locator('layani-widget .layani').getAttribute('lang')).toBe('su');

    await page.reload();
    await widget.panel.waitFor();
    await widget.input('Serat patarosan anjeun').waitFor();
  });

  it('tapping a suggested topic asks for exactly that topic and keeps focus in the composer', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
    await page.getByRole('button', { name: 'Cek penerima bansos' }).click();
    const response = await answered;

    expect(response.request().postDataJSON()).toMatchObject({ text: 'Cek penerima bansos', faqId: 'bansos.check-recipient' });
    expect((await response.json()).outcome).toMatchObject({ action: 'answer', faqId: 'bansos.check-recipient' });
    await widget.botAnswers.last().waitFor();
    expect(await widget.chips.count()).toBe(0);
    expect(await widget.focusedId()).toBe('layani-input');
  });

  it('a script injection attempt in a message is shown as text and never runs', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await widget.open();
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> javascript:alert(1) <b>tebal</b>';
    await widget.ask(attack);
    await widget.botAnswers.last().waitFor();

    const bubble = widget.citizenMessages.last().locator('.bubble');
    expect(await bubble.innerText()).toBe(attack);
    expect(await bubble.locator('img, script, b, a').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);

    await page.reload();
    await widget.citizenMessages.last().waitFor();
    expect(await widget.citizenMessages.last().locator('.bubble').innerText()).toBe(attack);
    expect(await widget.citizenMessages.last().locator('img, script, b, a').count()).toBe(0);
  });

  it('a thumbs-down on an answer is stored, offers an officer, and is still shown after a reload', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await widget.ask('syarat bikin ktp pertama kali');
    const answer = widget.botAnswers.last();
    const rated = page.waitForResponse((r) => r.url().endsWith('/feedback'));
    await answer.getByRole('button', { name: 'Jawaban ini tidak membantu' }).click();
    expect((await rated).status()).toBe(200);

    await expect.poll(() => widget.status.innerText()).toContain('Jawaban ini akan kami perbaiki');
    expect(await widget.chips.allInnerTexts()).toEqual(['Bicara dengan petugas']);
    const id = await widget.conversationId();
    const history = await (await fetch(`${session.server.url}/api/chat/${id}/messages`, { headers: await widget.tokenHeaders() })).json();
    const messageId = Number(await answer.getAttribute('data-message-id'));
    expect(history.messages.find((m: { id: number }) => m.id === messageId)).toMatchObject({ author: 'bot', rating: 'down' });

    await page.reload();
    await widget.botAnswers.last().waitFor();
    expect(await widget.botAnswers.last().getByRole('button', { name: 'Jawaban ini tidak membantu' }).getAttribute('aria-pressed')).toBe('true');
  });
});
