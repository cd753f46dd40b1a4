import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { LOCALES } from '../types.ts';
import { ConsoleView } from '../view.ts';
import { renderTryResult, type TryResult } from './try-result.ts';

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
      <div aria-live="polite">${this.result ? renderTryResult(this.result) : nothing}</div>
    </section>`;
  }
}
customElements.define('try-view', TryView);
