import { html } from 'lit';
import { language, setLanguage, t } from './i18n.ts';

/** Bahasa Indonesia / English toggle; the choice is remembered in this browser. */
export function languageSwitch() {
  return html`<div class="lang-switch" role="group" aria-label=${t('common.language')}>
    ${(['id', 'en'] as const).map(
      (l) => html`<button type="button" class="chip" lang=${l} aria-pressed=${language() === l ? 'true' : 'false'} @click=${() => setLanguage(l)}>
        ${l === 'id' ? 'Bahasa Indonesia' : 'English'}
      </button>`,
    )}
  </div>`;
}
