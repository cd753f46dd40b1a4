import type { Locator, Page, Response } from 'playwright-core';

/** Reads of the widget as a citizen (and a screen reader) meets it: by role and accessible name. */
export class WidgetPage {
  constructor(readonly page: Page) {}

  launcher(name = 'Tanya Layani'): Locator {
    return this.page.getByRole('button', { name });
  }

  get panel(): Locator {
    return this.page.getByRole('dialog');
  }

  get log(): Locator {
    return this.page.getByRole('log');
  }

  input(name = 'Tulis pertanyaan Anda'): Locator {
    return this.page.getByRole('textbox', { name });
  }

  get botAnswers(): Locator {
    return this.page.locator('layani-widget .msg.bot[data-message-id]');
  }

  get citizenMessages(): Locator {
    return this.page.locator('layani-widget .msg.citizen');
  }

  get chips(): Locator {
    return this.page.locator('layani-widget .chips button');
  }

  get status(): Locator {
    return this.page.locator('layani-widget .status');
  }

  async open(): Promise<void> {
    await this.launcher().click();
    await this.panel.waitFor();
    // Measurements and screenshots need the panel where it comes to rest, not mid-slide.
    await this.panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  }

  /** Types a question and presses Enter; resolves with the chat API's response. */
  async ask(text: string, inputName?: string): Promise<Response> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
    await this.input(inputName).fill(text);
    await this.input(inputName).press('Enter');
    return answered;
  }

  conversationId(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('layani:conversation'));
  }

  /** The X-Conversation-Token header that opens the widget's current conversation, as the widget keeps it. */
  async tokenHeaders(): Promise<Record<string, string>> {
    const token = await this.page.evaluate(() => {
      const id = localStorage.getItem('layani:conversation');
      return id ? localStorage.getItem(`layani:token:${id}`) : null;
    });
    return token ? { 'x-conversation-token': token } : {};
  }

  /** The id of the element focused inside the widget's shadow root, or of the host page's. */
  focusedId(): Promise<string> {
    return this.page.evaluate(() => {
      const host = document.querySelector('layani-widget');
      const inside = host?.shadowRoot?.activeElement;
      return inside ? inside.id || inside.className : document.activeElement?.tagName ?? '';
    });
  }
}
