import { html } from 'lit';
import { api, ApiError, setCsrfToken, type StaffUser } from '../api.ts';
import { t } from '../i18n.ts';
import { languageSwitch } from '../lang-switch.ts';
import { ConsoleView } from '../view.ts';

class LoginView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const res = await api<{ user: StaffUser; csrfToken: string }>('POST', '/api/staff/login', { email: form.get('email'), password: form.get('password') });
      setCsrfToken(res.csrfToken);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: res.user }));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      this.error = code === 'locked' ? t('login.locked') : code === 'invalid_credentials' ? t('login.invalid') : code === 'rate_limited' ? t('login.rateLimited') : this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<main class="login-page" id="main">
      <div class="login-card">
        <div class="login-brand"><span class="brand-mark" aria-hidden="true">L</span> Layani</div>
        <h1>${t('login.title')}</h1>
        <p class="muted">${t('login.intro')}</p>
        <form @submit=${this.submit} novalidate>
          <label for="login-email">${t('login.email')}</label>
          <input id="login-email" name="email" type="email" autocomplete="username" required />
          <label for="login-password">${t('login.password')}</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required />
          ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : ''}
          <button class="btn btn-primary btn-block" type="submit" ?disabled=${this.busy}>${this.busy ? t('login.signingIn') : t('login.submit')}</button>
        </form>
        <div class="login-lang">${languageSwitch()}</div>
      </div>
    </main>`;
  }
}
customElements.define('login-view', LoginView);
