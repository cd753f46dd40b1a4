import { html, nothing, type PropertyValues } from 'lit';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { liveQueue, type LiveState } from '../live-queue.ts';
import { isReminded, waitingSince, formatDuration, type QueueCounts, type TicketView } from '../tickets.ts';
import type { EntrySummary } from '../types.ts';
import { ConsoleView } from '../view.ts';
import './failed-deliveries.ts';
import './ticket-detail.ts';

type Filter = 'all' | 'mine' | 'waiting' | 'escalated';
const FILTERS: Filter[] = ['all', 'mine', 'waiting', 'escalated'];
const QUERY: Record<Filter, string> = { all: '', mine: '?mine=true', waiting: '?status=waiting', escalated: '?escalated=true' };
/** Waiting times are shown in minutes: refreshing twice a minute keeps them right without a busy page. */
const TICK_MS = 30_000;
/** Bursts of changes (a claim is a claim plus a system message) reload the queue once. */
const RELOAD_DEBOUNCE_MS = 250;

/** The filter outlives the view, so going to another section and back keeps it. */
let lastFilter: Filter = 'all';

/**
 * The officers' inbox: the live queue (waiting first, escalated flagged) next to the open ticket.
 * Everything comes over the documented officer API; the live stream only says when to look again.
 */
