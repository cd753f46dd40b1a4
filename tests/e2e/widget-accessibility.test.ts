import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, DESKTOP, hasBrowser, PHONE } from './support/browser.ts';
import { WidgetPage } from './support/widget-page.ts';
import { useWidgetSession } from './support/widget-session.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core over the whole page, widget included (evaluated over the DevTools protocol, so the page's CSP stays on). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe.skipIf(!hasBrowser)(browserSuite('the widget for keyboard and screen-reader users'), () => {
  const session = useWidgetSession(DESKTOP);

  async function openDemo(options = DESKTOP) {
    const context = await session.newContext(options);
    const page = await context.newPage();
    await page.goto(`${session.server.url}/`);
    return { widget: new WidgetPage(page), page };
  }

  for (const [name, device] of [['a phone', PHONE], ['a desktop', DESKTOP]] as const) {
    it(`axe-core finds no serious or critical violations with the panel open on ${name}`, async () => {
      const { widget, page } = await openDemo(device);
      expect(await seriousViolations(page)).toEqual([]);
      await widget.open();
      await widget.ask('syarat bikin ktp pertama kali');
      await widget.botAnswers.last().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('the transcript is a polite live log and the text box has a label', async () => {
    const { widget } = await openDemo();
    await widget.open();
    expect(await widget.log.getAttribute('aria-live')).toBe('polite');
    expect(await widget.input().count()).toBe(1);
    expect(await widget.panel.getAttribute('aria-labelledby')).toBe('layani-title');
  });

  it('works by keyboard alone: focus goes into the panel on open and back to the launcher on Escape', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.launcher().focus();
    await page.keyboard.press('Enter');
    await widget.panel.waitFor();
    expect(await widget.focusedId()).toBe('layani-input');
    expect(await page.locator('layani-widget .launcher').getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.type('syarat bikin ktp pertama kali');
    await page.keyboard.press('Enter');
    await widget.botAnswers.last().waitFor();
    await page.keyboard.press('Escape');
    await widget.panel.waitFor({ state: 'hidden' });
    expect(await widget.focusedId()).toBe('launcher');
    expect(await widget.launcher().getAttribute('aria-expanded')).toBe('false');
  });

  it('focus is visible on every control of the panel', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await widget.open();
    await page.evaluate(() => document.querySelector('layani-widget')!.shadowRoot!.getElementById('layani-title')!.focus());
    const outlines: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      outlines.push(
        await page.evaluate(() => {
          const el = document.querySelector('layani-widget')!.shadowRoot!.activeElement as HTMLElement | null;
          return el ? `${el.tagName}:${getComputedStyle(el).outlineStyle}` : 'outside';
        }),
      );
    }
    const inside = outlines.filter((o) => o !== 'outside');
    expect(inside.slice(0, 6)).toEqual([expect.stringMatching(/^BUTTON/), expect.stringMatching(/^BUTTON/), expect.stringMatching(/^SELECT/), expect.stringMatching(/^DIV/), expect.stringMatching(/^BUTTON/), expect.stringMatching(/^BUTTON/)]);
    expect(inside.filter((o) => !o.endsWith(':solid'))).toEqual([]);
  });

  it('on a 360-px screen and at 200% zoom the panel fills the screen and nothing is cut off sideways', async () => {
    for (const viewport of [{ width: 360, height: 640 }, { width: 640, height: 360 }]) {
      const { widget } = await openDemo({ viewport, hasTouch: true });
      await widget.open();
      await widget.ask('syarat bikin ktp pertama kali');
      await widget.botAnswers.last().waitFor();
      expect(await widget.panel.boundingBox()).toEqual({ x: 0, y: 0, ...viewport });
      const overflow = await widget.log.evaluate((log) => log.scrollWidth - log.clientWidth);
      expect(overflow).toBe(0);
      const send = await widget.page.getByRole('button', { name: 'Kirim' }).boundingBox();
      expect(send!.x + send!.width).toBeLessThanOrEqual(viewport.width);
      expect(send!.y + send!.height).toBeLessThanOrEqual(viewport.height);
      await session.context.close();
    }
  });

  it('with prefers-reduced-motion the panel and typing dots do not animate', async () => {
    const { widget, page } = await openDemo({ ...DESKTOP, reducedMotion: 'reduce' });
    await widget.open();
    expect(await widget.panel.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await widget.panel.evaluate((el) => getComputedStyle(el).animationName)).toBe('rise');
  });

  it('a brand colour too light for white text gets dark text on it', async () => {
    const { widget, page } = await openDemo(DESKTOP);
    await page.evaluate(() => {
      document.querySelector('layani-widget')?.remove();
      delete (window as { Layani?: unknown }).Layani;
      const script = document.createElement('script');
      script.src = '/widget.js?yellow';
      script.dataset.color = '#ffd400';
      document.body.append(script);
    });
    await widget.launcher().waitFor();
    const colours = await widget.launcher().evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(255, 212, 0)', 'rgb(27, 31, 36)']);
  });
});
