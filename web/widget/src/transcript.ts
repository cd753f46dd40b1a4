import type { Rating, Suggestion } from './chat-api.ts';
import { h, setChildren } from './dom.ts';
import { markPending, messageRow, type MessageView } from './message-view.ts';
import type { PanelParts } from './panel.ts';
import { STRINGS, type Locale, type StringKey, type Translate } from './strings.ts';

/** The language the chrome is in right now; shared by every part of the widget. */
export interface Chrome {
  locale: Locale;
  t: Translate;
}

export interface TranscriptEvents {
  rate(row: HTMLElement, rating: Rating): void;
  choose(suggestion: Suggestion): void;
  /** A message from the bot or an officer arrived (the launcher shows a dot while closed). */
  incoming(): void;
}

/**
 * What the citizen sees of the conversation: the log of messages, quick replies, the typing
 * indicator and the status line. Knows nothing of the network.
 */
export class Transcript {
  /** Server message ids already shown, so a live event and the history never show one twice. */
  private readonly seen = new Set<number>();
  private starters = false;

  constructor(
    private readonly parts: PanelParts,
    private readonly chrome: Chrome,
    private readonly events: TranscriptEvents,
  ) {}

  clear(): void {
    setChildren(this.parts.log);
    this.seen.clear();
    this.setChips([]);
    this.setStatus(null);
  }

  has(messageId: number | undefined): boolean {
    return messageId !== undefined && this.seen.has(messageId);
  }

  append(view: MessageView): HTMLElement {
    if (view.messageId !== undefined) this.seen.add(view.messageId);
    const row = messageRow(view, this.chrome.t, this.events.rate);
    this.parts.log.append(row);
    this.scrollTo(row);
    if (view.author === 'bot' || view.author === 'officer') this.events.incoming();
    return row;
  }

  /** A long answer is shown from its first line, not its last; anything else scrolls to the end. */
  private scrollTo(row: HTMLElement): void {
    const { log } = this.parts;
    const tall = row.offsetHeight > log.clientHeight * 0.8 && !row.classList.contains('citizen');
    log.scrollTop = tall ? row.offsetTop - 8 : log.scrollHeight;
  }

  pending(row: HTMLElement, state: Parameters<typeof markPending>[1]): void {
    markPending(row, state, this.chrome.t);
  }

  /** The greeting (the server's own "greeting" string) and a few common topics to start from. */
  welcome(): void {
    const row = this.append({ author: 'bot', text: this.chrome.t('greeting'), locale: this.chrome.locale });
    row.dataset.welcome = '';
    this.showStarters();
  }

  /** After a language switch the greeting and starters, not yet answered, follow the new language. */
  retranslate(): void {
    const welcome = this.parts.log.querySelector<HTMLElement>('[data-welcome]');
    if (welcome && this.parts.log.childElementCount === 1) {
      setChildren(this.parts.log);
      this.welcome();
    } else if (this.starters) this.showStarters();
  }

  setChips(suggestions: Suggestion[]): void {
    this.starters = false;
    setChildren(
      this.parts.chips,
      ...suggestions.map((s) => {
        const chip = h('button', { type: 'button' }, s.label);
        chip.addEventListener('click', () => this.events.choose(s));
        return chip;
      }),
    );
  }

  private showStarters(): void {
    // Nested by area, so that the i18next key widget.starters.ktp.lost reads as the topic id ktp.lost.
    const starters: Record<string, Record<string, string>> = STRINGS[this.chrome.locale].starters;
    const topics = Object.entries(starters).flatMap(([area, slugs]) => Object.entries(slugs).map(([slug, label]) => ({ faqId: `${area}.${slug}`, label })));
    this.setChips(topics);
    this.starters = true;
  }

  typing(on: boolean): void {
    const dots = h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
    setChildren(this.parts.typing, ...(on ? [dots, this.chrome.t('typing')] : []));
  }

  /** One line of plain-words status under the log; errors may offer a retry button. */
  setStatus(key: StringKey | null, tone: 'info' | 'error' = 'info', retry?: () => void): void {
    const { status } = this.parts;
    status.className = `status ${tone}`;
    if (!key) return setChildren(status);
    const message = h('span', {}, this.chrome.t(key));
    if (!retry) return setChildren(status, message);
    const button = h('button', { type: 'button' }, this.chrome.t('retry'));
    button.addEventListener('click', retry);
    setChildren(status, message, button);
  }
}
