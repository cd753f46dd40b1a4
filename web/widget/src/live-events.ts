import type { Author, Suggestion } from './chat-api.ts';

/** The live stream's events, as served at GET /api/chat/:conversationId/events. */
export interface LiveMessage {
  id: number;
  author: Author;
  text: string;
  suggestions?: Suggestion[];
  createdAt: string;
  officerName?: string;
}

export interface HandoffStatus {
  status: 'waiting' | 'assigned' | 'resolved' | 'closed';
  ticketNumber: string;
  officerName?: string;
}

export interface LiveHandlers {
  message(message: LiveMessage): void;
  handoff(status: HandoffStatus): void;
}

/**
 * Listens to a conversation's live events while an officer may write. EventSource reconnects by
 * itself after a dropped connection, but gives up for good on an HTTP error (a restart, a proxy
 * hiccup): then this opens a new one, waiting longer each time up to half a minute.
 */
export function listenLive(url: string, handlers: LiveHandlers): { close(): void } {
  let source: EventSource | null = null;
  let closed = false;
  let delay = 1_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const parse = <T>(event: Event, use: (data: T) => void) => {
    try {
      use(JSON.parse((event as MessageEvent<string>).data) as T);
    } catch {
      // A malformed event is skipped; the next one may be fine.
    }
  };
  const open = () => {
    if (closed) return;
    const current = (source = new EventSource(url));
    current.addEventListener('message', (e) => parse(e, handlers.message));
    current.addEventListener('handoff', (e) => parse(e, handlers.handoff));
    current.addEventListener('open', () => (delay = 1_000));
    current.addEventListener('error', () => {
      if (current.readyState !== EventSource.CLOSED || closed) return;
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
