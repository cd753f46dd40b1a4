import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { formatDuration, formatTime, windowClosed, type ChannelStatus, type Officer, type TicketView } from '../tickets.ts';

export type Panel = 'transfer' | 'resolve' | 'close' | null;

const sendOnCtrlEnter = (e: KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    (e.target as HTMLTextAreaElement).form?.requestSubmit();
  }
};

/** What WhatsApp will do with this reply: free text inside the 24-hour window, the approved template after it. */
function windowNotice(channel: ChannelStatus | null, now: number) {
  const w = channel?.serviceWindow;
  if (!w) return nothing;
  if (!windowClosed(channel, now)) {
    return w.closesAt ? html`<p class="hint window-open" id="reply-window">${t('inbox.windowOpen', { time: formatDateTime(w.closesAt) })}</p>` : nothing;
  }
  const since = w.closesAt ? t('inbox.windowClosedAt', { time: formatDateTime(w.closesAt) }) : t('inbox.windowNever');
  return w.outsideWindowSends === 'template'
    ? html`<p class="alert alert-warning window-notice" id="reply-window"><strong>${t('inbox.windowClosed')}</strong> ${since} ${t('inbox.windowTemplate')}</p>`
    : html`<p class="alert alert-error window-notice" id="reply-window"><strong>${t('inbox.windowClosed')}</strong> ${since} ${t('inbox.windowNoTemplate')}</p>`;
}

/** The reply box: Ctrl+Enter (⌘+Enter) sends. */
export function composer(o: { channel: ChannelStatus | null; now: number; submit: (e: SubmitEvent) => void }) {
  const notice = windowNotice(o.channel, o.now);
  return html`<form class="composer" @submit=${o.submit}>
    <label for="reply-text">${t('inbox.replyLabel')}</label>
    ${notice}
    <textarea id="reply-text" name="text" rows="3" maxlength="4000" required aria-describedby=${notice === nothing ? 'reply-hint' : 'reply-window reply-hint'} @keydown=${sendOnCtrlEnter}></textarea>
    <div class="composer-bar">
      <span class="hint" id="reply-hint">${t('inbox.replyHint')}</span>
      <button class="btn btn-primary" type="submit">${windowClosed(o.channel, o.now) && o.channel?.serviceWindow?.outsideWindowSends === 'template' ? t('inbox.sendTemplate') : t('inbox.send')}</button>
    </div>
  </form>`;
}

/** The close refusal in the console's language: the citizen is owed an answer, or it is too early (how long, and from when). */
export function closeRefusal(err: ApiError, ticket: TicketView): string | null {
  if (err.code !== 'citizen_not_silent') return null;
  const minutes = /(\d+) minutes?/.exec(err.message)?.[1];
  if (!minutes || !ticket.lastOfficerMessageAt) return t('inbox.closeCitizenWaiting');
  const from = new Date(Date.parse(ticket.lastOfficerMessageAt) + Number(minutes) * 60_000).toISOString();
  return t('inbox.closeTooEarly', { minutes, time: formatTime(from) });
}

function silenceHint(ticket: TicketView, now: number) {
  if (ticket.awaitingOfficer || !ticket.lastOfficerMessageAt) return t('inbox.closeCitizenWaiting');
  return t('inbox.closeSilentFor', { time: formatDuration(now - Date.parse(ticket.lastOfficerMessageAt)) });
}

interface PanelOptions {
  panel: Panel;
  ticket: TicketView;
  officers: Officer[];
  me: string;
  busy: boolean;
  now: number;
  feedback: TemplateResult;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

function transferFields(o: PanelOptions) {
  const candidates = o.officers.filter((x) => x.id !== o.ticket.officer?.id).sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  if (candidates.length === 0) return html`<p class="muted">${t('inbox.noOtherOfficers')}</p>`;
  return html`<label for="transfer-officer">${t('inbox.transferTo')}</label>
    <select id="transfer-officer" name="officerId" required>
      ${candidates.map((x) => html`<option value=${x.id}>${x.name}${x.id === o.me ? ` (${t('inbox.you')})` : ''} — ${x.online ? t('inbox.online') : t('inbox.offline')}</option>`)}
    </select>
    <label for="transfer-note">${t('inbox.transferNote')}</label>
    <textarea id="transfer-note" name="note" rows="2" maxlength="2000"></textarea>`;
}

/** Transfer, resolve or close: one panel at a time, below the conversation. */
export function sidePanel(o: PanelOptions) {
  if (!o.panel) return nothing;
  const lng = o.ticket.locale === 'en' ? 'en' : 'id';
  const fields = {
    transfer: transferFields(o),
    resolve: html`<label for="resolve-note">${t('inbox.resolveNote')}</label>
      <p class="hint" id="resolve-hint">${t('inbox.resolveHint')}</p>
      <textarea id="resolve-note" name="note" rows="3" maxlength="2000" required aria-describedby="resolve-hint"></textarea>`,
    close: html`<p class="hint" id="close-hint">${silenceHint(o.ticket, o.now)} ${t('inbox.closeHint')}</p>
      <label for="close-message">${t('inbox.closeMessage')}</label>
      <textarea id="close-message" name="message" rows="3" maxlength="4000" required aria-describedby="close-hint" .value=${t('inbox.closeDefault', { lng })}></textarea>`,
  }[o.panel];
  return html`<form class="card side-panel" id="side-panel" @submit=${o.submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.cancel()} aria-labelledby="side-panel-title">
    <h3 id="side-panel-title">${t(`inbox.panel_${o.panel}`, { number: o.ticket.number })}</h3>
    ${fields}
    ${o.feedback}
    <div class="button-row">
      <button class="btn btn-primary" type="submit" ?disabled=${o.busy}>${t(`inbox.confirm_${o.panel}`)}</button>
      <button class="btn btn-ghost" type="button" @click=${o.cancel}>${t('inbox.cancel')}</button>
    </div>
  </form>`;
}
