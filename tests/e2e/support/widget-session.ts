import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { launchBrowser } from './browser.ts';
import { WidgetPage } from './widget-page.ts';

/** One real server and one Chromium per test file; a fresh browser context per test, closed after it. */
export interface WidgetSession {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The current test's context (the last one opened). */
  readonly context: BrowserContext;
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens the demo page with the widget in a new context. */
  openDemo(options?: BrowserContextOptions): Promise<{ widget: WidgetPage; page: Page }>;
}

export function useWidgetSession(defaultOptions: BrowserContextOptions): WidgetSession {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  const session: WidgetSession = {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get context() {
      if (!context) throw new Error('no browser context is open in this test');
      return context;
    },
    async newContext(options) {
      context = await browser.newContext(options);
      return context;
    },
    async openDemo(options = defaultOptions) {
      const page = await (await session.newContext(options)).newPage();
      await page.goto(`${server.url}/`);
      return { widget: new WidgetPage(page), page };
    },
  };
  return session;
}
