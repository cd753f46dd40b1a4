import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { navigate } from '../router.ts';
import type { EntrySummary } from '../types.ts';
import { ConsoleView } from '../view.ts';

interface Group {
  key: number;
  ids: number[];
  count: number;
  representative: { text: string; locale: string };
  examples: { text: string; locale: string; count: number }[];
  locales: Record<string, number>;
  reasons: Record<string, number>;
  lastAt: string;
  bestGuess: { topicId: string; title: string; score: number } | null;
}

/** Questions the bot could not answer, grouped: teach it, start a new entry, or set them aside. */
class UnansweredView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, groups: { state: true }, sort: { state: true }, message: { state: true }, error: { state: true }, busyKey: { state: true }, newEntryKey: { state: true } };
  declare groups: Group[] | null;
  declare sort: 'frequent' | 'newest';
  declare message: string;
  declare error: string;
  declare busyKey: number | null;
  declare newEntryKey: number | null;
  private topics: EntrySummary[] = [];

  constructor() {
    super();
    this.groups = null;
    this.sort = 'frequent';
    this.message = this.error = '';
    this.busyKey = null;
    this.newEntryKey = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
    void api<{ entries: EntrySummary[] }>('GET', '/api/staff/kb/entries?status=published').then((r) => ((this.topics = r.entries), this.requestUpdate()));
    this.focusHeading();
  }

  private async load() {
    try {
      this.groups = (await api<{ groups: Group[] }>('GET', `/api/staff/unanswered?sort=${this.sort}`)).groups;
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private async act(group: Group, body: Record<string, unknown>, success: string, after?: () => void) {
    this.busyKey = group.key;
    this.error = this.message = '';
    try {
      await api('POST', '/api/staff/unanswered/actions', { ids: group.ids, ...body });
      await this.load();
      // Said once the list shows the change, never before it.
      this.message = success;
      after?.();
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busyKey = null;
    }
  }

  private addVariants(group: Group) {
    const select = this.querySelector<HTMLSelectElement>(`#topic-${group.key}`)!;
    const topicId = select.value;
    void this.act(group, { action: 'add-variants', topicId }, t('unanswered.added', { count: group.examples.length, topic: topicId }));
  }

  private createEntry(event: SubmitEvent, group: Group) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const id = String(form.get('id') ?? '').trim();
    const area = id.split('.')[0] ?? '';
    void this.act(group, { action: 'create-entry', id, area }, t('unanswered.created', { id }), () => navigate(`/kb/${encodeURIComponent(id)}`));
  }

  private card(g: Group) {
    const busy = this.busyKey === g.key;
    const reasons = Object.entries(g.reasons).map(([r, n]) => `${t(`reasons.${r}`, { defaultValue: r })} ${n}`).join(' · ');
    return html`<li class="card group-card">
      <div class="group-head">
        <span class="count-badge" title=${t('unanswered.times', { count: g.count })}>${g.count}<span class="sr-only"> ${t('unanswered.timesShort')}</span></span>
        <div class="group-text">
          <h2 class="group-title" lang=${g.representative.locale}>“${g.representative.text}”</h2>
          <p class="group-meta">${Object.entries(g.locales).map(([l, n]) => html`<span class="locale-badge ok">${l.toUpperCase()} ${n}</span>`)} <span>${reasons}</span> · <span>${t('unanswered.last', { when: formatDateTime(g.lastAt) })}</span></p>
        </div>
      </div>
      ${g.examples.length > 1 ? html`<details class="examples"><summary>${t('unanswered.examples', { count: g.examples.length })}</summary><ul>${g.examples.map((e) => html`<li lang=${e.locale}>${e.text} <span class="muted">(${e.locale}, ×${e.count})</span></li>`)}</ul></details>` : nothing}
      <p class="best-guess">${g.bestGuess ? html`${t('unanswered.bestGuess')}: <a href="/console/kb/${g.bestGuess.topicId}">${g.bestGuess.title}</a> <span class="muted">(${g.bestGuess.topicId}, ${g.bestGuess.score.toFixed(2)})</span>` : t('unanswered.noGuess')}</p>
      <div class="group-actions">
        <div class="inline-field">
          <label for="topic-${g.key}">${t('unanswered.addTo')}</label>
          <select id="topic-${g.key}">${this.topics.map((tp) => html`<option value=${tp.id} ?selected=${tp.id === g.bestGuess?.topicId}>${tp.title} (${tp.id})</option>`)}</select>
          <button type="button" class="btn btn-primary" ?disabled=${busy} @click=${() => this.addVariants(g)}>${t('unanswered.addVariants')}</button>
        </div>
        <div class="button-row">
          <button type="button" class="btn" ?disabled=${busy} aria-expanded=${this.newEntryKey === g.key ? 'true' : 'false'} @click=${() => (this.newEntryKey = this.newEntryKey === g.key ? null : g.key)}>${t('unanswered.newEntry')}</button>
          <button type="button" class="btn" ?disabled=${busy} @click=${() => void this.act(g, { action: 'out-of-scope' }, t('unanswered.outOfScopeDone'))}>${t('unanswered.outOfScope')}</button>
          <button type="button" class="btn btn-ghost" ?disabled=${busy} @click=${() => void this.act(g, { action: 'dismiss' }, t('unanswered.dismissed'))}>${t('unanswered.dismiss')}</button>
        </div>
        ${this.newEntryKey === g.key ? html`<form class="inline-field" @submit=${(e: SubmitEvent) => this.createEntry(e, g)}>
          <label for="new-id-${g.key}">${t('unanswered.newId')}</label>
          <input id="new-id-${g.key}" name="id" required pattern="[a-z]+\\.[a-z0-9-]+" placeholder="service.passport" />
          <button class="btn btn-primary" type="submit" ?disabled=${busy}>${t('unanswered.create')}</button>
        </form>` : nothing}
      </div>
    </li>`;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('unanswered.title')}</h1>
        <div class="segmented" role="group" aria-label=${t('unanswered.sort')}>
          ${(['frequent', 'newest'] as const).map((s) => html`<button type="button" class="chip" aria-pressed=${this.sort === s ? 'true' : 'false'} @click=${() => ((this.sort = s), void this.load())}>${t(`unanswered.sort_${s}`)}</button>`)}
        </div>
      </div>
      <p class="muted">${t('unanswered.intro')}</p>
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      </div>
      ${this.groups === null ? html`<p role="status">${t('common.loading')}</p>` : this.groups.length === 0 ? html`<p class="empty">${t('unanswered.none')}</p>` : html`<ul class="group-list">${this.groups.map((g) => this.card(g))}</ul>`}
    </section>`;
  }
}
customElements.define('unanswered-view', UnansweredView);
