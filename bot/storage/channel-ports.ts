import type { Locale } from '../domain.ts';
import type { InboundMessage, Suggestion } from '../runtime/types.ts';

/**
 * Ports for the messaging channels (Telegram, WhatsApp): the inbox that makes webhook deliveries
 * idempotent and survives restarts, the outbox that delivers every outgoing message, and what
 * the channel knows of each citizen's address on the platform.
 */

export type MessagingChannelName = 'telegram' | 'whatsapp';

/** Where a conversation's messages go on its platform (Telegram `{chatId}`, WhatsApp `{to}` or `{recipient}`). */
export type ChannelAddress = Record<string, string | number>;

/** Messages the channel answers itself, without a turn: platform conventions and things the bot cannot read. */
export type ChannelNotice = 'greeting' | 'help' | 'unsupported';

export type InboxPayload =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'notice'; notice: ChannelNotice; localeHint?: Locale };

/** One webhook update worth handling, already translated from the platform's shape. */
export interface NewInboxItem {
  channel: MessagingChannelName;
  /** The platform's id for this update (Telegram chat+message id or callback id, WhatsApp wamid). */
  externalId: string;
  conversationId: string;
  address: ChannelAddress;
  /** A second, stable platform id for the same person (WhatsApp's business-scoped user id). */
  platformUserId?: string;
  /** When the citizen wrote, per the platform: WhatsApp's 24-hour window runs from here. */
  sentAt: string;
  payload: InboxPayload;
}

export interface InboxEntry {
  id: number;
  channel: MessagingChannelName;
  conversationId: string;
  address: ChannelAddress;
  payload: InboxPayload;
}

export interface AcceptedItem {
  /** The conversation the update belongs to (an earlier one when the platform user id is already known). */
  conversationId: string;
  duplicate: boolean;
}

/** A platform API call that sends one message. */
export interface OutboundRequest {
  method: string;
  body: Record<string, unknown>;
}

export type OutboundAuthor = 'bot' | 'officer' | 'system';

export interface NewOutbound {
  channel: MessagingChannelName;
  conversationId: string;
  author: OutboundAuthor;
  request: OutboundRequest;
  /** The message's text as staff see it in the failure list. */
  preview: string;
  /** After this time (ms since epoch) the outbox stops retrying and records the failure. */
  giveUpAt: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';
/** What the platform later reported about a sent message (WhatsApp statuses); only ever moves forward. */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface OutboxEntry {
  id: number;
  channel: MessagingChannelName;
  conversationId: string;
  author: OutboundAuthor;
  request: OutboundRequest;
  preview: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  giveUpAt: number;
  lastError: string | null;
  externalMessageId: string | null;
  deliveryStatus: DeliveryStatus | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

/** The numbered choices last shown in a conversation, so that typing "2" picks the second. */
export type ChoiceMenu = Suggestion[] | null;

export interface InboxStore {
  /**
   * Records each update once per (channel, external id) in one transaction, and the citizen's
   * address and last-message time with it. A redelivered update comes back as `duplicate`.
   */
  accept(items: NewInboxItem[]): Promise<AcceptedItem[]>;
  pending(conversationId: string): Promise<InboxEntry[]>;
  conversationsWithPending(): Promise<string[]>;
  /**
   * Marks the update handled and queues its replies and menu in the same transaction, so that
   * after a crash either both happened or the update is processed again. `menu` undefined keeps
   * the one shown before (the bot stayed silent).
   */
  complete(id: number, result: { error?: string }, outbound: NewOutbound[], menu?: ChoiceMenu): Promise<void>;
  /** Forgets handled updates received before `before` (ISO): redeliveries stop after 7 days. */
  prune(before: string): Promise<number>;
}

export interface OutboxListFilter {
  status?: OutboxStatus;
  conversationId?: string;
  limit?: number;
}

export interface OutboxStore {
  enqueue(outbound: NewOutbound[], menu?: { conversationId: string; menu: ChoiceMenu }): Promise<void>;
  /** The oldest pending message of each conversation that is due, skipping conversations already being sent to. */
  dueHeads(now: number, channels: MessagingChannelName[], busy: string[], limit: number): Promise<OutboxEntry[]>;
  /** When the next pending message of a conversation not in `busy` falls due (ms since epoch), or null. */
  nextDueAt(channels: MessagingChannelName[], busy: string[]): Promise<number | null>;
  markSent(id: number, externalMessageId: string | null): Promise<void>;
  reschedule(id: number, nextAttemptAt: number, error: string): Promise<void>;
  markFailed(id: number, error: string, countAttempt: boolean): Promise<void>;
  /** Swaps in another request (a template instead of free text) and makes it due now. */
  replace(id: number, request: OutboundRequest, preview: string): Promise<void>;
  /** Records a platform delivery report; late or repeated reports never move a message backwards. */
  recordDelivery(externalMessageId: string, status: DeliveryStatus, error?: string): Promise<boolean>;
  find(id: number): Promise<OutboxEntry | null>;
  list(filter: OutboxListFilter): Promise<OutboxEntry[]>;
  /** Queues a failed message again (staff "retry"), with a fresh give-up time. */
  retry(id: number, giveUpAt: number): Promise<OutboxEntry | null>;
  prune(sentBefore: string): Promise<number>;
}

export interface ChannelContact {
  conversationId: string;
  channel: MessagingChannelName;
  address: ChannelAddress;
  platformUserId: string | null;
  lastInboundAt: string;
  menu: ChoiceMenu;
}

export interface ChannelContactStore {
  find(conversationId: string): Promise<ChannelContact | null>;
}
