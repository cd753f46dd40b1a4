import { html, nothing } from 'lit';
import { STAFF_ROLES } from '../../../../bot/storage/staff-ports.ts';
import { api, type StaffUser } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { ConsoleView } from '../view.ts';

/** Staff accounts: add, change role, disable, set a new password. Admins only. */
class UsersView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, users: { state: true }, message: { state: true }, error: { state: true }, resetFor: { state: true } };
  declare users: StaffUser[] | null;
  declare message: string;
  declare error: string;
  declare resetFor: string | null;

  constructor() {
    super();
    this.users = null;
    this.message = this.error = '';
    this.resetFor = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
    this.focusHeading();
  }

  private async load() {
    this.users = (await api<{ users: StaffUser[] }>('GET', '/api/staff/users')).users;
  }

  private async run(task: () => Promise<unknown>, success: string) {
    this.error = this.message = '';
    try {
      await task();
      this.message = success;
      await this.load();
      return true;
    } catch (err) {
      this.error = this.errorText(err);
      await this.load();
      return false;
    }
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const f = new FormData(formEl);
    const body = { email: f.get('email'), name: f.get('name') || undefined, role: f.get('role'), password: f.get('password') };
    if (await this.run(() => api('POST', '/api/staff/users', body), t('users.added', { email: body.email }))) formEl.reset();
  }

  private async reset(event: SubmitEvent, user: StaffUser) {
    event.preventDefault();
    const password = new FormData(event.target as HTMLFormElement).get('password');
    if (await this.run(() => api('POST', `/api/staff/users/${user.id}/password`, { password }), t('users.passwordSet', { email: user.email }))) this.resetFor = null;
  }

  private row(u: StaffUser) {
    const self = u.id === this.user?.id;
    return html`<tr class=${u.disabled ? 'disabled-row' : ''}>
      <td><strong>${u.name}</strong><br /><span class="muted">${u.email}</span></td>
      <td><label class="sr-only" for="role-${u.id}">${t('users.roleOf', { email: u.email })}</label>
        <select id="role-${u.id}" @change=${(e: Event) => void this.run(() => api('PATCH', `/api/staff/users/${u.id}`, { role: (e.target as HTMLSelectElement).value }), t('users.updated', { email: u.email }))}>
          ${STAFF_ROLES.map((r) => html`<option value=${r} ?selected=${u.role === r}>${t(`roles.${r}`)}</option>`)}
        </select></td>
      <td>${u.disabled ? html`<span class="status status-deleted">${t('users.disabled')}</span>` : html`<span class="status status-published">${t('users.active')}</span>`}</td>
      <td>${formatDateTime(u.createdAt)}</td>
      <td class="button-row">
        <button type="button" class="btn btn-small" ?disabled=${self} @click=${() => void this.run(() => api('PATCH', `/api/staff/users/${u.id}`, { disabled: !u.disabled }), t('users.updated', { email: u.email }))}>${u.disabled ? t('users.enable') : t('users.disable')}</button>
        <button type="button" class="btn btn-small btn-ghost" aria-expanded=${this.resetFor === u.id ? 'true' : 'false'} @click=${() => (this.resetFor = this.resetFor === u.id ? null : u.id)}>${t('users.resetPassword')}</button>
        ${this.resetFor === u.id ? html`<form class="inline-field" @submit=${(e: SubmitEvent) => void this.reset(e, u)}>
          <label for="pw-${u.id}">${t('users.newPassword')}</label><input id="pw-${u.id}" name="password" type="password" autocomplete="new-password" minlength="10" required />
          <button class="btn btn-small btn-primary" type="submit">${t('users.save')}</button></form>` : nothing}
      </td>
    </tr>`;
  }

  override render() {
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('users.title')}</h1></div>
      <div aria-live="polite">
        ${this.message ? html`<p class="alert alert-success" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      </div>
      ${this.users ? html`<div class="table-wrap"><table class="data">
        <thead><tr><th scope="col">${t('users.person')}</th><th scope="col">${t('users.role')}</th><th scope="col">${t('users.state')}</th><th scope="col">${t('users.created')}</th><th scope="col">${t('users.actions')}</th></tr></thead>
        <tbody>${this.users.map((u) => this.row(u))}</tbody></table></div>` : html`<p role="status">${t('common.loading')}</p>`}
      <form class="card add-user" @submit=${this.add}>
        <h2>${t('users.add')}</h2>
        <div class="row">
          <div class="field"><label for="nu-email">${t('users.email')}</label><input id="nu-email" name="email" type="email" required autocomplete="off" /></div>
          <div class="field"><label for="nu-name">${t('users.name')}</label><input id="nu-name" name="name" autocomplete="off" /></div>
          <div class="field"><label for="nu-role">${t('users.role')}</label><select id="nu-role" name="role">${STAFF_ROLES.map((r) => html`<option value=${r} ?selected=${r === 'officer'}>${t(`roles.${r}`)}</option>`)}</select></div>
          <div class="field"><label for="nu-password">${t('users.password')}</label><input id="nu-password" name="password" type="password" minlength="10" required autocomplete="new-password" /></div>
          <button class="btn btn-primary" type="submit">${t('users.addButton')}</button>
        </div>
        <p class="hint">${t('users.passwordHint')}</p>
      </form>
    </section>`;
  }
}
customElements.define('users-view', UsersView);
