import type { Locale } from '../../domain.ts';
import type { Translate } from '../../i18n.ts';
import type { Logger } from '../../logger.ts';
import { KeyedSerializer } from '../../runtime/serialize-by-key.ts';
import type { InboundMessage, Reply } from '../../runtime/types.ts';
import type { AcceptedItem, ChannelContact, ChannelNotice, InboxEntry, MessagingChannelName, NewInboxItem } from '../../storage/channel-ports.ts';
import type { Storage } from '../../storage/ports.ts';
import type { ChannelDelivery } from '../channel-delivery.ts';
import type { MessagingChannel } from '../messaging-channel.ts';
import { resolveMenuChoice } from './menu-choice.ts';

/** Where webhook routes hand accepted updates: stored first, acknowledged, processed afterwards. */
export interface InboxGate {
  accept(items: NewInboxItem[]): Promise<AcceptedItem[]>;
}

export interface InboxProcessorDeps {
  storage: Pick<Storage, 'inbox' | 'channelContacts' | 'conversations'>;
  runtime: { handle(message: InboundMessage): Promise<{ replies: Reply[]; outcome: { locale: Locale } }> };
  channels: Map<MessagingChannelName, MessagingChannel>;
  delivery: ChannelDelivery;
  translate: Translate;
  logger: Logger;
  maxMessageChars: number;
  onQueued(): void;
}

const NOTICE_KEYS: Record<ChannelNotice, string> = { greeting: 'greeting', help: 'help', unsupported: 'channel.unsupported' };

/**
 * Runs the turns for accepted webhook updates, one conversation at a time and in arrival order.
 * An update stays "pending" in the inbox until its replies are queued in the outbox (one
 * transaction), so an update accepted just before a crash is processed after the restart.
 */
export class InboxProcessor implements InboxGate {
  private readonly serializer = new KeyedSerializer();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: InboxProcessorDeps) {}

  async accept(items: NewInboxItem[]): Promise<AcceptedItem[]> {
    const accepted = await this.deps.storage.inbox.accept(items);
    for (const conversationId of new Set(accepted.filter((a) => !a.duplicate).map((a) => a.conversationId))) this.kick(conversationId);
    return accepted;
  }

  /** Picks up every update a previous process accepted but did not finish. */
  async resume(): Promise<void> {
    for (const conversationId of await this.deps.storage.inbox.conversationsWithPending()) this.kick(conversationId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.running]);
  }

  private kick(conversationId: string): void {
    if (this.stopped) return;
    const run = this.serializer.run(conversationId, () => this.drain(conversationId));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async drain(conversationId: string): Promise<void> {
    for (const entry of await this.deps.storage.inbox.pending(conversationId)) {
      if (this.stopped) return;
      const channel = this.deps.channels.get(entry.channel);
      if (channel) await this.process(entry, channel);
    }
  }

  private async process(entry: InboxEntry, channel: MessagingChannel): Promise<void> {
    const contact = await this.deps.storage.channelContacts.find(entry.conversationId);
    const target = { conversationId: entry.conversationId, address: entry.address, lastInboundAt: contact?.lastInboundAt ?? null };
    try {
      const { replies, locale } = await this.respond(entry, contact);
      const prepared = this.deps.delivery.prepare(channel, target, replies, 'bot', locale);
      await this.deps.storage.inbox.complete(entry.id, {}, prepared.outbound, replies.length ? prepared.menu : undefined);
    } catch (err) {
      this.deps.logger.error({ err, conversationId: entry.conversationId, channel: entry.channel }, 'turn failed; apologising to the citizen');
      try {
        const locale = await this.fallbackLocale(entry);
        const apology = this.deps.delivery.prepare(channel, target, [{ text: this.deps.translate(locale, 'error') }], 'system', locale);
        await this.deps.storage.inbox.complete(entry.id, { error: (err as Error).message }, apology.outbound);
      } catch (inner) {
        // The store itself is failing: the update stays pending and is retried after a restart.
        this.deps.logger.error({ err: inner, conversationId: entry.conversationId }, 'could not record the failed turn');
        return;
      }
    }
    this.deps.onQueued();
  }

  private async respond(entry: InboxEntry, contact: ChannelContact | null): Promise<{ replies: Reply[]; locale: Locale }> {
    const { translate } = this.deps;
    if (entry.payload.kind === 'notice') {
      const locale = await this.fallbackLocale(entry);
      return { replies: [{ text: translate(locale, NOTICE_KEYS[entry.payload.notice]) }], locale };
    }
    const message = resolveMenuChoice(entry.payload.message, contact?.menu ?? null);
    if (message.text.length > this.deps.maxMessageChars) {
      const locale = await this.fallbackLocale(entry);
      return { replies: [{ text: translate(locale, 'tooLong', { max: this.deps.maxMessageChars }) }], locale };
    }
    const result = await this.deps.runtime.handle(message);
    return { replies: result.replies, locale: result.outcome.locale };
  }

  /** For messages answered without a turn: the conversation's language, else the platform's hint, else Indonesian. */
  private async fallbackLocale(entry: InboxEntry): Promise<Locale> {
    const state = await this.deps.storage.conversations.find(entry.conversationId);
    const hint = entry.payload.kind === 'notice' ? entry.payload.localeHint : entry.payload.message.localeHint;
    return state?.locale ?? hint ?? 'id';
  }
}
