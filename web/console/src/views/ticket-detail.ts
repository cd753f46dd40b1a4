import { html, nothing, type PropertyValues } from 'lit';
import { api, ApiError, can } from '../api.ts';
import { t } from '../i18n.ts';
import { liveQueue } from '../live-queue.ts';
import { formatDuration, isOpen, isReminded, settle, type ChannelStatus, type Officer, type ShownEntry, type TicketDetail as Detail, type TranscriptEntry } from '../tickets.ts';
import { ERASED_CONVERSATION_PREFIX } from '../types.ts';
import { ConsoleView } from '../view.ts';
import './erase-conversation.ts';
import { closeRefusal, composer, sidePanel, type Panel } from './ticket-actions.ts';
import { statusBadge, ticketFacts, ticketSide, transcript } from './ticket-parts.ts';

/** A ticket's live changes come in bursts (a claim is a claim, a system message, an activity): reload once. */
const RELOAD_DEBOUNCE_MS = 250;

/**
 * One ticket: the masked transcript, the officer's actions (claim, reply, note, transfer, resolve,
 * close), internal notes and the history. New citizen messages appear as they arrive.
 */
class TicketDetailView extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    now: { type: Number },
    topics: { attribute: false },
    detail: { state: true },
    entries: { state: true },
    channel: { state: true },
    officers: { state: true },
    panel: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
    announcement: { state: true },
  };
  declare now: number;
  declare topics: Map<string, string>;
  declare detail: Detail | null;
  declare entries: ShownEntry[];
  declare channel: ChannelStatus | null;
  declare officers: Officer[];
  declare panel: Panel;
  declare busy: boolean;
  declare message: string;
  declare error: string;
  declare announcement: string;
  private cleanups: (() => void)[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private stickToBottom = true;

  constructor() {
    super();
    this.now = Date.now();
    this.topics = new Map();
    this.detail = null;
    this.entries = [];
    this.channel = null;
    this.officers = [];
    this.panel = null;
    this.busy = false;
    this.message = this.error = this.announcement = '';
  }

  private get number() {
    return (this.param ?? '').toUpperCase();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.cleanups = [
      liveQueue.on('message', (e) => e.ticketNumber === this.number && this.onMessage(e.message)),
      liveQueue.on('ticket', (e) => e.ticket.number === this.number && this.detail && ((this.detail = { ...this.detail, ticket: e.ticket }), this.scheduleReload())),
      liveQueue.on('resync', () => this.scheduleReload()),
    ];
    void this.loadOfficers();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups) cleanup();
    clearTimeout(this.reloadTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('param')) {
      this.detail = null;
      this.entries = [];
      this.channel = null;
      this.panel = null;
      this.message = this.error = '';
      this.stickToBottom = true;
      void this.load().then(() => this.updateComplete.then(() => this.querySelector<HTMLElement>('#ticket-title')?.focus()));
    }
  }

  protected override updated() {
    const box = this.querySelector<HTMLElement>('.transcript');
    if (box && this.stickToBottom) box.scrollTop = box.scrollHeight;
  }

  private async load() {
    const number = this.number;
    try {
      const detail = await api<Detail>('GET', `/api/staff/tickets/${encodeURIComponent(number)}`);
      if (number !== this.number) return;
      this.detail = detail;
      // The server's word on delivery wins; a reply still in flight stays until the transcript has it.
      const known = new Set(this.entries.map((e) => e.id));
      const arrived = detail.transcript.filter((m) => m.author === 'officer' && !known.has(m.id)).map((m) => m.text);
      this.entries = [...detail.transcript, ...this.entries.filter((e) => e.delivery === 'sending' && !arrived.includes(e.text))];
      if (detail.ticket.channel === 'whatsapp' && !this.channel) void this.loadChannel();
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private scheduleReload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(), RELOAD_DEBOUNCE_MS);
  }

  private async loadChannel() {
    const id = this.detail?.ticket.conversationId;
    if (!id) return;
    this.channel = await api<ChannelStatus>('GET', `/api/staff/channels/conversations/${encodeURIComponent(id)}`).catch(() => null);
  }

  private async loadOfficers() {
    this.officers = (await api<{ officers: Officer[] }>('GET', '/api/staff/officers').catch(() => ({ officers: [] }))).officers;
  }

  private onMessage(message: TranscriptEntry) {
    this.noteScroll();
    if (!this.entries.some((e) => e.id === message.id)) this.entries = settle(this.entries, message);
    if (message.author === 'citizen') {
      this.announce(t('inbox.announceMessage', { number: this.number }));
      if (this.detail?.ticket.channel === 'whatsapp') void this.loadChannel();
    }
  }

  private announce(text: string) {
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** Follow new messages only when the officer is already at the end (not while reading back). */
  private noteScroll() {
    const box = this.querySelector<HTMLElement>('.transcript');
    this.stickToBottom = !box || box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  }

  /** Runs an action; on success shows `success` and reloads, on failure the server's reason. */
  private async act(task: () => Promise<unknown>, success: string, refused?: (err: ApiError) => string | null): Promise<boolean> {
    this.busy = true;
    this.message = this.error = '';
    try {
      await task();
      this.panel = null;
      await this.load();
      // Said once the view shows the new state, never before it.
      this.message = success;
      return true;
    } catch (err) {
      await this.load();
      this.error = (err instanceof ApiError && refused?.(err)) || this.errorText(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async claim() {
    const done = await this.act(() => api('POST', `/api/staff/tickets/${this.number}/claim`), t('inbox.claimed', { number: this.number }), (err) =>
      err.code === 'already_claimed' ? t('inbox.alreadyClaimed', { number: this.number, name: this.detail?.ticket.officer?.name ?? t('inbox.someone') }) : null,
    );
    if (done) await this.updateComplete.then(() => this.querySelector<HTMLElement>('#reply-text')?.focus());
  }

  private async reply(event: SubmitEvent) {
    event.preventDefault();
    const box = this.querySelector<HTMLTextAreaElement>('#reply-text')!;
    const text = box.value.trim();
    if (!text || this.busy) return;
    const temp: ShownEntry = { id: -Date.now(), author: 'officer', text, createdAt: new Date().toISOString(), officerName: this.user?.name, delivery: 'sending' };
    this.stickToBottom = true;
    this.entries = [...this.entries, temp];
    box.value = '';
    this.error = this.message = '';
    try {
      const res = await api<{ message: TranscriptEntry; delivered: boolean }>('POST', `/api/staff/tickets/${this.number}/reply`, { text });
      const sent: ShownEntry = { ...res.message, delivery: res.delivered ? 'sent' : 'queued' };
      this.entries = settle(this.entries.filter((e) => e.id !== temp.id && e.id !== sent.id), sent);
      this.querySelector<{ load(): Promise<void> } & Element>('failed-deliveries')?.load();
    } catch (err) {
      this.entries = this.entries.filter((e) => e.id !== temp.id);
      if (!box.value) box.value = text;
      this.error = this.errorText(err);
    }
  }

  private async submitPanel(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const base = `/api/staff/tickets/${this.number}`;
    let done = false;
    if (this.panel === 'transfer') {
      const officer = this.officers.find((o) => o.id === value('officerId'));
      const note = value('note') || undefined;
      done = await this.act(() => api('POST', `${base}/transfer`, { officerId: value('officerId'), note }), t('inbox.transferredTo', { name: officer?.name ?? '' }));
    } else if (this.panel === 'resolve') {
      done = await this.act(() => api('POST', `${base}/resolve`, { note: value('note') }), t('inbox.resolvedDone', { number: this.number }));
    } else if (this.panel === 'close') {
      done = await this.act(() => api('POST', `${base}/close`, { message: value('message') }), t('inbox.closedDone', { number: this.number }), (err) => closeRefusal(err, this.detail!.ticket));
    }
    // The panel is gone: the keyboard continues from the ticket's heading, under which the outcome is shown.
    if (done) await this.updateComplete.then(() => this.querySelector<HTMLElement>('#ticket-title')?.focus());
  }

  /** Escape or Cancel: close the panel and return to the button that opened it. */
  private closePanel() {
    const panel = this.panel;
    this.panel = null;
    this.updateComplete.then(() => this.querySelector<HTMLElement>(`[data-panel="${panel}"]`)?.focus());
  }


  /** The transcript and notes are gone: show the ticket as it is kept now. */
  private async onErased() {
    await this.load();
    this.message = t('erase.done');
    await this.updateComplete.then(() => this.querySelector<HTMLElement>('#ticket-title')?.focus());
  }

  private async addNote(event: SubmitEvent) {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const text = String(new FormData(formEl).get('note') ?? '').trim();
    if (!text) return;
    if (await this.act(() => api('POST', `/api/staff/tickets/${this.number}/notes`, { text }), t('inbox.noteAdded'))) formEl.reset();
  }

  private togglePanel(panel: Exclude<Panel, null>) {
    this.panel = this.panel === panel ? null : panel;
    this.message = this.error = '';
    if (this.panel === 'transfer') void this.loadOfficers();
    if (this.panel) this.updateComplete.then(() => this.querySelector<HTMLElement>('.side-panel textarea, .side-panel select')?.focus());
  }

  /** The outcome of the last action; shown in the open panel when the action came from there. */
  private feedback() {
    return html`<div aria-live="polite">
      ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private stateNotice(d: Detail, mine: boolean) {
    const tk = d.ticket;
    if (tk.status === 'waiting') {
      return html`<div class="claim-bar"><p>${t('inbox.claimIntro')}</p>
        <button type="button" class="btn btn-primary" ?disabled=${this.busy} @click=${() => void this.claim()}>${t('inbox.claim')}</button></div>`;
    }
    if (!isOpen(tk)) {
      const note = tk.resolutionNote ? html` <span class="muted">${t('inbox.resolutionNote', { note: tk.resolutionNote })}</span>` : nothing;
      return html`<p class="alert alert-info">${t(`inbox.ended_${tk.endReason ?? 'resolved'}`)}${note}</p>`;
    }
    if (!mine) return html`<p class="alert alert-info">${t('inbox.heldBy', { name: tk.officer?.name ?? t('inbox.someone') })}</p>`;
    if (isReminded(tk) && tk.lastCitizenMessageAt) {
      return html`<p class="alert alert-warning reminder"><strong>${t('inbox.reminder')}:</strong> ${t('inbox.reminderText', { time: formatDuration(this.now - Date.parse(tk.lastCitizenMessageAt)) })}</p>`;
    }
    return nothing;
  }

  private actions(d: Detail, mine: boolean) {
    const tk = d.ticket;
    const supervise = tk.status === 'assigned' && (mine || this.user?.role === 'admin');
    if (!supervise) return nothing;
    const toggle = (panel: Exclude<Panel, null>, label: string) =>
      html`<button type="button" class="btn" data-panel=${panel} aria-expanded=${this.panel === panel ? 'true' : 'false'} aria-controls="side-panel" @click=${() => this.togglePanel(panel)}>${label}</button>`;
    return html`<div class="ticket-actions button-row" role="group" aria-label=${t('inbox.actions')}>
        ${toggle('transfer', t('inbox.transfer'))}${toggle('resolve', t('inbox.resolve'))}${mine ? toggle('close', t('inbox.close')) : nothing}
      </div>
      ${sidePanel({ panel: this.panel, ticket: tk, officers: this.officers, me: this.user?.id ?? '', busy: this.busy, now: this.now, feedback: this.feedback(), submit: (e) => void this.submitPanel(e), cancel: () => this.closePanel() })}`;
  }

  override render() {
    const d = this.detail;
    if (!d) return this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : html`<p role="status">${t('common.loading')}</p>`;
    const tk = d.ticket;
    const mine = tk.status === 'assigned' && tk.officer?.id === this.user?.id;
    const names = new Map(this.officers.map((o) => [o.id, o.name]));
    return html`<article class="ticket" aria-labelledby="ticket-title">
      <div class="ticket-head">
        <h2 id="ticket-title" tabindex="-1">${tk.number}</h2>
        ${statusBadge(tk)}
        ${tk.escalated && isOpen(tk) ? html`<span class="flag flag-escalated">${t('inbox.escalated')}</span>` : nothing}
        ${tk.kind === 'complaint' ? html`<span class="flag flag-complaint">${t('inbox.complaint')}</span>` : nothing}
      </div>
      ${ticketFacts(tk, this.topics, this.now)}
      <div class="sr-only" aria-live="polite">${this.announcement}</div>
      ${this.panel ? nothing : this.feedback()}
      ${this.stateNotice(d, mine)}
      <section class="card transcript-card">
        <h3 id="transcript-title">${t('inbox.conversation')}</h3>
        <div class="transcript" role="region" tabindex="0" aria-labelledby="transcript-title" @scroll=${() => this.noteScroll()}>${transcript(this.entries, tk.locale)}</div>
        ${tk.channel === 'telegram' || tk.channel === 'whatsapp' ? html`<failed-deliveries .lang=${this.lang} .conversationId=${tk.conversationId}></failed-deliveries>` : nothing}
        ${mine ? composer({ channel: this.channel, now: this.now, submit: (e) => void this.reply(e) }) : nothing}
      </section>
      ${this.actions(d, mine)}
      ${can.admin(this.user) && !isOpen(tk) && !tk.conversationId.startsWith(ERASED_CONVERSATION_PREFIX)
        ? html`<erase-conversation .lang=${this.lang} .conversationId=${tk.conversationId} @erased=${() => void this.onErased()}></erase-conversation>`
        : nothing}
      ${ticketSide({ notes: d.notes, events: d.events, names, busy: this.busy, addNote: (e) => void this.addNote(e) })}
    </article>`;
  }
}

customElements.define('ticket-detail', TicketDetailView);
