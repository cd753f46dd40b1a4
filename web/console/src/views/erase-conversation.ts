import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { ErasureCounts } from '../types.ts';
import { ConsoleView } from '../view.ts';

/**
 * Admins, on a citizen's request (UU 27/2022): erase the conversation behind an ended ticket. It
 * cannot be undone, so it takes a second step with the reason before anything is sent. Fires
 * `erased` (detail: the counts) so the ticket view can reload.
 */
class EraseConversation extends ConsoleView {
  static override properties = {
    ...ConsoleView.properties,
    conversationId: { type: String },
    open: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare conversationId: string;
  declare open: boolean;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.conversationId = '';
    this.open = this.busy = false;
    this.error = '';
  }

  private toggle(open: boolean) {
    this.open = open;
    this.error = '';
    this.updateComplete.then(() => this.querySelector<HTMLElement>(open ? '#erase-reason' : '[data-panel="erase"]')?.focus());
  }

  private async erase(event: SubmitEvent) {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      const counts = await api<ErasureCounts>('POST', '/api/staff/privacy/erase', { conversationId: this.conversationId, reason });
      this.open = false;
      this.dispatchEvent(new CustomEvent('erased', { detail: counts, bubbles: true }));
    } catch (err) {
      this.error = this.errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.open) {
      return html`<div class="button-row"><button type="button" class="btn btn-danger" data-panel="erase" aria-expanded="false" @click=${() => this.toggle(true)}>${t('erase.open')}</button></div>`;
    }
    return html`<form class="card side-panel" @submit=${(e: SubmitEvent) => void this.erase(e)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.toggle(false)} aria-labelledby="erase-title">
      <h3 id="erase-title">${t('erase.title')}</h3>
      <p class="hint" id="erase-hint">${t('erase.explain')}</p>
      <label for="erase-reason">${t('erase.reason')}</label>
      <textarea id="erase-reason" name="reason" rows="2" minlength="5" maxlength="500" required aria-describedby="erase-hint"></textarea>
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      <div class="button-row">
        <button class="btn btn-danger" type="submit" ?disabled=${this.busy}>${t('erase.confirm')}</button>
        <button class="btn btn-ghost" type="button" @click=${() => this.toggle(false)}>${t('inbox.cancel')}</button>
      </div>
    </form>`;
  }
}
customElements.define('erase-conversation', EraseConversation);
