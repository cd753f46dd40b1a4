import type { ApiError, ChatApi, HistoryMessage, Rating, Suggestion, TurnResult } from './chat-api.ts';
import { HandoffView } from './handoff-view.ts';
import { localState, randomId, randomToken } from './local-state.ts';
import { showRating } from './message-view.ts';
import { Outbox, type QueuedMessage } from './outbox.ts';
import type { PanelParts } from './panel.ts';
import type { Locale } from './strings.ts';
import { Transcript, type Chrome } from './transcript.ts';

export interface ConversationHooks {
  /** The language the citizen picked in the panel, if any; otherwise the page's is a hint. */
  chosenLocale(): Locale | null;
  /** The bot answered in another language than the chrome's (the citizen wrote in it). */
  answeredIn(locale: Locale): void;
  incoming(): void;
}

/**
 * One citizen's conversation: its id and token (kept on the device), its history, sending through
 * the outbox, the answers and their ratings, and the handoff to an officer. When the server refuses
 * the token (the chat was started in another browser or device) the widget starts a new one.
 */
export class Conversation {
  private id = localState.conversationId();
  /** The conversation just given up because its token was refused: its queued messages move to the new one. */
  private refusedId: string | null = null;
  private readonly transcript: Transcript;
  private readonly handoff: HandoffView;
  private readonly outbox: Outbox;
  /** The citizen's own messages on screen that have not been answered yet, by client message id. */
  private readonly rows = new Map<string, HTMLElement>();
  private shown = false;
  private loading: Promise<void> | null = null;

  constructor(
    parts: PanelParts,
    private readonly chrome: Chrome,
    private readonly api: ChatApi,
    private readonly hooks: ConversationHooks,
  ) {
    this.transcript = new Transcript(parts, chrome, {
      rate: (row, rating) => void this.rate(row, rating),
      choose: (s) => this.choose(s),
      incoming: () => hooks.incoming(),
    });
    this.handoff = new HandoffView(parts, chrome, this.transcript, api);
    this.outbox = new Outbox(api, {
      sending: (item) => this.onSending(item),
      delivered: (item, result) => this.onDelivered(item, result),
      rejected: (item, isTokenRefused) => this.onRejected(item, isTokenRefused),
      waiting: (item, error) => this.onWaiting(item, error),
    });
    // A conversation kept by an older widget has no token yet: its next message sets this one.
    if (this.id && !localState.tokenFor(this.id)) localState.setConversation(this.id, randomToken());
    parts.backToBot.addEventListener('click', () => this.choose({ label: chrome.t('backToBot'), action: 'back-to-bot' }));
    // Messages queued on an earlier visit go out now, whether or not the panel is opened.
    if (this.outbox.pending.length > 0) void this.outbox.flush();
  }

  /** Shows the conversation the first time the panel opens (again after a failure). */
  show(): Promise<void> {
    if (this.shown) return Promise.resolve();
    return (this.loading ??= this.load().finally(() => (this.loading = null)));
  }

  private async load(): Promise<void> {
    this.transcript.setStatus(null);
    if (!this.id) {
      this.transcript.welcome();
      this.shown = true;
      return;
    }
    await this.outbox.flush();
    if (!this.id) return;
    try {
      const { messages } = await this.api.history(this.id);
      this.transcript.clear();
      this.rows.clear();
      if (messages.length === 0) this.transcript.welcome();
      messages.forEach((m) => this.showStored(m));
      const last = messages[messages.length - 1];
      if (last?.author === 'bot' && last.suggestions) this.transcript.setChips(last.suggestions);
      this.handoff.restore(this.id, messages);
      this.shown = true;
    } catch (err) {
      if (isTokenRefused(err)) return this.abandon();
      this.transcript.setStatus('historyFailed', 'error', () => void this.show());
    }
    this.outbox.pending.filter((i) => i.conversationId === this.id).forEach((item) => this.showQueued(item));
  }

  private showStored(m: HistoryMessage): void {
    this.transcript.append({
      author: m.author,
      text: m.text,
      locale: m.outcome?.locale,
      sourceUrl: m.sourceUrl,
      messageId: m.id,
      rateable: m.outcome?.action === 'answer',
      rating: m.rating,
      officerName: m.officerName,
    });
  }

  private showQueued(item: QueuedMessage): HTMLElement {
    const existing = this.rows.get(item.clientMessageId);
    if (existing) return existing;
    const row = this.transcript.append({ author: 'citizen', text: item.text });
    this.rows.set(item.clientMessageId, row);
    this.transcript.pending(row, 'pending');
    return row;
  }

