import type { Author, Rating, Reply } from './chat-api.ts';
import { h, icon, link, renderBlocks, srOnly } from './dom.ts';
import { parseRichText, safeHref } from './rich-text.ts';
import type { Locale, StringKey, Translate } from './strings.ts';

export interface MessageView {
  author: Author;
  text: string;
  /** Language of the text, so a screen reader pronounces Javanese or English as such. */
  locale?: Locale;
  sourceUrl?: string | null;
  /** The stored message's id, once the server has it. */
  messageId?: number;
  /** Answers from the knowledge base get 👍/👎 (not greetings, questions back, or officer messages). */
  rateable?: boolean;
  rating?: Rating;
  officerName?: string;
}

/** Marks text to be re-translated when the citizen switches language. */
export function i18nText<K extends keyof HTMLElementTagNameMap>(tag: K, key: StringKey, t: Translate, attrs = {}) {
  return h(tag, { ...attrs, 'data-i18n': key }, t(key));
}

/** Builds one message row: who wrote it (for screen readers), the text, its source and rating. */
export function messageRow(view: MessageView, t: Translate, onRate: (row: HTMLElement, rating: Rating) => void): HTMLElement {
  const bubble = h('div', { class: 'bubble', lang: view.locale }, renderBlocks(parseRichText(view.text)));
  const row = h('div', { class: `msg ${view.author}`, 'data-message-id': view.messageId }, authorLabel(view, t), bubble);
  const source = view.sourceUrl ? safeHref(view.sourceUrl) : null;
  if (source) row.append(sourceLine(source, t));
  if (view.rateable && view.messageId) row.append(ratingButtons(row, view.rating, t, onRate));
  return row;
}

function authorLabel(view: MessageView, t: Translate): HTMLElement {
  if (view.author === 'officer') {
    const name = view.officerName ? `${t('officer')} ${view.officerName}` : t('officer');
    return h('span', { class: 'who' }, name);
  }
  if (view.author === 'citizen') return h('span', { class: 'sr', 'data-i18n': 'you' }, t('you'));
  return srOnly('Layani');
}

/** "Sumber: dukcapil.kemendagri.go.id", using the server's own "source" string. */
function sourceLine(href: string, t: Translate): HTMLElement {
  const marker = '\u0001';
  const [before, after = ''] = t('source', { url: marker }).split(marker);
  return h('p', { class: 'source' }, before, link(new URL(href).hostname.replace(/^www\./, ''), href), after);
}

function ratingButtons(row: HTMLElement, rating: Rating | undefined, t: Translate, onRate: (row: HTMLElement, rating: Rating) => void) {
  const button = (value: Rating, key: StringKey) => {
    const b = h('button', { type: 'button', class: 'rate', 'data-rating': value, 'aria-pressed': String(rating === value), 'aria-label': t(key), 'data-i18n-label': key, title: t(key) }, icon(value));
    b.addEventListener('click', () => onRate(row, value));
    return b;
  };
  return h('div', { class: 'rating' }, button('up', 'helpful'), button('down', 'notHelpful'));
}

/** Shows the rating a citizen picked (or clears it when the request failed). */
export function showRating(row: HTMLElement, rating: Rating | null): void {
  for (const b of row.querySelectorAll<HTMLButtonElement>('button.rate')) b.setAttribute('aria-pressed', String(b.dataset.rating === rating));
}

/** The citizen's own message while it waits for the connection. */
export function markPending(row: HTMLElement, state: 'pending' | 'sending' | 'sent' | 'failed', t: Translate): void {
  row.querySelector('.state')?.remove();
  row.classList.toggle('pending', state !== 'sent');
  if (state === 'sent') return;
  const key: StringKey = state === 'pending' ? 'pending' : state === 'sending' ? 'sending' : 'notSent';
  row.append(h('span', { class: `state ${state}` }, state === 'pending' && icon('clock'), h('span', { 'data-i18n': key }, t(key))));
}

export type { Reply };
