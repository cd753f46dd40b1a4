import type { Channel } from '../domain.ts';
import type { Logger } from '../logger.ts';
import type { ProactiveAuthor, ProactiveDelivery } from '../runtime/proactive-delivery.ts';
import type { Reply } from '../runtime/types.ts';
import type { PendingDelivery, PendingDeliveryStore } from '../storage/handoff-ports.ts';
import type { ConversationStore, StoredMessage } from '../storage/ports.ts';
import { conversationTopic, type LiveHub } from './live-hub.ts';
import type { TicketStatus } from './ticket.ts';

export interface OutboundDeps {
  conversations: ConversationStore;
  pending: PendingDeliveryStore;
  delivery: ProactiveDelivery;
  hub: LiveHub;
  logger: Logger;
}

interface PendingPayload {
  author: ProactiveAuthor;
  reply: Reply;
  createdAt: string;
  officerName?: string;
}

/** The `handoff` event of the widget's live stream. */
export interface HandoffStatusEvent {
  status: TicketStatus;
  ticketNumber: string;
  officerName?: string;
}

/**
 * Everything that reaches a citizen outside their own turn: officer replies, "an officer has taken
 * your ticket", the bot resuming. Each message is written to the transcript and to the pending
 * table first, then handed to the channel's sender; it leaves the pending table only once a sender
 * took it. No sender yet, or the channel down: it waits there and the sweep tries again, also
 * after a restart.
 */
export class CitizenOutbound {
  constructor(private readonly deps: OutboundDeps) {}

  async send(
    to: { conversationId: string; channel: Channel },
    author: ProactiveAuthor,
    reply: Reply,
    extra: Record<string, unknown> = {},
  ): Promise<{ message: StoredMessage; delivered: boolean }> {
    const [message] = await this.deps.conversations.appendMessages([
      {
        conversationId: to.conversationId,
        author,
        text: reply.text,
        extra: { suggestions: reply.suggestions ?? null, sourceUrl: reply.sourceUrl ?? null, proactive: true, ...extra },
      },
    ]);
    const officerName = typeof extra.officerName === 'string' ? extra.officerName : undefined;
    const payload: PendingPayload = { author, reply, createdAt: message.createdAt, ...(officerName ? { officerName } : {}) };
    const pending = await this.deps.pending.add({ ...to, messageId: message.id, payload: { ...payload } });
    return { message, delivered: await this.attempt(pending) };
  }

  /**
   * Tries waiting messages again; returns how many went out. `includeFresh: false` skips messages
   * never attempted yet, which `send` is delivering right now (used by the periodic sweep);
   * at start-up everything is retried, including what a crash interrupted.
   */
  async retryPending(options: { includeFresh: boolean }): Promise<number> {
    let delivered = 0;
    for (const pending of await this.deps.pending.list(200)) {
      if (!options.includeFresh && pending.attempts === 0) continue;
      if (await this.attempt(pending)) delivered += 1;
    }
    return delivered;
  }

  /** Tells the widget (or any live listener of the conversation) where its ticket stands. */
  publishStatus(conversationId: string, event: HandoffStatusEvent): void {
    this.deps.hub.publish(conversationTopic(conversationId), { event: 'handoff', data: event });
  }

  private async attempt(pending: PendingDelivery): Promise<boolean> {
    const { author, reply, createdAt, officerName } = pending.payload as unknown as PendingPayload;
    const log = { conversationId: pending.conversationId, channel: pending.channel, messageId: pending.messageId };
    try {
      const taken = await this.deps.delivery.deliver({
        conversationId: pending.conversationId,
        channel: pending.channel,
        author,
        reply,
        messageId: pending.messageId ?? undefined,
        createdAt,
        ...(officerName ? { officerName } : {}),
      });
      if (!taken) {
        if (pending.attempts === 0) this.deps.logger.warn(log, 'no sender registered for this channel yet: message kept for later delivery');
        await this.deps.pending.recordFailure(pending.id, `no sender registered for channel ${pending.channel}`);
        return false;
      }
      await this.deps.pending.remove(pending.id);
      return true;
    } catch (err) {
      this.deps.logger.warn({ ...log, err: (err as Error).message }, 'delivery failed: message kept for a later attempt');
      await this.deps.pending.recordFailure(pending.id, (err as Error).message);
      return false;
    }
  }
}
