import { api } from './api.ts';
import type { QueueCounts, TicketView, TranscriptEntry } from './tickets.ts';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** What the officers' stream (GET /api/staff/events) tells the console, re-dispatched as DOM events. */
export interface LiveEvents {
  /** The stream (re)connected: anything may have changed while it was down, so reload. */
  resync: void;
  state: LiveState;
  counts: QueueCounts | null;
  ticket: { change: string; ticket: TicketView };
  message: { ticketNumber: string; message: TranscriptEntry };
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** Several changes often arrive together (claim = claimed + a system message): count once. */
const COUNTS_DEBOUNCE_MS = 300;

/**
 * One EventSource for the whole console, shared by the navigation's counts and the inbox. Opened
 * while anyone holds it: an officer's session always, an admin's only while the inbox is open (an
 * open stream counts as "an officer is at the desk", which citizens are told).
 */
class LiveQueue extends EventTarget {
  counts: QueueCounts | null = null;
  state: LiveState = 'connecting';
  private source: EventSource | null = null;
  private holders = 0;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;

  /** Keeps the stream open until the returned function is called. */
  acquire(): () => void {
    this.holders += 1;
    if (this.holders === 1) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0) this.shut();
    };
  }

  on<K extends keyof LiveEvents>(type: K, listener: (detail: LiveEvents[K]) => void): () => void {
    const handler = (e: Event) => listener((e as CustomEvent<LiveEvents[K]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  private emit<K extends keyof LiveEvents>(type: K, detail: LiveEvents[K]) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private setState(state: LiveState) {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  private open() {
    const source = new EventSource('/api/staff/events');
    this.source = source;
    source.addEventListener('open', () => {
      this.retryMs = FIRST_RETRY_MS;
      this.setState('live');
    });
    source.addEventListener('queue', (e) => {
      this.setCounts((JSON.parse((e as MessageEvent).data) as { counts: QueueCounts }).counts);
      this.emit('resync', undefined);
    });
    source.addEventListener('ticket', (e) => {
      this.emit('ticket', JSON.parse((e as MessageEvent).data));
      this.refreshCounts();
    });
    source.addEventListener('message', (e) => this.emit('message', JSON.parse((e as MessageEvent).data)));
    source.addEventListener('error', () => {
      this.setState('reconnecting');
      // A network drop is retried by the browser; a refused stream (signed out, server restarting) is not.
      if (source.readyState === EventSource.CLOSED) this.scheduleReopen();
    });
  }

  private scheduleReopen() {
    this.source?.close();
    this.source = null;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.holders === 0) return;
      // Asking who we are first: a 401 here signs the console out instead of retrying for ever.
      api('GET', '/api/staff/me')
        .then(() => this.holders > 0 && !this.source && this.open())
        .catch(() => this.holders > 0 && this.scheduleReopen());
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private shut() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.countsTimer);
    this.source?.close();
    this.source = null;
    this.counts = null;
    this.state = 'connecting';
    this.emit('counts', null);
  }

  setCounts(counts: QueueCounts) {
    this.counts = counts;
    this.emit('counts', counts);
  }

  private refreshCounts() {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      // The escalated list is the shortest one that still carries the counts.
      api<{ counts: QueueCounts }>('GET', '/api/staff/tickets?escalated=true')
        .then((r) => this.holders > 0 && this.setCounts(r.counts))
        .catch(() => undefined);
    }, COUNTS_DEBOUNCE_MS);
  }
}

export const liveQueue = new LiveQueue();
