import { html, nothing } from 'lit';
import { api, can } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { navigate } from '../router.ts';
import type { EntryDiff, RevisionSummary } from '../types.ts';
import { ConsoleView } from '../view.ts';
import { renderChanges } from './diff-table.ts';

/** Publishing history: what changed in each revision, and one-click rollback. */
class RevisionsView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, revisions: { state: true }, detail: { state: true }, message: { state: true }, error: { state: true }, busy: { state: true } };
  declare revisions: RevisionSummary[] | null;
  declare detail: { revision: RevisionSummary; previousId: number | null; changes: EntryDiff[] } | null;
  declare message: string;
  declare error: string;
  declare busy: boolean;
  private shown: string | undefined | null = null;

  constructor() {
    super();
    this.revisions = null;
    this.detail = null;
    this.message = this.error = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadList();
    this.focusHeading();
  }

  override willUpdate() {
    if (this.shown !== this.param && this.revisions) {
      this.shown = this.param;
      void this.loadDetail(this.param ? Number(this.param) : this.revisions[0]?.id);
    }
  }

  private async loadList() {
    try {
      this.revisions = (await api<{ revisions: RevisionSummary[] }>('GET', '/api/staff/kb/revisions')).revisions;
      this.shown = null;
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private async loadDetail(id: number | undefined) {
    if (!id) return;
    try {
      this.detail = await api('GET', `/api/staff/kb/revisions/${id}`);
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private async rollback(rev: RevisionSummary) {
    if (!confirm(t('revisions.confirm', { id: rev.id }))) return;
    this.busy = true;
    this.error = this.message = '';
    try {
      const res = await api('POST', `/api/staff/kb/revisions/${rev.id}/rollback`);
      this.message = t('revisions.rolledBack', { id: rev.id, newId: res.revision.id });
      await this.loadList();
      navigate(`/revisions/${res.revision.id}`);
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private list(revisions: RevisionSummary[]) {
    const current = this.detail?.revision.id;
    return html`<ol class="revision-list">
      ${revisions.map(
        (r, i) => html`<li class=${r.id === current ? 'selected' : ''}>
          <a href="/console/revisions/${r.id}" aria-current=${r.id === current ? 'true' : nothing}>
            <span class="rev-id">#${r.id}</span> <span class="rev-message">${r.message}</span>
            <span class="rev-meta">${formatDateTime(r.createdAt)} · ${r.createdBy}${i === 0 ? html` · <strong>${t('revisions.live')}</strong>` : nothing}</span>
          </a>
          ${i > 0 && can.editKnowledge(this.user)
            ? html`<button type="button" class="btn btn-small" ?disabled=${this.busy} @click=${() => void this.rollback(r)} aria-label=${t('revisions.rollbackTo', { id: r.id })}>${t('revisions.rollback')}</button>`
            : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private changes() {
    const d = this.detail;
    if (!d) return nothing;
    return html`<h2>${t('revisions.changesIn', { id: d.revision.id })}</h2>
      ${d.revision.rollbackOf ? html`<p class="muted">${t('revisions.rollbackOf', { id: d.revision.rollbackOf })}</p>` : nothing}
      ${d.previousId === null ? html`<p>${t('revisions.first', { count: d.changes.length })}</p><ul class="id-list">${d.changes.map((c) => html`<li><a href="/console/kb/${encodeURIComponent(c.topicId)}">${c.topicId}</a></li>`)}</ul>`
        : d.changes.length === 0 ? html`<p class="empty">${t('revisions.noChanges')}</p>` : d.changes.map(
        (c) => html`<section class="diff-entry"><h3><a href="/console/kb/${encodeURIComponent(c.topicId)}">${c.topicId}</a> <span class="status status-${c.change}">${t(`change.${c.change}`)}</span></h3>${renderChanges(c.fields)}</section>`,
      )}`;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('revisions.title')}</h1></div>
      <p class="muted">${t('revisions.intro')}</p>
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      </div>
      ${this.revisions === null ? html`<p role="status">${t('common.loading')}</p>` : html`<div class="split"><nav aria-label=${t('revisions.title')}>${this.list(this.revisions)}</nav><div class="split-main">${this.changes()}</div></div>`}
    </section>`;
  }
}
customElements.define('revisions-view', RevisionsView);
