import { html, nothing, type PropertyValues } from 'lit';
import { api } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { liveQueue } from '../live-queue.ts';
import type { FailedDelivery, TicketView } from '../tickets.ts';
import { ConsoleView } from '../view.ts';

/** The outbox gives up quietly (no event): look again now and then while the inbox is open. */
const POLL_MS = 60_000;

/**
 * Telegram and WhatsApp messages the outbox gave up on, with the reason and a retry button. In
 * the queue it lists every failure (linked to its open ticket); in a ticket, only that conversation's.
 */
class FailedDeliveries extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    tickets: { attribute: false },
    conversationId: { type: String },
    failures: { state: true },
    message: { state: true },
    error: { state: true },
    busyId: { state: true },
  };
  declare tickets: TicketView[];
  declare conversationId: string | undefined;
  declare failures: FailedDelivery[];
  declare message: string;
  declare error: string;
  declare busyId: number | null;
  private cleanups: (() => void)[] = [];

  constructor() {
    super();
    this.tickets = [];
    this.failures = [];
    this.message = this.error = '';
    this.busyId = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    const poll = setInterval(() => void this.load(), POLL_MS);
    this.cleanups = [() => clearInterval(poll), liveQueue.on('resync', () => void this.load())];
    void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups) cleanup();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('conversationId') && changed.get('conversationId') !== undefined) {
      this.message = this.error = '';
      void this.load();
    }
  }

  /** Reloads the list; the ticket view calls this after an officer's reply, which may be the next failure. */
  async load() {
    const filter = this.conversationId ? `&conversationId=${encodeURIComponent(this.conversationId)}` : '';
    try {
      this.failures = (await api<{ messages: FailedDelivery[] }>('GET', `/api/staff/outbox?status=failed&limit=50${filter}`)).messages;
    } catch {
      // Not fatal for the inbox: the panel simply stays as it was.
    }
  }

  private async retry(failure: FailedDelivery) {
    this.busyId = failure.id;
    this.message = this.error = '';
    try {
      await api('POST', `/api/staff/outbox/${failure.id}/retry`);
      this.message = t('inbox.failedRetried');
      await this.load();
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busyId = null;
    }
  }

  private row(f: FailedDelivery) {
    const ticket = this.conversationId ? undefined : this.tickets.find((tk) => tk.conversationId === f.conversationId);
    return html`<li class="failed-item">
      <div class="failed-text">
        <span class="failed-meta">${t(`channels.${f.channel}`)} · ${formatDateTime(f.failedAt ?? f.createdAt)}${ticket
          ? html` · <a href="/console/inbox/${ticket.number}">${ticket.number}</a>`
          : nothing}</span>
        <span class="failed-preview">${f.text}</span>
        ${f.lastError ? html`<span class="failed-error">${t('inbox.failedReason', { reason: f.lastError })}</span>` : nothing}
      </div>
      <button type="button" class="btn btn-small" ?disabled=${this.busyId === f.id} @click=${() => void this.retry(f)}>
        ${t('inbox.retry')}<span class="sr-only"> ${f.text.slice(0, 60)}</span>
      </button>
    </li>`;
  }

  override render() {
    const status = html`<div aria-live="polite">
      ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
    </div>`;
    if (this.failures.length === 0) return status;
    return html`${status}<details class="failed-panel" ?open=${Boolean(this.conversationId)}>
      <summary><span class="flag flag-escalated">!</span> ${t('inbox.failedTitle', { count: this.failures.length })}</summary>
      <p class="hint">${t('inbox.failedIntro')}</p>
      <ul class="failed-list">${this.failures.map((f) => this.row(f))}</ul>
    </details>`;
  }
}
customElements.define('failed-deliveries', FailedDeliveries);
