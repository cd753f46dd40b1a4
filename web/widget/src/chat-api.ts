import type { Locale } from './strings.ts';

/** The chat API's shapes as the widget reads them (see bot/http/chat-routes.ts). */
export interface Suggestion {
  faqId?: string;
  label: string;
  action?: 'officer' | 'back-to-bot';
}

export interface Reply {
  text: string;
  suggestions?: Suggestion[] | null;
  sourceUrl?: string | null;
  messageId?: number;
}

export interface Ticket {
  number: string;
  status?: string;
  queuePosition?: number;
}

export interface TurnResult {
  conversationId: string;
  replies: Reply[];
  outcome: { action: string; intent: string; locale: Locale };
  ticket?: Ticket;
  /** The token that opens this conversation: the one the widget sent. */
  conversationToken?: string;
}

export type Author = 'citizen' | 'bot' | 'officer' | 'system';

export interface HistoryMessage extends Reply {
  id: number;
  author: Author;
  outcome?: TurnResult['outcome'] | null;
  rating?: Rating;
  officerName?: string;
  ticket?: Ticket;
}

export type Rating = 'up' | 'down';

export interface Outgoing {
  conversationId: string;
  text: string;
  clientMessageId: string;
  locale?: Locale;
  localeHint?: Locale;
  faqId?: string;
  action?: 'officer' | 'back-to-bot';
  /** Sent as a header, not in the body; kept with a queued message so it goes out with its own conversation's token. */
  token?: string | null;
}

/**
 * Why a request failed, in the terms the citizen is told about. 'token': the conversation's token
 * was refused (the chat belongs to another browser or device), so the widget starts afresh.
 */
export type Failure = 'offline' | 'network' | 'rate-limited' | 'rejected' | 'token' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: Failure,
    readonly retryAfterMs = 0,
  ) {
    super(kind);
  }
}

/** A 3G link can take many seconds; past this a request is treated as lost and retried. */
const TIMEOUT_MS = 30_000;

export type ChatApi = ReturnType<typeof chatApi>;

/**
 * `tokenFor` gives the token of a conversation kept on this device: sent in a header, or as
 * `?token=` to the live stream, which EventSource opens without custom headers.
 */
export function chatApi(origin: string, tokenFor: (conversationId: string) => string | null) {
  const base = `${origin}/api/chat`;
  const call = async <T>(token: string | null, path: string, body?: unknown): Promise<T> => {
    if (isOffline()) throw new ApiError('offline');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(base + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Conversation-Token': token ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: controller.signal,
      });
      if (response.status === 429) throw new ApiError('rate-limited', retryAfter(response));
      if (response.status === 401) throw new ApiError('token');
      if (response.status >= 400 && response.status < 500) throw new ApiError('rejected');
      if (!response.ok) throw new ApiError('server');
      return (await response.json()) as T;
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(isOffline() ? 'offline' : 'network');
    } finally {
      clearTimeout(timer);
    }
  };
  const at = (id: string) => `/${encodeURIComponent(id)}`;
  return {
    send: ({ token, ...message }: Outgoing) => call<TurnResult>(token ?? tokenFor(message.conversationId), '', message),
    history: (id: string) => call<{ messages: HistoryMessage[] }>(tokenFor(id), `${at(id)}/messages`),
    rate: (id: string, messageId: number, rating: Rating) => call<unknown>(tokenFor(id), `${at(id)}/feedback`, { messageId, rating }),
    eventsUrl: (id: string) => `${base}${at(id)}/events?token=${encodeURIComponent(tokenFor(id) ?? '')}`,
  };
}

const isOffline = () => navigator.onLine === false;

function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) * 1000 : 10_000;
}
