import { html, nothing } from 'lit';
import { api, ApiError, can } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { navigate } from '../router.ts';
import { LOCALES, type FieldChange, type Locale, type Topic } from '../types.ts';
import { ConsoleView } from '../view.ts';
import { renderChanges } from './diff-table.ts';
import { renderTryResult, type TryResult } from './try-result.ts';

interface EntryDetail {
  id: string;
  status: 'published' | 'draft' | 'new' | 'deleted';
  published: Topic | null;
  draft: { topic: Topic; deleted: boolean; updatedBy: string; updatedAt: string } | null;
  problems: string[];
  complete: Record<Locale, boolean>;
  changes: FieldChange[];
}

const today = () => new Date().toISOString().slice(0, 10);
const inSixMonths = () => new Date(Date.now() + 182 * 86_400_000).toISOString().slice(0, 10);

function blankTopic(): Topic {
  const content = Object.fromEntries(LOCALES.map((l) => [l, { title: '', questions: [], answer: '' }])) as unknown as Topic['content'];
  return { id: '', area: '', sourceUrl: 'https://', lastReviewed: today(), reviewBy: inSixMonths(), content };
}

const isComplete = (c: Topic['content'][Locale]) => Boolean(c.title.trim() && c.answer.trim() && c.questions.some((q) => q.trim().length >= 2));

