import { ApiError, type ChatApi, type Outgoing, type TurnResult } from './chat-api.ts';
import { localState } from './local-state.ts';

/**
 * A citizen's message waiting to reach the server, kept on the device until it does. `moved`: it was
 * already moved once to a new conversation after its token was refused, and is not moved again.
 */
export type QueuedMessage = Outgoing & { moved?: true };

export interface OutboxEvents {
  sending(item: QueuedMessage): void;
  delivered(item: QueuedMessage, result: TurnResult): void;
  /**
   * The server refused the message itself, or (`isTokenRefused`) the conversation's token; it is
   * dropped, retrying would not help.
   */
  rejected(item: QueuedMessage, isTokenRefused: boolean): void;
  /** Sending stopped for now; it resumes by itself (back online, or after a pause). */
  waiting(item: QueuedMessage, error: ApiError): void;
}

/** Pauses between retries after a failure that was not "offline"; the last one repeats. */
const BACKOFF_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

/**
 * Sends queued messages one at a time, in order. Each carries a client message id that the server
 * deduplicates on, so a message is answered exactly once however often it is sent: after a
 * timeout, a lost response, a reload or from two tabs.
 */
export class Outbox {
  private items = localState.outbox();
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;

  constructor(
    private readonly api: ChatApi,
    private readonly events: OutboxEvents,
  ) {
    addEventListener('online', () => void this.flush());
  }

  get pending(): readonly QueuedMessage[] {
    return this.items;
  }

  add(item: QueuedMessage): Promise<void> {
    this.items.push(item);
    localState.setOutbox(this.items);
    return this.flush();
  }

  /** Sends everything queued; resolves when the queue is empty or sending has to wait. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return (this.flushing ??= this.sendAll().finally(() => (this.flushing = null)));
  }

  private async sendAll(): Promise<void> {
    while (this.items.length > 0 && (await this.sendFirst())) this.failures = 0;
  }

  private async sendFirst(): Promise<boolean> {
    const item = this.items[0];
    this.events.sending(item);
    try {
      const { moved: _moved, ...outgoing } = item;
      const result = await this.api.send(outgoing);
      this.drop(item);
      this.events.delivered(item, result);
      return true;
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('network');
      if (error.kind === 'rejected' || error.kind === 'token') {
        this.drop(item);
        this.events.rejected(item, error.kind === 'token');
        return true;
      }
      this.retryLater(error);
      this.events.waiting(item, error);
      return false;
    }
  }

  private drop(item: QueuedMessage): void {
    this.items = this.items.filter((i) => i.clientMessageId !== item.clientMessageId);
    localState.setOutbox(this.items);
  }

  /** Offline waits for the 'online' event, with a slow poll because some phones never fire it. */
  private retryLater(error: ApiError): void {
    const delay =
      error.kind === 'offline' ? 30_000 : error.retryAfterMs || BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
    this.failures += 1;
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
