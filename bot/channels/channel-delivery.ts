import type { Locale } from '../domain.ts';
import type { Translate } from '../i18n.ts';
import type { ChannelSender } from '../runtime/proactive-delivery.ts';
import type { Reply } from '../runtime/types.ts';
import type { ChannelAddress, ChoiceMenu, MessagingChannelName, NewOutbound, OutboundAuthor } from '../storage/channel-ports.ts';
import type { Storage } from '../storage/ports.ts';
import type { MessagingChannel } from './messaging-channel.ts';
import { serviceWindowClosesAt } from './whatsapp/service-window.ts';

export interface PreparedReplies {
  outbound: NewOutbound[];
  menu: ChoiceMenu;
}

/** What the officer console shows about a conversation's channel before an officer types. */
export interface ConversationChannelStatus {
  conversationId: string;
  channel: MessagingChannelName;
  lastInboundAt: string | null;
  /** WhatsApp only: whether free text still reaches the citizen, and what happens otherwise. */
  serviceWindow: { open: boolean; closesAt: string | null; outsideWindowSends: 'template' | 'nothing' } | null;
}

export interface ChannelDeliveryDeps {
  storage: Pick<Storage, 'outbox' | 'channelContacts' | 'conversations'>;
  channels: Map<MessagingChannelName, MessagingChannel>;
  translate: Translate;
  giveUpMs: number;
  /** Whether WhatsApp messages outside the window become a template (WHATSAPP_TEMPLATE_NAME is set). */
  hasWhatsAppTemplate: boolean;
  /** Called after messages were queued: wakes the outbox worker. */
  onQueued(): void;
}

/**
 * Renders replies for a conversation's channel and queues them in the outbox: the one path for
 * a turn's replies and for out-of-turn messages (an officer's reply, the bot taking over again).
 */
export class ChannelDelivery {
  constructor(private readonly deps: ChannelDeliveryDeps) {}

  prepare(
    channel: MessagingChannel,
    target: { conversationId: string; address: ChannelAddress; lastInboundAt: string | null },
    replies: Reply[],
    author: OutboundAuthor,
    locale: Locale,
  ): PreparedReplies {
    const serviceWindowOpen = channel.isServiceWindowOpen(target.lastInboundAt, Date.now());
    const rendered = channel.render(target.address, replies, { locale, translate: this.deps.translate, author, serviceWindowOpen });
    const giveUpAt = Date.now() + this.deps.giveUpMs;
    const outbound = rendered.messages.map((m) => ({
      channel: channel.name,
      conversationId: target.conversationId,
      author,
      request: m.request,
      preview: m.preview.slice(0, 500),
      giveUpAt,
    }));
    return { outbound, menu: rendered.menu };
  }

  /** Wakes the outbox worker (after staff queued a failed message again). */
  wake(): void {
    this.deps.onQueued();
  }

  /** The ProactiveDelivery sender for one channel: queues the message; the outbox delivers it. */
  sender(name: MessagingChannelName): ChannelSender {
    return async (message) => {
      const channel = this.deps.channels.get(name)!;
      const contact = await this.deps.storage.channelContacts.find(message.conversationId);
      const address = contact?.address ?? channel.addressFor(message.conversationId);
      if (!address) throw new Error(`No ${name} address is known for conversation ${message.conversationId}.`);
      const state = await this.deps.storage.conversations.find(message.conversationId);
      const target = { conversationId: message.conversationId, address, lastInboundAt: contact?.lastInboundAt ?? null };
      const prepared = this.prepare(channel, target, [message.reply], message.author, state?.locale ?? 'id');
      await this.deps.storage.outbox.enqueue(prepared.outbound, contact ? { conversationId: message.conversationId, menu: prepared.menu } : undefined);
      this.deps.onQueued();
    };
  }

  async status(conversationId: string): Promise<ConversationChannelStatus | null> {
    const contact = await this.deps.storage.channelContacts.find(conversationId);
    if (!contact) return null;
    const channel = this.deps.channels.get(contact.channel);
    const lastInboundAt = contact.lastInboundAt;
    const closesAt = serviceWindowClosesAt(lastInboundAt);
    const serviceWindow =
      contact.channel === 'whatsapp'
        ? {
            open: channel ? channel.isServiceWindowOpen(lastInboundAt, Date.now()) : false,
            closesAt: closesAt === null ? null : new Date(closesAt).toISOString(),
            outsideWindowSends: this.deps.hasWhatsAppTemplate ? ('template' as const) : ('nothing' as const),
          }
        : null;
    return { conversationId, channel: contact.channel, lastInboundAt, serviceWindow };
  }
}
