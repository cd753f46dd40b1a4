import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { ConsoleView } from '../view.ts';

interface AuditRecord {
  id: number;
  at: string;
  actorEmail: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Who changed what and when, with the before and after of every change. Admins only. */
class AuditView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, records: { state: true }, entityType: { state: true }, more: { state: true } };
  declare records: AuditRecord[] | null;
  declare entityType: string;
  declare more: boolean;

  constructor() {
    super();
    this.records = null;
    this.entityType = '';
    this.more = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
    this.focusHeading();
  }

  private async load(append = false) {
    const p = new URLSearchParams({ limit: '50' });
    if (this.entityType) p.set('entityType', this.entityType);
    if (append && this.records?.length) p.set('beforeId', String(this.records[this.records.length - 1].id));
    const page = (await api<{ records: AuditRecord[] }>('GET', `/api/staff/audit?${p}`)).records;
    this.records = append ? [...(this.records ?? []), ...page] : page;
    this.more = page.length === 50;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('audit.title')}</h1>
        <div class="field"><label for="audit-type">${t('audit.type')}</label>
          <select id="audit-type" @change=${(e: Event) => ((this.entityType = (e.target as HTMLSelectElement).value), void this.load())}>
            <option value="">${t('audit.all')}</option>${['entry', 'revision', 'unanswered', 'user', 'setting', 'conversation'].map((x) => html`<option value=${x}>${t(`audit.types.${x}`)}</option>`)}
          </select></div>
      </div>
      ${this.records === null ? html`<p role="status">${t('common.loading')}</p>` : html`<div class="table-wrap"><table class="data">
        <thead><tr><th scope="col">${t('audit.when')}</th><th scope="col">${t('audit.who')}</th><th scope="col">${t('audit.what')}</th><th scope="col">${t('audit.details')}</th></tr></thead>
        <tbody>${this.records.map((r) => html`<tr>
          <td>${formatDateTime(r.at)}</td><td>${r.actorEmail}</td>
          <td><span class="status">${r.action}</span> ${t(`audit.types.${r.entityType}`)} <code>${r.entityId}</code></td>
          <td><details><summary>${t('audit.beforeAfter')}</summary><div class="before-after"><div><h3>${t('diff.before')}</h3><pre>${JSON.stringify(r.before, null, 2)}</pre></div><div><h3>${t('diff.after')}</h3><pre>${JSON.stringify(r.after, null, 2)}</pre></div></div></details></td>
        </tr>`)}</tbody></table></div>
        ${this.more ? html`<button type="button" class="btn" @click=${() => void this.load(true)}>${t('audit.more')}</button>` : nothing}`}
    </section>`;
  }
}
customElements.define('audit-view', AuditView);