  /** Sends the citizen's words (typed, or a tapped suggestion's label). */
  send(text: string, extra: Pick<QueuedMessage, 'faqId' | 'action' | 'moved'> = {}): void {
    if (!text.trim()) return;
    if (!this.id) localState.setConversation((this.id = randomId()), randomToken());
    const chosen = this.hooks.chosenLocale();
    const item: QueuedMessage = {
      conversationId: this.id,
      token: localState.tokenFor(this.id),
      text: text.trim(),
      clientMessageId: randomId(),
      ...(chosen ? { locale: chosen } : { localeHint: this.chrome.locale }),
      ...extra,
    };
    this.transcript.setChips([]);
    this.showQueued(item);
    void this.outbox.add(item);
  }

  choose(suggestion: Suggestion): void {
    this.send(suggestion.label, { faqId: suggestion.faqId, action: suggestion.action });
  }

  /** The conversation's token was refused: start afresh, and move its queued messages along (once). */
  private abandon(): void {
    this.refusedId = this.id;
    this.restart();
  }

  /** Starts afresh: a new id on the next message; the old conversation stays on the server. */
  restart(): void {
    this.handoff.end();
    this.id = null;
    localState.setConversation(null, null);
    this.transcript.clear();
    this.rows.clear();
    this.transcript.welcome();
    this.shown = true;
  }

  retranslate(): void {
    this.transcript.retranslate();
    this.handoff.render();
  }

  private onSending(item: QueuedMessage): void {
    const row = this.rows.get(item.clientMessageId);
    if (row) this.transcript.pending(row, 'sending');
    if (item.conversationId === this.id) this.transcript.typing(true);
  }

  private onDelivered(item: QueuedMessage, result: TurnResult): void {
    const row = this.rows.get(item.clientMessageId);
    if (row) this.transcript.pending(row, 'sent');
    this.rows.delete(item.clientMessageId);
    this.transcript.typing(false);
    this.transcript.setStatus(null);
    if (result.conversationId !== this.id) return;
    // Not on screen yet (history still loading or failed): the history will include this turn.
    if (!this.shown) return void this.show();
    for (const reply of result.replies) {
      if (this.transcript.has(reply.messageId)) continue;
      const { locale, action } = result.outcome;
      this.transcript.append({ author: 'bot', text: reply.text, locale, sourceUrl: reply.sourceUrl, messageId: reply.messageId, rateable: action === 'answer' });
    }
    if (result.ticket) this.handoff.start(this.id, result.ticket);
    if (result.outcome.intent === 'back-to-bot') this.handoff.end();
    const suggestions = result.replies[result.replies.length - 1]?.suggestions ?? [];
    // While the ticket bar shows, it carries "back to the bot"; a second such button would only confuse.
    const chips = this.handoff.active ? suggestions.filter((s) => s.action !== 'back-to-bot') : suggestions;
    if (chips.length) this.transcript.setChips(chips);
    this.hooks.answeredIn(result.outcome.locale);
  }

  private onRejected(item: QueuedMessage, isTokenRefused: boolean): void {
    const row = this.rows.get(item.clientMessageId);
    if (row) this.transcript.pending(row, 'failed');
    this.rows.delete(item.clientMessageId);
    this.transcript.typing(false);
    if (isTokenRefused && item.conversationId === this.id) this.abandon();
    // Sent again in the fresh conversation, once: refused there too, something else is wrong.
    if (isTokenRefused && item.conversationId === this.refusedId && !item.moved) this.send(item.text, { faqId: item.faqId, action: item.action, moved: true });
    else this.transcript.setStatus('rejected', 'error');
  }

  private onWaiting(_item: QueuedMessage, error: ApiError): void {
    for (const row of this.rows.values()) this.transcript.pending(row, 'pending');
    this.transcript.typing(false);
    if (error.kind === 'offline') this.transcript.setStatus('offline');
    else if (error.kind === 'rate-limited') this.transcript.setStatus('rateLimited');
    else this.transcript.setStatus('sendFailed', 'error', () => void this.outbox.flush());
  }

  private async rate(row: HTMLElement, rating: Rating): Promise<void> {
    const messageId = Number(row.dataset.messageId);
    const before = row.querySelector<HTMLElement>('button.rate[aria-pressed=true]')?.dataset.rating as Rating | undefined;
    if (!this.id || !messageId || before === rating) return;
    showRating(row, rating);
    try {
      await this.api.rate(this.id, messageId, rating);
      this.transcript.setStatus(rating === 'up' ? 'thanksFeedback' : 'sorryFeedback');
      if (rating === 'down' && !this.handoff.active) this.transcript.setChips([{ label: this.chrome.t('officerAction'), action: 'officer' }]);
    } catch (err) {
      if (isTokenRefused(err)) return this.abandon();
      showRating(row, before ?? null);
      this.transcript.setStatus('ratingFailed', 'error');
    }
  }
}

const isTokenRefused = (err: unknown) => (err as ApiError).kind === 'token';
