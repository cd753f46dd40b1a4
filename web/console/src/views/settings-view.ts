import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { ConsoleView } from '../view.ts';

type Settings = { answerThreshold: number; clarifyThreshold: number; ambiguityMargin: number };

/** The bot's tunable thresholds; changes apply at once and are audited. Admins only. */
class SettingsView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, settings: { state: true }, message: { state: true }, error: { state: true } };
  declare settings: Settings | null;
  declare message: string;
  declare error: string;

  constructor() {
    super();
    this.settings = null;
    this.message = this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void api<{ settings: Settings }>('GET', '/api/staff/settings').then((r) => (this.settings = r.settings));
    this.focusHeading();
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const body = Object.fromEntries(['answerThreshold', 'clarifyThreshold', 'ambiguityMargin'].map((k) => [k, Number(f.get(k))]));
    this.error = this.message = '';
    try {
      this.settings = (await api<{ settings: Settings }>('PUT', '/api/staff/settings', body)).settings;
      this.message = t('settings.saved');
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  override render() {
    const s = this.settings;
    const field = (key: keyof Settings) => html`<div class="field"><label for="s-${key}">${t(`settings.${key}`)}</label>
      <input id="s-${key}" name=${key} type="number" min="0" max="1" step="0.01" .value=${String(s?.[key] ?? '')} aria-describedby="s-${key}-hint" required />
      <p class="hint" id="s-${key}-hint">${t(`settings.${key}Hint`)}</p></div>`;
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('settings.title')}</h1></div>
      <p class="muted">${t('settings.intro')}</p>
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      </div>
      ${s ? html`<form class="card settings-form" @submit=${this.save}>${field('answerThreshold')}${field('clarifyThreshold')}${field('ambiguityMargin')}
        <button class="btn btn-primary" type="submit">${t('settings.save')}</button></form>` : html`<p role="status">${t('common.loading')}</p>`}
    </section>`;
  }
}
customElements.define('settings-view', SettingsView);
