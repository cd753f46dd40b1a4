import { chatApi } from './chat-api.ts';
import { Conversation } from './conversation.ts';
import { localState } from './local-state.ts';
import type { WidgetOptions } from './options.ts';
import { buildPanel, relabel, type PanelParts } from './panel.ts';
import { LOCALES, translator, type Locale } from './strings.ts';
import { CSS } from './styles.ts';
import type { Chrome } from './transcript.ts';

/**
 * The widget on the host page: a custom element with a shadow root holding the launcher and the
 * panel. Handles opening and closing (and where focus goes), the language, and the composer.
 */
export class Widget {
  private readonly root: ShadowRoot;
  private readonly parts: PanelParts;
  private readonly chrome: Chrome;
  private readonly conversation: Conversation;

  constructor(private readonly options: WidgetOptions) {
    const chosen = localState.chosenLocale();
    const locale = chosen && (LOCALES as readonly string[]).includes(chosen) ? chosen : options.locale;
    this.chrome = { locale, t: translator(locale) };
    const host = document.createElement('layani-widget');
    this.root = host.attachShadow({ mode: 'open' });
    adoptStyles(this.root, CSS);
    this.parts = buildPanel(this.root, options, this.chrome.t);
    this.parts.language.value = locale;
    this.parts.wrapper.lang = locale;
    this.conversation = new Conversation(this.parts, this.chrome, chatApi(options.apiOrigin, localState.tokenFor), {
      chosenLocale: () => localState.chosenLocale(),
      answeredIn: (l) => {
        if (!localState.chosenLocale() && l !== this.chrome.locale) this.setLocale(l);
      },
      incoming: () => {
        if (this.parts.panel.hidden) this.parts.badge.hidden = false;
      },
    });
    this.wire();
    document.body.append(host);
    if (localState.isOpen()) this.open(false);
  }

  open(moveFocus = true): void {
    const { panel, launcher, badge } = this.parts;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    badge.hidden = true;
    localState.setOpen(true);
    void this.conversation.show();
    if (!moveFocus) return;
    // On a phone, focusing the text box would pop the keyboard over half the panel: land on the title.
    if (matchMedia('(pointer: coarse)').matches) this.parts.title.focus();
    else this.parts.input.focus();
  }

  close(): void {
    const { panel, launcher } = this.parts;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    localState.setOpen(false);
    launcher.focus();
  }

  private setLocale(locale: Locale): void {
    this.chrome.locale = locale;
    this.chrome.t = translator(locale);
    this.parts.language.value = locale;
    this.parts.wrapper.lang = locale;
    relabel(this.root, this.chrome.t);
    this.conversation.retranslate();
  }

  private wire(): void {
    const { launcher, close, restart, panel, form, input, language } = this.parts;
    launcher.addEventListener('click', () => this.open());
    close.addEventListener('click', () => this.close());
    restart.addEventListener('click', () => {
      this.conversation.restart();
      input.focus();
    });
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    language.addEventListener('change', () => {
      localState.setChosenLocale(language.value as Locale);
      this.setLocale(language.value as Locale);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    input.addEventListener('keydown', (e) => {
      // Enter sends, Shift+Enter starts a new line; an IME still composing a word keeps its Enter.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    input.addEventListener('input', () => this.fitInput());
    // A tapped quick reply disappears with the others; keep focus in the composer, not on nothing.
    this.parts.chips.addEventListener('click', () => input.focus());
  }

  private submit(): void {
    const { input } = this.parts;
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    this.fitInput();
    this.conversation.send(text);
  }

  private fitInput(): void {
    const { input } = this.parts;
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 3, 160)}px`;
  }
}

/**
 * A constructed stylesheet is not subject to the host page's Content-Security-Policy for inline
 * styles, so the widget keeps its looks on strict sites; old browsers get a <style> element.
 */
function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
