import { html, nothing } from 'lit';
import { api, ApiError, can } from '../api.ts';
import { t } from '../i18n.ts';
import { LOCALES, type EntrySummary, type ImportError } from '../types.ts';
import { ConsoleView } from '../view.ts';

const LOCALE_NAMES: Record<string, string> = { id: 'ID', en: 'EN', jv: 'JV', su: 'SU' };

/** The knowledge base at a glance: search, filters, locale gaps, stale entries, drafts, import and export. */
class KbListView extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    entries: { state: true },
    filter: { state: true },
    message: { state: true },
    error: { state: true },
    importErrors: { state: true },
    busy: { state: true },
  };
  declare entries: EntrySummary[] | null;
  declare filter: { q: string; area: string; missing: string; stale: boolean; status: string };
  declare message: string;
  declare error: string;
  declare importErrors: ImportError[];
  declare busy: boolean;
  private all: EntrySummary[] = [];
  private debounce = 0;

  constructor() {
    super();
    this.entries = null;
    this.filter = { q: '', area: '', missing: '', stale: false, status: '' };
    this.message = '';
    this.error = '';
    this.importErrors = [];
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
    this.focusHeading();
  }

  private async load() {
    try {
      const params = new URLSearchParams();
      const f = this.filter;
      if (f.q) params.set('q', f.q);
      if (f.area) params.set('area', f.area);
      if (f.missing) params.set('missing', f.missing);
      if (f.stale) params.set('stale', 'true');
      if (f.status) params.set('status', f.status);
      this.entries = (await api<{ entries: EntrySummary[] }>('GET', `/api/staff/kb/entries?${params}`)).entries;
      if (!params.size) this.all = this.entries;
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private setFilter(change: Partial<KbListView['filter']>, delay = 0) {
    this.filter = { ...this.filter, ...change };
    clearTimeout(this.debounce);
    this.debounce = window.setTimeout(() => void this.load(), delay);
  }

  private get drafts() {
    return this.all.filter((e) => e.status !== 'published');
  }

  private async publishAll() {
    if (!confirm(t('kb.publishConfirm', { count: this.drafts.length }))) return;
    this.busy = true;
    this.error = this.message = '';
    try {
      const res = await api('POST', '/api/staff/kb/publish', {});
      this.message = t('kb.published', { id: res.revision.id, count: res.changes.length });
      this.filter = { ...this.filter };
      this.all = [];
      await this.load();
      this.all = this.entries ?? [];
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 422 ? t('kb.publishBlocked', { message: err.message }) : this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private async importFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    this.importErrors = [];
    this.error = this.message = '';
    try {
      const text = await file.text();
      const res = await api('POST', `/api/staff/kb/import?format=${format}`, undefined, { raw: text, contentType: format === 'csv' ? 'text/csv' : 'application/json' });
      this.message = t('kb.imported', { created: res.created.length, updated: res.updated.length, unchanged: res.unchanged.length });
      await this.load();
      this.all = this.entries ?? this.all;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_import') {
        this.importErrors = (err.details as { errors: ImportError[] }).errors;
        this.error = t('kb.importRejected', { count: this.importErrors.length, file: file.name });
      } else this.error = this.errorText(err);
    } finally {
      input.value = '';
    }
  }

  private toolbar() {
    const editable = can.editKnowledge(this.user);
    const drafts = this.drafts.length;
    return html`<div class="toolbar">
      ${editable
        ? html`<a class="btn btn-primary" href="/console/kb/new">${t('kb.new')}</a>
            <button type="button" class="btn" ?disabled=${drafts === 0 || this.busy} @click=${this.publishAll}>${t('kb.publishAll', { count: drafts })}</button>
            <label class="btn file-btn">${t('kb.import')}<input type="file" accept=".csv,.json,text/csv,application/json" @change=${this.importFile} /></label>`
        : nothing}
      <a class="btn btn-ghost" href="/api/staff/kb/export?format=csv" download>${t('kb.exportCsv')}</a>
      <a class="btn btn-ghost" href="/api/staff/kb/export?format=json" download>${t('kb.exportJson')}</a>
    </div>`;
  }

  private filters() {
    const areas = [...new Set(this.all.map((e) => e.area))].sort();
    return html`<form class="filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field grow">
        <label for="kb-q">${t('kb.search')}</label>
        <input id="kb-q" type="search" .value=${this.filter.q} placeholder=${t('kb.searchPlaceholder')} @input=${(e: InputEvent) => this.setFilter({ q: (e.target as HTMLInputElement).value }, 250)} />
      </div>
      <div class="field">
        <label for="kb-area">${t('kb.area')}</label>
        <select id="kb-area" @change=${(e: Event) => this.setFilter({ area: (e.target as HTMLSelectElement).value })}>
          <option value="">${t('kb.allAreas')}</option>
          ${areas.map((a) => html`<option value=${a} ?selected=${this.filter.area === a}>${a}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="kb-missing">${t('kb.missing')}</label>
        <select id="kb-missing" @change=${(e: Event) => this.setFilter({ missing: (e.target as HTMLSelectElement).value })}>
          <option value="">${t('kb.anyCompleteness')}</option>
          <option value="any">${t('kb.missingAny')}</option>
          ${LOCALES.map((l) => html`<option value=${l}>${t(`locales.${l}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="kb-status">${t('kb.status')}</label>
        <select id="kb-status" @change=${(e: Event) => this.setFilter({ status: (e.target as HTMLSelectElement).value })}>
          <option value="">${t('kb.anyStatus')}</option>
          ${['published', 'draft', 'new', 'deleted'].map((s) => html`<option value=${s}>${t(`status.${s}`)}</option>`)}
        </select>
      </div>
      <div class="field checkbox">
        <input id="kb-stale" type="checkbox" .checked=${this.filter.stale} @change=${(e: Event) => this.setFilter({ stale: (e.target as HTMLInputElement).checked })} />
        <label for="kb-stale">${t('kb.staleOnly')}</label>
      </div>
    </form>`;
  }

  private table(entries: EntrySummary[]) {
    if (entries.length === 0) return html`<p class="empty">${t('kb.none')}</p>`;
    return html`<div class="table-wrap"><table class="data">
      <caption class="sr-only">${t('kb.caption', { count: entries.length })}</caption>
      <thead><tr><th scope="col">${t('kb.entry')}</th><th scope="col">${t('kb.area')}</th><th scope="col">${t('kb.languages')}</th><th scope="col">${t('kb.status')}</th><th scope="col">${t('kb.reviewBy')}</th></tr></thead>
      <tbody>
        ${entries.map(
          (e) => html`<tr>
            <td><a href="/console/kb/${encodeURIComponent(e.id)}" class="entry-link"><span class="entry-title">${e.title}</span><span class="entry-id">${e.id}</span></a></td>
            <td>${e.area}</td>
            <td><span class="locale-badges">${LOCALES.map(
              (l) => html`<span class=${e.complete[l] ? 'locale-badge ok' : 'locale-badge missing'} title=${e.complete[l] ? t('kb.complete', { lang: t(`locales.${l}`) }) : t('kb.incomplete', { lang: t(`locales.${l}`) })}>${LOCALE_NAMES[l]}<span class="sr-only">: ${e.complete[l] ? t('kb.ok') : t('kb.missingShort')}</span></span>`,
            )}</span></td>
            <td><span class="status status-${e.status}">${t(`status.${e.status}`)}</span>${e.problems ? html` <span class="problem-count">${t('kb.problems', { count: e.problems })}</span>` : nothing}</td>
            <td class=${e.stale ? 'stale' : ''}>${e.reviewBy}${e.stale ? html` <span class="stale-badge">${t('kb.stale')}</span>` : nothing}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head">
        <h1 tabindex="-1">${t('kb.title')}</h1>
        ${this.toolbar()}
      </div>
      <p class="muted">${t('kb.intro')}</p>
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<div class="alert alert-error" role="alert"><p>${this.error}</p>
          ${this.importErrors.length ? html`<table class="data compact import-errors"><thead><tr><th scope="col">${t('kb.row')}</th><th scope="col">${t('kb.entry')}</th><th scope="col">${t('kb.problem')}</th></tr></thead>
            <tbody>${this.importErrors.map((e) => html`<tr><td>${e.row}</td><td>${e.entryId ?? '—'}</td><td>${e.message}</td></tr>`)}</tbody></table>` : nothing}
        </div>` : nothing}
      </div>
      ${this.filters()}
      ${this.entries === null ? html`<p role="status">${t('common.loading')}</p>` : this.table(this.entries)}
    </section>`;
  }
}
customElements.define('kb-list-view', KbListView);
