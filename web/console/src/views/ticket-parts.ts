import { html, nothing } from 'lit';
import { formatDateTime, t } from '../i18n.ts';
import { formatDuration, formatTime, isReminded, waitingSince, type ShownEntry, type TicketEvent, type TicketNote, type TicketView, type TranscriptEntry } from '../tickets.ts';

export function statusBadge(ticket: TicketView) {
  return html`<span class="status ticket-status status-${ticket.status}">${t(`inbox.status_${ticket.status}`)}</span>`;
}

/** The facts an officer needs before answering: where, in which language, about what, for how long. */
export function ticketFacts(ticket: TicketView, topics: Map<string, string>, now: number) {
  const since = waitingSince(ticket);
  const topic = ticket.topicId ? html`${topics.get(ticket.topicId) ?? ticket.topicId} <span class="entry-id">${ticket.topicId}</span>` : t('inbox.noTopic');
  return html`<dl class="facts ticket-facts">
    <div><dt>${t('inbox.channel')}</dt><dd>${t(`channels.${ticket.channel}`)}</dd></div>
    <div><dt>${t('inbox.language')}</dt><dd>${t(`locales.${ticket.locale}`)}</dd></div>
    <div><dt>${t('inbox.topic')}</dt><dd>${topic}</dd></div>
    <div><dt>${t('inbox.reason')}</dt><dd>${t(`inbox.reason_${ticket.reason}`)}</dd></div>
    <div><dt>${t('inbox.opened')}</dt><dd>${formatDateTime(ticket.createdAt)}</dd></div>
    ${ticket.status === 'waiting'
      ? html`<div><dt>${t('inbox.queuePosition')}</dt><dd>${ticket.queuePosition ?? '—'}</dd></div>`
      : html`<div><dt>${t('inbox.officer')}</dt><dd>${ticket.officer?.name ?? '—'}</dd></div>`}
    ${since ? html`<div><dt>${t('inbox.waiting')}</dt><dd class=${isReminded(ticket) || ticket.escalated ? 'stale' : ''}>${formatDuration(now - Date.parse(since))}</dd></div>` : nothing}
    ${ticket.satisfaction !== null ? html`<div><dt>${t('inbox.rating')}</dt><dd>${ticket.satisfaction} / 5</dd></div>` : nothing}
  </dl>`;
}

const AUTHOR_CLASS: Record<TranscriptEntry['author'], string> = { citizen: 'msg-citizen', bot: 'msg-bot', officer: 'msg-officer', system: 'msg-system' };

function deliveryNote(entry: ShownEntry) {
  if (entry.author !== 'officer') return nothing;
  const state = entry.delivery ?? (entry.pending ? 'queued' : 'sent');
  return html`<span class="delivery delivery-${state}">${t(`inbox.delivery_${state}`)}</span>`;
}

function authorLabel(entry: ShownEntry) {
  if (entry.author === 'officer') return entry.officerName ? t('inbox.author_officerNamed', { name: entry.officerName }) : t('inbox.author_officer');
  return t(`inbox.author_${entry.author}`);
}

/** Citizen on the left, the officers on the right, the bot in grey, system notices centred. */
export function transcript(entries: ShownEntry[], locale: string) {
  if (entries.length === 0) return html`<p class="muted">${t('inbox.noMessages')}</p>`;
  return html`<ol class="transcript-list">
    ${entries.map(
      (m) => html`<li class="msg ${AUTHOR_CLASS[m.author]}">
        <span class="msg-head"><span class="msg-author">${authorLabel(m)}</span>
          <time datetime=${m.createdAt} title=${formatDateTime(m.createdAt)}>${formatTime(m.createdAt)}</time>${deliveryNote(m)}</span>
        <span class="msg-text" lang=${m.author === 'citizen' || m.author === 'bot' ? locale : nothing}>${m.text}</span>
      </li>`,
    )}
  </ol>`;
}

function notesList(notes: TicketNote[]) {
  if (notes.length === 0) return html`<p class="muted">${t('inbox.noNotes')}</p>`;
  return html`<ul class="note-list">
    ${notes.map((n) => html`<li><span class="note-head"><strong>${n.officerName ?? t('inbox.someone')}</strong> · ${formatDateTime(n.createdAt)}</span><span class="note-text">${n.text}</span></li>`)}
  </ul>`;
}

function eventText(e: TicketEvent, names: Map<string, string>): string {
  const who = e.actor === 'system' ? t('inbox.system') : e.actor === 'citizen' ? t('inbox.author_citizen') : (e.actorName ?? t('inbox.someone'));
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? t('inbox.someone')) : t('inbox.nobody'));
  const note = typeof e.detail?.note === 'string' ? e.detail.note : '';
  switch (e.type) {
    case 'transferred':
      return t('inbox.event_transferred', { who, from: name(e.detail?.from), to: name(e.detail?.to) }) + (note ? ` — ${note}` : '');
    case 'resolved':
      return t('inbox.event_resolved', { who, note });
    case 'rated':
      return t('inbox.event_rated', { score: e.detail?.score });
    default:
      return t(`inbox.event_${e.type}`, { who, defaultValue: e.type });
  }
}

/** The ticket's history as sentences, oldest first. */
function activity(events: TicketEvent[], names: Map<string, string>) {
  return html`<ol class="activity-list">
    ${events.map((e) => html`<li><time datetime=${e.createdAt}>${formatDateTime(e.createdAt)}</time><span>${eventText(e, names)}</span></li>`)}
  </ol>`;
}

/** Internal notes (with the form to add one) next to the ticket's history. */
export function ticketSide(o: { notes: TicketNote[]; events: TicketEvent[]; names: Map<string, string>; busy: boolean; addNote: (e: SubmitEvent) => void }) {
  return html`<div class="ticket-side">
    <section class="card" aria-labelledby="notes-title">
      <h3 id="notes-title">${t('inbox.notes')}</h3>
      <p class="hint">${t('inbox.notesHint')}</p>
      ${notesList(o.notes)}
      <form class="note-form" @submit=${o.addNote}>
        <label for="note-text">${t('inbox.addNote')}</label>
        <textarea id="note-text" name="note" rows="2" maxlength="2000" required></textarea>
        <button class="btn" type="submit" ?disabled=${o.busy}>${t('inbox.saveNote')}</button>
      </form>
    </section>
    <section class="card" aria-labelledby="activity-title">
      <h3 id="activity-title">${t('inbox.activity')}</h3>
      ${activity(o.events, o.names)}
    </section>
  </div>`;
}
