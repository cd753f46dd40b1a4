import type { Channel } from '../domain.ts';
import type { Reply } from './types.ts';

/** Who wrote a message that reaches the citizen outside their own turn. */
export type ProactiveAuthor = 'officer' | 'bot' | 'system';

export interface ProactiveMessage {
  conversationId: string;
  channel: Channel;
  author: ProactiveAuthor;
  reply: Reply;
  /**
   * Set when the message is already in the conversation's transcript (the handoff service stores
   * officer replies before delivering them): senders must not store it again, and can use it as
   * an idempotency key. Absent for messages nobody stored yet.
   */
  messageId?: number;
  createdAt?: string;
  /** The officer's display name, for an officer's message (channels may show who is writing). */
  officerName?: string;
}

/**
 * Delivers messages that arrive outside a request/response turn — an officer's reply, the bot
 * resuming after a handoff — to the citizen's own channel: the widget's live stream, or the
 * Telegram/WhatsApp outbox. Each channel registers one sender.
 */
export type ChannelSender = (message: ProactiveMessage) => Promise<void>;

export class ProactiveDelivery {
  private readonly senders = new Map<Channel, ChannelSender>();

  register(channel: Channel, sender: ChannelSender): void {
    this.senders.set(channel, sender);
  }

  async deliver(message: ProactiveMessage): Promise<boolean> {
    const sender = this.senders.get(message.channel);
    if (!sender) return false;
    await sender(message);
    return true;
  }
}
