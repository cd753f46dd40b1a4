/** The officer API's shapes (see /api/openapi.json, tag "tickets") and the small judgements the inbox makes on them. */
import { language } from './i18n.ts';

import type { TicketView } from '../../../bot/handoff/ticket-book.ts';
import type { TicketStatus } from '../../../bot/handoff/ticket.ts';

// The server's own types, so the inbox cannot drift from what the officer API sends.
export type { Channel } from '../../../bot/domain.ts';
export type { TicketStatus, TicketView };

export interface TranscriptEntry {
  id: number;
  author: 'citizen' | 'bot' | 'officer' | 'system';
  text: string;
  createdAt: string;
  officerName?: string;
  /** Not yet taken by the citizen's channel; the server retries. */
  pending?: true;
}

/** A message in the transcript, with where it stands while it travels to the citizen. */
export interface ShownEntry extends TranscriptEntry {
  delivery?: 'sending' | 'sent' | 'queued';
}

export interface TicketNote {
  officerId: string;
  officerName: string | null;
  text: string;
  createdAt: string;
}

export interface TicketEvent {
  id: number;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  actor: string;
  actorName: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export interface TicketDetail {
  ticket: TicketView;
  transcript: TranscriptEntry[];
  notes: TicketNote[];
  events: TicketEvent[];
}

export interface QueueCounts {
  waiting: number;
  assigned: number;
  escalated: number;
}

export interface Officer {
  id: string;
  name: string;
  role: 'officer' | 'admin';
  online: boolean;
}

/** GET /api/staff/channels/conversations/:id — whether a WhatsApp reply still goes out as free text. */
export interface ChannelStatus {
  channel: 'telegram' | 'whatsapp';
  lastInboundAt: string | null;
  serviceWindow: { open: boolean; closesAt: string | null; outsideWindowSends: 'template' | 'nothing' } | null;
}

/** A Telegram or WhatsApp message the outbox gave up on (GET /api/staff/outbox?status=failed). */
export interface FailedDelivery {
  id: number;
  channel: 'telegram' | 'whatsapp';
  conversationId: string;
  author: string;
  text: string;
  lastError: string | null;
  failedAt: string | null;
  createdAt: string;
}

export const isOpen = (t: Pick<TicketView, 'status'>) => t.status === 'waiting' || t.status === 'assigned';

/** The sweep reminded the officer and the citizen still has no answer. */
export const isReminded = (t: TicketView) =>
  t.status === 'assigned' && t.awaitingOfficer && t.remindedAt !== null && t.lastCitizenMessageAt !== null && t.remindedAt >= t.lastCitizenMessageAt;

/** Since when somebody has been waiting: the citizen for an officer, or for the officer's answer. */
export function waitingSince(t: TicketView): string | null {
  if (t.status === 'waiting') return t.createdAt;
  if (t.status === 'assigned' && t.awaitingOfficer) return t.lastCitizenMessageAt;
  return null;
}

/** The service window as it stands now (it can close while the officer is typing). */
export function windowClosed(status: ChannelStatus | null, now: number): boolean {
  const w = status?.serviceWindow;
  if (!w) return false;
  if (!w.open) return true;
  return w.closesAt !== null && Date.parse(w.closesAt) <= now;
}

/** "4 min", "1 hr 5 min", "2 days" in the console's language. */
export function formatDuration(ms: number): string {
  const lang = language() === 'id' ? 'id-ID' : 'en-GB';
  const unit = (value: number, u: string) => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return `< ${unit(1, 'minute')}`;
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}` : unit(hours, 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

export const formatTime = (iso: string) => new Date(iso).toLocaleTimeString(language() === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Adds a stored message to the transcript: it replaces the in-flight copy of the same reply (the live
 * stream can bring it before the POST answers) and keeps the order chronological, in-flight last.
 */
export function settle(entries: ShownEntry[], stored: ShownEntry): ShownEntry[] {
  let replaced = false;
  const rest = entries.filter((e) => {
    const same = !replaced && e.delivery === 'sending' && stored.author === 'officer' && e.text === stored.text;
    if (same) replaced = true;
    return !same && e.id !== stored.id;
  });
  const key = (e: ShownEntry) => (e.id < 0 ? Number.MAX_SAFE_INTEGER : e.id);
  return [...rest, stored].sort((a, b) => key(a) - key(b));
}
