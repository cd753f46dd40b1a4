import { html } from 'lit';
import { t } from '../i18n.ts';
import type { FieldChange } from '../types.ts';

const show = (v: unknown) => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.join('\n') : String(v));

/** Field, before and after, one row per changed field; long texts wrap and keep their line breaks. */
export function renderChanges(changes: FieldChange[]) {
  return html`<div class="table-wrap"><table class="data diff">
    <thead><tr><th scope="col">${t('diff.field')}</th><th scope="col">${t('diff.before')}</th><th scope="col">${t('diff.after')}</th></tr></thead>
    <tbody>${changes.map((c) => html`<tr><th scope="row">${c.field}</th><td class="before"><pre>${show(c.before)}</pre></td><td class="after"><pre>${show(c.after)}</pre></td></tr>`)}</tbody>
  </table></div>`;
}
