/**
 * In-process publish/subscribe for live updates: the widget listens on its conversation's topic,
 * officers on the staff topic. One process, so no broker; everything published here is also in
 * the store, so a client that was not listening loses nothing (it reloads or replays from the store).
 */

export interface LiveEvent {
  event: string;
  data: unknown;
  /** The SSE id (a message id), so a reconnecting client can say where it stopped. */
  id?: number;
}

export interface Subscription {
  /** Receives each event published on the topic. */
  send(event: LiveEvent): void;
  /** Ends the subscriber's stream (server shutdown). */
  close(): void;
}

export const STAFF_TOPIC = 'staff';
export const CONVERSATION_TOPIC_PREFIX = 'conversation:';
export const conversationTopic = (conversationId: string) => `${CONVERSATION_TOPIC_PREFIX}${conversationId}`;

export class LiveHub {
  private readonly topics = new Map<string, Set<Subscription>>();

  /** Returns the unsubscribe function; call it when the client disconnects. */
  subscribe(topic: string, subscription: Subscription): () => void {
    const set = this.topics.get(topic) ?? new Set<Subscription>();
    set.add(subscription);
    this.topics.set(topic, set);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    };
  }

  publish(topic: string, event: LiveEvent): void {
    for (const subscription of this.topics.get(topic) ?? []) subscription.send(event);
  }

  subscriberCount(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }

  /** Open subscriptions over all topics whose name starts with `prefix`. */
  subscribersUnder(prefix: string): number {
    let n = 0;
    for (const [topic, set] of this.topics) if (topic.startsWith(prefix)) n += set.size;
    return n;
  }

  /** Ends every open stream, so the HTTP server can stop without waiting for clients to leave. */
  closeAll(): void {
    for (const set of this.topics.values()) for (const subscription of set) subscription.close();
    this.topics.clear();
  }
}
