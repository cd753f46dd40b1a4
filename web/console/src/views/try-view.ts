import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { LOCALES } from '../types.ts';
import { ConsoleView } from '../view.ts';

interface TryResult {
  decision: { action: string; topicId?: string; confidence: number };
  trace: { locale: string; localeReason: string; intent: string; candidates: { topicId: string; title: string; score: number; coverage: number; phrasing: number }[] };
  replies: { text: string; sourceUrl?: string; suggestions?: { label: string }[] }[];
  thresholds: { answer: number; clarify: number; margin: number };
}

/** "Try it": what the bot would answer to a question, and why (the top candidates and their scores). */
class TryView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, result: { state: true }, error: { state: true }, busy: { state: true } };
  declare result: TryResult | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.result = null;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.focusHeading();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      this.result = await api('POST', '/api/staff/try', { text: form.get('text'), locale: form.get('locale') || undefined, drafts: form.get('drafts') === 'on' });
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private resultView(r: TryResult) {
    const best = r.trace.candidates[0]?.score ?? 0;
    return html`<section class="card try-result" aria-labelledby="try-result-h">
      <h2 id="try-result-h">${t('try.result')}</h2>
      <dl class="facts">
        <div><dt>${t('try.decision')}</dt><dd><span class="status status-${r.decision.action}">${t(`actions.${r.decision.action}`, { defaultValue: r.decision.action })}</span>${r.decision.topicId ? html` → <a href="/console/kb/${r.decision.topicId}">${r.decision.topicId}</a>` : nothing}</dd></div>
        <div><dt>${t('try.confidence')}</dt><dd>${r.decision.confidence.toFixed(3)} <span class="muted">(${t('try.thresholds', { answer: r.thresholds.answer, clarify: r.thresholds.clarify })})</span></dd></div>
        <div><dt>${t('try.language')}</dt><dd>${t(`locales.${r.trace.locale}`)} <span class="muted">(${r.trace.localeReason})</span></dd></div>
        <div><dt>${t('try.intent')}</dt><dd>${r.trace.intent}</dd></div>
      </dl>
      <h3>${t('try.reply')}</h3>
      ${r.replies.map((reply) => html`<div class="bubble" lang=${r.trace.locale}>${reply.text}${reply.sourceUrl ? html`<div class="bubble-source">${reply.sourceUrl}</div>` : nothing}
        ${reply.suggestions?.length ? html`<div class="bubble-chips">${reply.suggestions.map((s) => html`<span class="chip static">${s.label}</span>`)}</div>` : nothing}</div>`)}
      <h3>${t('try.candidates')}</h3>
      ${r.trace.candidates.length === 0 ? html`<p class="empty">${t('try.noCandidates')}</p>` : html`<table class="data compact">
        <thead><tr><th scope="col">${t('try.topic')}</th><th scope="col">${t('try.score')}</th><th scope="col">${t('try.coverage')}</th><th scope="col">${t('try.phrasing')}</th></tr></thead>
        <tbody>${r.trace.candidates.map((c) => html`<tr>
          <td><a href="/console/kb/${c.topicId}">${c.title}</a> <span class="entry-id">${c.topicId}</span></td>
          <td><span class="score-bar" style="--w:${best ? Math.round((c.score / Math.max(best, 0.001)) * 100) : 0}%"></span> ${c.score.toFixed(3)}</td>
          <td>${c.coverage.toFixed(2)}</td><td>${c.phrasing.toFixed(2)}</td></tr>`)}</tbody>
      </table>`}
    </section>`;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('try.title')}</h1></div>
      <p class="muted">${t('try.intro')}</p>
      <form class="card try-form" @submit=${this.submit}>
        <label for="try-text">${t('try.question')}</label>
        <textarea id="try-text" name="text" rows="3" required placeholder=${t('try.placeholder')} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.target as HTMLTextAreaElement).form?.requestSubmit()}></textarea>
        <div class="row">
          <div class="field"><label for="try-locale">${t('try.locale')}</label>
            <select id="try-locale" name="locale"><option value="">${t('try.detect')}</option>${LOCALES.map((l) => html`<option value=${l}>${t(`locales.${l}`)}</option>`)}</select></div>
          <div class="field checkbox"><input id="try-drafts" type="checkbox" name="drafts" /><label for="try-drafts">${t('try.drafts')}</label></div>
          <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>${t('try.submit')}</button>
        </div>
      </form>
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      <div aria-live="polite">${this.result ? this.resultView(this.result) : nothing}</div>
    </section>`;
  }
}
customElements.define('try-view', TryView);