class InboxView extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    tickets: { state: true },
    counts: { state: true },
    filter: { state: true },
    error: { state: true },
    live: { state: true },
    announcement: { state: true },
    now: { state: true },
  };
  declare tickets: TicketView[] | null;
  declare counts: QueueCounts | null;
  declare filter: Filter;
  declare error: string;
  declare live: LiveState;
  declare announcement: string;
  declare now: number;
  private topics = new Map<string, string>();
  private cleanups: (() => void)[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.tickets = null;
    this.counts = null;
    this.filter = lastFilter;
    this.error = this.announcement = '';
    this.live = liveQueue.state;
    this.now = Date.now();
  }

  override connectedCallback() {
    super.connectedCallback();
    const tick = setInterval(() => (this.now = Date.now()), TICK_MS);
    this.cleanups = [
      liveQueue.acquire(),
      liveQueue.on('state', (s) => (this.live = s)),
      liveQueue.on('resync', () => this.scheduleReload()),
      liveQueue.on('ticket', (e) => this.onTicket(e.change, e.ticket)),
      () => clearInterval(tick),
    ];
    this.live = liveQueue.state;
    void this.load();
    void api<{ entries: EntrySummary[] }>('GET', '/api/staff/kb/entries?status=published')
      .then((r) => ((this.topics = new Map(r.entries.map((e) => [e.id, e.title]))), this.requestUpdate()))
      .catch(() => undefined);
    if (!this.param) this.focusHeading();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    clearTimeout(this.reloadTimer);
  }

  protected override updated(changed: PropertyValues<this>) {
    // Back from a ticket to the queue (tablet layout): put the keyboard where the person is.
    if (changed.has('param') && changed.get('param') && !this.param) this.focusHeading();
  }

  private async load() {
    try {
      const res = await api<{ tickets: TicketView[]; counts: QueueCounts }>('GET', `/api/staff/tickets${QUERY[this.filter]}`);
      this.tickets = res.tickets;
      this.counts = res.counts;
      liveQueue.setCounts(res.counts);
      this.error = '';
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private scheduleReload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(), RELOAD_DEBOUNCE_MS);
  }

  private onTicket(change: string, ticket: TicketView) {
    this.scheduleReload();
    const me = this.user?.id;
    const where = { number: ticket.number, channel: t(`channels.${ticket.channel}`), locale: t(`locales.${ticket.locale}`) };
    if (change === 'created') this.announce(t('inbox.announceNew', where));
    else if (change === 'escalated') this.announce(t('inbox.announceEscalated', where));
    else if (change === 'reminded' && ticket.officer?.id === me) this.announce(t('inbox.announceReminder', where));
    else if (change === 'transferred' && ticket.officer?.id === me) this.announce(t('inbox.announceTransferred', where));
  }

  /** Polite: a screen reader finishes what it is reading first. Cleared so the same words can be said again. */
  private announce(text: string) {
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private setFilter(filter: Filter) {
    this.filter = lastFilter = filter;
    this.tickets = null;
    void this.load();
  }

  private filterCount(filter: Filter): number | null {
    const c = this.counts;
    if (!c) return null;
    if (filter === 'all') return c.waiting + c.assigned;
    if (filter === 'waiting') return c.waiting;
    if (filter === 'escalated') return c.escalated;
    return null;
  }

  private filters() {
    return html`<div class="segmented inbox-filters" role="group" aria-label=${t('inbox.filter')}>
      ${FILTERS.map((f) => {
        const count = this.filterCount(f);
        return html`<button type="button" class="chip" aria-pressed=${this.filter === f ? 'true' : 'false'} @click=${() => this.setFilter(f)}>
          ${t(`inbox.filter_${f}`)}${count === null ? nothing : html` <span class="chip-count">${count}</span>`}
        </button>`;
      })}
    </div>`;
  }

  private item(ticket: TicketView) {
    const since = waitingSince(ticket);
    const selected = ticket.number === this.param?.toUpperCase();
    const topic = ticket.topicId ? (this.topics.get(ticket.topicId) ?? ticket.topicId) : null;
    const who = ticket.status === 'waiting'
      ? t('inbox.position', { position: ticket.queuePosition })
      : ticket.officer?.id === this.user?.id ? t('inbox.withYou') : t('inbox.withOfficer', { name: ticket.officer?.name ?? '—' });
    const classes = ['queue-item', `is-${ticket.status}`, ticket.escalated ? 'is-escalated' : '', selected ? 'is-selected' : ''].join(' ');
    return html`<li class=${classes}>
      <a class="queue-link" href="/console/inbox/${ticket.number}" aria-current=${selected ? 'page' : nothing}>
        <span class="queue-top">
          <span class="ticket-no">${ticket.number}</span>
          ${ticket.escalated ? html`<span class="flag flag-escalated">${t('inbox.escalated')}</span>` : nothing}
          ${ticket.kind === 'complaint' ? html`<span class="flag flag-complaint">${t('inbox.complaint')}</span>` : nothing}
          ${isReminded(ticket) ? html`<span class="flag flag-reminder">${t('inbox.reminder')}</span>` : nothing}
          ${ticket.status === 'assigned' && ticket.awaitingOfficer && !isReminded(ticket) ? html`<span class="flag flag-info">${t('inbox.awaitingReply')}</span>` : nothing}
          ${since ? html`<span class="wait" title=${t('inbox.waitingFor', { time: formatDuration(this.now - Date.parse(since)) })}>
            <span class="sr-only">${t('inbox.waitingForShort')} </span>${formatDuration(this.now - Date.parse(since))}</span>` : nothing}
        </span>
        ${ticket.preview ? html`<span class="queue-preview" lang=${ticket.locale}>${ticket.preview}</span>` : nothing}
        <span class="queue-meta">${t(`channels.${ticket.channel}`)} · ${t(`locales.${ticket.locale}`)}${topic ? html` · ${topic}` : nothing}</span>
        <span class="queue-meta queue-who">${who}</span>
      </a>
    </li>`;
  }

  private queue() {
    if (this.tickets === null) return html`<p role="status">${t('common.loading')}</p>`;
    if (this.tickets.length === 0) return html`<p class="empty">${t(`inbox.empty_${this.filter}`)}</p>`;
    const waiting = this.tickets.filter((tk) => tk.status === 'waiting');
    const assigned = this.tickets.filter((tk) => tk.status !== 'waiting');
    const group = (key: string, list: TicketView[]) =>
      list.length === 0 ? nothing : html`<h2 class="queue-heading" id="queue-${key}">${t(`inbox.group_${key}`, { count: list.length })}</h2>
        <ul class="queue-list" aria-labelledby="queue-${key}">${list.map((tk) => this.item(tk))}</ul>`;
    return html`${group('waiting', waiting)}${group('assigned', assigned)}`;
  }

  override render() {
    const detail = Boolean(this.param);
    return html`<section class=${detail ? 'page inbox-page has-detail' : 'page inbox-page'}>
      <div class="page-head">
        <h1 tabindex="-1">${t('inbox.title')}</h1>
        <span class="live-state live-${this.live}" role="status"><span class="live-dot" aria-hidden="true"></span>${t(`inbox.live_${this.live}`)}</span>
      </div>
      <div class="sr-only" aria-live="polite">${this.announcement}</div>
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      <div class="inbox">
        <div class="queue-pane">
          ${this.filters()}
          <failed-deliveries .lang=${this.lang} .tickets=${this.tickets ?? []}></failed-deliveries>
          ${this.queue()}
        </div>
        <div class="detail-pane">
          ${detail
            ? html`<a class="back-link queue-back" href="/console/inbox">← ${t('inbox.backToQueue')}</a>
                <ticket-detail .user=${this.user} .lang=${this.lang} .param=${this.param} .now=${this.now} .topics=${this.topics}></ticket-detail>`
            : html`<div class="detail-empty"><p>${t('inbox.pick')}</p></div>`}
        </div>
      </div>
    </section>`;
  }
}
customElements.define('inbox-view', InboxView);
