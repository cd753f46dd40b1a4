import { accentColors } from './colors.ts';
import { h, icon } from './dom.ts';
import { i18nText } from './message-view.ts';
import type { WidgetOptions } from './options.ts';
import { LOCALES, STRINGS, type Translate } from './strings.ts';

/** The widget's DOM: a launcher button and the chat panel, built once inside the shadow root. */
export interface PanelParts {
  wrapper: HTMLElement;
  launcher: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  title: HTMLElement;
  language: HTMLSelectElement;
  restart: HTMLButtonElement;
  close: HTMLButtonElement;
  handoff: HTMLElement;
  handoffText: HTMLElement;
  backToBot: HTMLButtonElement;
  log: HTMLElement;
  typing: HTMLElement;
  status: HTMLElement;
  chips: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
}

const iconButton = (cls: string, name: Parameters<typeof icon>[0], key: Parameters<Translate>[0], t: Translate) =>
  h('button', { type: 'button', class: cls, 'aria-label': t(key), title: t(key), 'data-i18n-label': key }, icon(name));

export function buildPanel(root: ShadowRoot, options: WidgetOptions, t: Translate): PanelParts {
  const badge = h('span', { class: 'badge', hidden: true, 'data-i18n-label': 'newMessage', 'aria-label': t('newMessage'), role: 'img' });
  const launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'layani-panel' },
    icon('chat'),
    i18nText('span', 'launcher', t),
    badge,
  );
  const title = h('h2', { id: 'layani-title', tabindex: '-1' }, options.title ?? 'Layani');
  const language = h('select', { id: 'layani-lang', class: 'lang' });
  for (const code of LOCALES) language.append(h('option', { value: code, lang: code }, STRINGS[code].languageName));
  const restart = iconButton('icon-btn', 'edit', 'newConversation', t);
  const close = iconButton('icon-btn', 'close', 'close', t);
  const header = h(
    'header',
    {},
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, (options.title ?? 'L').charAt(0).toUpperCase()),
    h('div', { class: 'heading' }, title, i18nText('p', 'subtitle', t, { class: 'subtitle' })),
    restart,
    close,
  );
  const toolbar = h('div', { class: 'toolbar' }, i18nText('label', 'language', t, { for: 'layani-lang' }), language);
  const handoffText = h('span', { class: 'handoff-text' });
  const backToBot = h('button', { type: 'button', class: 'link-btn', 'data-i18n': 'backToBot' }, t('backToBot'));
  const handoff = h('div', { class: 'handoff', hidden: true }, handoffText, backToBot);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('transcript'), 'data-i18n-label': 'transcript', tabindex: '0' });
  const typing = h('div', { class: 'typing', role: 'status' });
  const status = h('div', { class: 'status', role: 'status' });
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': t('suggestions'), 'data-i18n-label': 'suggestions' });
  const input = h('textarea', {
    id: 'layani-input',
    rows: 1,
    maxlength: 1000,
    placeholder: t('placeholder'),
    'data-i18n-placeholder': 'placeholder',
    autocomplete: 'off',
    enterkeyhint: 'send',
  });
  const form = h(
    'form',
    { class: 'composer' },
    i18nText('label', 'inputLabel', t, { for: 'layani-input', class: 'sr' }),
    input,
    h('button', { type: 'submit', class: 'send', 'aria-label': t('send'), title: t('send'), 'data-i18n-label': 'send' }, icon('send')),
  );
  const panel = h(
    'section',
    { id: 'layani-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'layani-title', hidden: true },
    header,
    toolbar,
    handoff,
    log,
    typing,
    status,
    chips,
    form,
    i18nText('p', 'privacy', t, { class: 'privacy' }),
  );
  const wrapper = h('div', { class: `layani ${options.position}`, lang: options.locale }, launcher, panel);
  if (options.color) {
    const colors = accentColors(options.color);
    wrapper.style.setProperty('--a', colors.accent);
    wrapper.style.setProperty('--ai', colors.onAccent);
    wrapper.style.setProperty('--ak', colors.accentText);
  }
  root.append(wrapper);
  return { wrapper, launcher, badge, panel, title, language, restart, close, handoff, handoffText, backToBot, log, typing, status, chips, form, input };
}

/** Re-translates every piece of chrome marked with data-i18n* after a language switch. */
export function relabel(root: ShadowRoot, t: Translate): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as never);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as never));
    if (el.hasAttribute('title')) el.title = t(el.dataset.i18nLabel as never);
  }
  for (const el of root.querySelectorAll<HTMLTextAreaElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder as never);
}