/** One entry, all four languages side by side, so a missing Javanese or Sundanese answer stands out. */
class EntryView extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    detail: { state: true },
    topic: { state: true },
    dirty: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
    problems: { state: true },
    tryResult: { state: true },
  };
  declare detail: EntryDetail | null;
  declare topic: Topic | null;
  declare dirty: boolean;
  declare busy: boolean;
  declare message: string;
  declare error: string;
  declare problems: string[];
  declare tryResult: TryResult | null;
  private loadedFor: string | undefined | null = null;

  constructor() {
    super();
    this.detail = null;
    this.topic = null;
    this.dirty = false;
    this.busy = false;
    this.message = '';
    this.error = '';
    this.problems = [];
    this.tryResult = null;
  }

  override willUpdate() {
    if (this.loadedFor !== (this.param ?? '')) {
      this.loadedFor = this.param ?? '';
      void this.load();
    }
  }

  private get isNew() {
    return !this.param;
  }

  private get editable() {
    return can.editKnowledge(this.user) && this.detail?.status !== 'deleted';
  }

  private async load() {
    this.message = this.error = '';
    if (this.isNew) {
      this.detail = null;
      this.topic = blankTopic();
      this.problems = [];
      this.focusHeading();
      return;
    }
    try {
      const detail = await api<EntryDetail>('GET', `/api/staff/kb/entries/${encodeURIComponent(this.param!)}`);
      this.detail = detail;
      this.topic = structuredClone(detail.draft?.topic ?? detail.published!);
      this.problems = detail.problems;
      this.dirty = false;
      this.focusHeading();
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private edit(change: (topic: Topic) => void) {
    const next = structuredClone(this.topic!);
    change(next);
    this.topic = next;
    this.dirty = true;
    this.message = '';
  }

  private async save(): Promise<boolean> {
    const topic = this.topic!;
    this.busy = true;
    this.error = '';
    try {
      if (this.isNew) {
        await api('POST', '/api/staff/kb/entries', topic);
        this.dirty = false;
        navigate(`/kb/${encodeURIComponent(topic.id)}`);
        return true;
      }
      await api('PUT', `/api/staff/kb/entries/${encodeURIComponent(topic.id)}/draft`, topic);
      await this.load();
      this.message = t('entry.saved');
      return true;
    } catch (err) {
      this.error = this.errorText(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async publish() {
    if (this.dirty && !(await this.save())) return;
    this.busy = true;
    try {
      const note = (this.querySelector('#publish-note') as HTMLInputElement | null)?.value ?? '';
      const res = await api('POST', '/api/staff/kb/publish', { topicIds: [this.param], message: note });
      await this.load();
      this.message = t('entry.published', { id: res.revision.id });
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 422 ? t('entry.publishBlocked') : this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private async discard() {
    if (!confirm(t('entry.discardConfirm'))) return;
    await this.run(() => api('DELETE', `/api/staff/kb/entries/${encodeURIComponent(this.param!)}/draft`), t('entry.discarded'));
    if (this.detail?.status === 'new' || !this.detail) navigate('/kb');
  }

  private async deleteEntry() {
    if (!confirm(t('entry.deleteConfirm'))) return;
    await this.run(() => api('DELETE', `/api/staff/kb/entries/${encodeURIComponent(this.param!)}`), t('entry.deleteDrafted'));
  }

  private async run(task: () => Promise<unknown>, success: string) {
    this.busy = true;
    this.error = '';
    try {
      await task();
      await this.load();
      this.message = success;
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  /** Asks the bot as it would be with the saved drafts, without leaving the entry. */
  private async tryQuestion(event: SubmitEvent) {
    event.preventDefault();
    const text = new FormData(event.target as HTMLFormElement).get('text');
    try {
      this.tryResult = await api<TryResult>('POST', '/api/staff/try', { text, drafts: true });
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  private tryPanel() {
    return html`<details class="card try-inline">
      <summary>${t('entry.tryTitle')}</summary>
      <p class="hint">${t('entry.tryHint')}</p>
      <form class="inline-field" @submit=${this.tryQuestion}>
        <label for="entry-try">${t('try.question')}</label>
        <input id="entry-try" name="text" required placeholder=${t('try.placeholder')} />
        <button class="btn" type="submit">${t('try.submit')}</button>
      </form>
      <div aria-live="polite">${this.tryResult ? renderTryResult(this.tryResult) : nothing}</div>
    </details>`;
  }

  private meta(topic: Topic) {
    const ro = !this.editable;
    return html`<fieldset class="meta-grid" ?disabled=${ro}>
      <legend class="sr-only">${t('entry.details')}</legend>
      <div class="field"><label for="f-id">${t('entry.id')}</label>
        <input id="f-id" .value=${topic.id} ?readonly=${!this.isNew} placeholder="ktp.example" pattern="[a-z]+\\.[a-z0-9-]+" @input=${(e: InputEvent) => this.edit((tp) => (tp.id = (e.target as HTMLInputElement).value.trim()))} /></div>
      <div class="field"><label for="f-area">${t('entry.area')}</label>
        <input id="f-area" .value=${topic.area} ?readonly=${!this.isNew} placeholder="ktp" @input=${(e: InputEvent) => this.edit((tp) => (tp.area = (e.target as HTMLInputElement).value.trim()))} /></div>
      <div class="field wide"><label for="f-source">${t('entry.source')}</label>
        <input id="f-source" type="url" .value=${topic.sourceUrl} @input=${(e: InputEvent) => this.edit((tp) => (tp.sourceUrl = (e.target as HTMLInputElement).value.trim()))} /></div>
      <div class="field"><label for="f-reviewed">${t('entry.lastReviewed')}</label>
        <input id="f-reviewed" type="date" .value=${topic.lastReviewed} @input=${(e: InputEvent) => this.edit((tp) => (tp.lastReviewed = (e.target as HTMLInputElement).value))} /></div>
      <div class="field"><label for="f-reviewby">${t('entry.reviewBy')}</label>
        <input id="f-reviewby" type="date" .value=${topic.reviewBy} @input=${(e: InputEvent) => this.edit((tp) => (tp.reviewBy = (e.target as HTMLInputElement).value))} /></div>
    </fieldset>`;
  }

  private localeColumn(topic: Topic, l: Locale) {
    const c = topic.content[l];
    const complete = isComplete(c);
    const ro = !this.editable;
    return html`<fieldset class=${complete ? 'locale-col' : 'locale-col incomplete'} ?disabled=${ro}>
      <legend><span lang=${l}>${t(`locales.${l}`)}</span>
        ${complete ? html`<span class="locale-state ok">${t('entry.complete')}</span>` : html`<span class="locale-state missing">${t('entry.incomplete')}</span>`}</legend>
      <label for="title-${l}">${t('entry.title')}</label>
      <input id="title-${l}" lang=${l} maxlength="24" .value=${c.title} @input=${(e: InputEvent) => this.edit((tp) => (tp.content[l].title = (e.target as HTMLInputElement).value))} />
      <label for="questions-${l}">${t('entry.questions')} <span class="hint">${t('entry.questionsHint', { count: c.questions.length })}</span></label>
      <textarea id="questions-${l}" lang=${l} rows="7" .value=${c.questions.join('\n')} @input=${(e: InputEvent) => this.edit((tp) => (tp.content[l].questions = (e.target as HTMLTextAreaElement).value.split('\n').map((q) => q.trim()).filter(Boolean)))}></textarea>
      <label for="answer-${l}">${t('entry.answer')}</label>
      <textarea id="answer-${l}" class=${c.answer.trim() ? '' : 'missing-field'} lang=${l} rows="10" .value=${c.answer} @input=${(e: InputEvent) => this.edit((tp) => (tp.content[l].answer = (e.target as HTMLTextAreaElement).value))}></textarea>
    </fieldset>`;
  }

  private actions() {
    if (!this.editable) return nothing;
    const d = this.detail;
    return html`<div class="action-bar">
      <button type="button" class="btn" ?disabled=${this.busy || !this.dirty} @click=${() => void this.save()}>${t('entry.saveDraft')}</button>
      ${this.isNew ? nothing : html`
        <label class="sr-only" for="publish-note">${t('entry.note')}</label>
        <input id="publish-note" class="note-input" placeholder=${t('entry.note')} />
        <button type="button" class="btn btn-primary" ?disabled=${this.busy || (!this.dirty && d?.status === 'published')} @click=${() => void this.publish()}>${t('entry.publish')}</button>
        ${d?.draft ? html`<button type="button" class="btn btn-ghost" ?disabled=${this.busy} @click=${() => void this.discard()}>${t('entry.discard')}</button>` : nothing}
        ${d?.published ? html`<button type="button" class="btn btn-danger" ?disabled=${this.busy} @click=${() => void this.deleteEntry()}>${t('entry.delete')}</button>` : nothing}`}
      ${this.dirty ? html`<span class="unsaved" role="status">${t('entry.unsaved')}</span>` : nothing}
    </div>`;
  }

  override render() {
    const topic = this.topic;
    const d = this.detail;
    const title = this.isNew ? t('entry.newTitle') : (topic?.content.id.title || topic?.id || '…');
    return html`<section class="page">
      <a class="back-link" href="/console/kb">← ${t('kb.title')}</a>
      <div class="page-head">
        <h1 tabindex="-1">${title} ${d ? html`<span class="status status-${d.status}">${t(`status.${d.status}`)}</span>` : nothing}</h1>
      </div>
      ${d?.draft ? html`<p class="muted">${t('entry.draftBy', { who: d.draft.updatedBy, when: formatDateTime(d.draft.updatedAt) })}</p>` : nothing}
      ${!can.editKnowledge(this.user) ? html`<p class="alert alert-info">${t('entry.readOnly')}</p>` : nothing}
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
        ${this.problems.length && !this.dirty ? html`<div class="alert alert-warning"><p>${t('entry.problems')}</p><ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : nothing}
      </div>
      ${topic ? html`${this.meta(topic)}<div class="locale-grid">${LOCALES.map((l) => this.localeColumn(topic, l))}</div>${this.actions()}${this.isNew ? nothing : this.tryPanel()}` : html`<p role="status">${t('common.loading')}</p>`}
      ${d?.changes.length ? html`<h2>${t('entry.changes')}</h2>${renderChanges(d.changes)}` : nothing}
    </section>`;
  }
}
customElements.define('entry-view', EntryView);
