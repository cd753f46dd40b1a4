import type { Locale } from '../domain.ts';
import type { Translate } from '../i18n.ts';
import type { Reply, Suggestion } from '../runtime/types.ts';
import type { HandoffReason, Ticket, TicketStatus } from './ticket.ts';

/** What the citizen (and the chat API's `ticket` field) learns about their ticket. */
export interface TicketInfo {
  number: string;
  status: TicketStatus;
  /** 1 = next in line; only while waiting. */
  queuePosition?: number;
  officersOnline: boolean;
  /** ISO instant officers come back on duty; only outside office hours. */
  nextOpening?: string;
}

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB', jv: 'jv', su: 'su' };

/** "Senin, 11 Mei pukul 08.00 WIB": officers' hours are always told in Jakarta time. */
export function formatWhen(iso: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} WIB`;
}

export const backToBotButton = (locale: Locale, t: Translate): Suggestion => ({ label: t(locale, 'suggestion.backToBot'), action: 'back-to-bot' });

const REASON_KEY: Record<HandoffReason, string> = {
  requested: 'handoff.requested',
  complaint: 'handoff.complaint',
  'repeated-fallback': 'fallbackRepeated',
};

/** Whether anyone will answer, and when: the sentence every handoff message and status check needs. */
function availability(info: TicketInfo, locale: Locale, t: Translate): string {
  if (info.nextOpening && !info.officersOnline) return t(locale, 'handoff.outsideHours', { when: formatWhen(info.nextOpening, locale) });
  const position = info.queuePosition ?? 1;
  return t(locale, info.officersOnline ? 'handoff.online' : 'handoff.noOfficerOnline', { position });
}

/** The reply that opens a ticket: why, its number, who will answer and when, and the way back. */
export function ticketOpenedReply(reason: HandoffReason, info: TicketInfo, locale: Locale, t: Translate): Reply {
  const text = [
    t(locale, REASON_KEY[reason]),
    t(locale, 'handoff.ticketNumber', { number: info.number }),
    availability(info, locale, t),
    t(locale, 'handoff.howToReturn'),
  ].join('\n\n');
  return { text, suggestions: [backToBotButton(locale, t)] };
}

/** While nobody has picked the ticket up, each message is acknowledged; the bot never answers it. */
export function relayAckReply(info: TicketInfo, locale: Locale, t: Translate): Reply {
  const text =
    info.nextOpening && !info.officersOnline
      ? t(locale, 'handoff.ackOutsideHours', { when: formatWhen(info.nextOpening, locale) })
      : t(locale, 'handoff.ackWaiting', { position: info.queuePosition ?? 1 });
  return { text, suggestions: [backToBotButton(locale, t)] };
}

export function officerLabel(name: string | null, locale: Locale, t: Translate): string {
  return name ? t(locale, 'handoff.officerNamed', { name }) : t(locale, 'handoff.anOfficer');
}

export interface StatusView {
  ticket: Ticket;
  info: TicketInfo;
  /** True when the asker is the conversation that opened the ticket: only then are details shown. */
  isOwner: boolean;
  subject: string;
  lastOfficerReply: string | null;
}

/** Ticket status: existence and status for anyone who knows the number; details only for its owner. */
export function ticketStatusReply(view: StatusView, locale: Locale, t: Translate): Reply {
  const { ticket, info } = view;
  const status = t(locale, `ticket.status.${ticket.status}`);
  if (!view.isOwner) return { text: t(locale, 'ticket.statusOther', { number: ticket.number, status }) };
  const lines = [t(locale, 'ticket.statusOwn', { number: ticket.number, subject: view.subject, opened: formatWhen(ticket.createdAt, locale), status })];
  if (ticket.status === 'waiting') {
    lines.push(info.nextOpening && !info.officersOnline ? t(locale, 'ticket.nextOpening', { when: formatWhen(info.nextOpening, locale) }) : t(locale, 'ticket.queue', { position: info.queuePosition ?? 1 }));
  }
  if (view.lastOfficerReply) lines.push(t(locale, 'ticket.lastReply', { text: view.lastOfficerReply }));
  if (ticket.satisfaction) lines.push(t(locale, 'ticket.rated', { score: ticket.satisfaction }));
  return { text: lines.join('\n'), suggestions: ticket.status === 'waiting' || ticket.status === 'assigned' ? [backToBotButton(locale, t)] : undefined };
}

/**
 * What the bot says after a thumbs-down: sorry, and a button to a person. Tapping it sends
 * `action: "officer"`, which opens a ticket like any other request for an officer.
 */
export function stillNeedHelpReply(locale: Locale, t: Translate): Reply {
  return { text: t(locale, 'feedback.stillNeedHelp'), suggestions: [{ label: t(locale, 'suggestion.stillNeedHelp'), action: 'officer' }] };
}

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

/** Suggestion buttons 1–5; tapping one sends its digit, which the next turn reads as the rating. */
export const ratingButtons = (): Suggestion[] => RATING_SCORES.map((n) => ({ label: String(n) }));

/** A rating is a lone digit 1–5, optionally "/5" or a star word ("4 bintang", "5 stars", "3 ⭐"). */
export function parseRating(text: string): number | null {
  const match = /^\s*([1-5])\s*(?:\/\s*5)?\s*(?:bintang|stars?|lintang|béntang|bentang|⭐|★)?\s*[.!]?\s*$/iu.exec(text);
  return match ? Number(match[1]) : null;
}
