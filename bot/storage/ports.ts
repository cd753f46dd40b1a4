import type { Channel, Locale, Topic } from '../domain.ts';
import type { BotFrameworkReferenceStore } from './botframework-ports.ts';
import type { PendingDeliveryStore, TicketStore } from './handoff-ports.ts';
import type { AnalyticsQueries, AuditStore, KnowledgeRevisionStore, SettingsStore, UnansweredReviewStore } from './console-ports.ts';
import type { ChannelContactStore, InboxStore, OutboxStore } from './channel-ports.ts';
import type { EmbeddingCacheStore, LlmUsageStore } from './llm-ports.ts';
import type { ConversationErasureStore } from './privacy-ports.ts';
import type { SessionStore, StaffStore } from './staff-ports.ts';
import type { ConversationTokenStore, FeedbackStore, TurnReceiptStore } from './web-chat-ports.ts';

/**
 * Storage ports. Promises from the start even though better-sqlite3 is synchronous, so that a
 * PostgreSQL implementation can stand in without changing a caller. SQL lives only behind these.
 */

export type ConversationMode = 'bot' | 'handoff';

/** What the bot remembers about one conversation between turns. */
export interface ConversationState {
  id: string;
  channel: Channel;
  locale: Locale | null;
  mode: ConversationMode;
  lastTopicId: string | null;
  /** Topic ids offered in the last clarify, in the order shown, so "2" or a tap can pick one. */
  pendingChoices: string[];
  consecutiveFallbacks: number;
  createdAt: string;
  updatedAt: string;
}

export type MessageAuthor = 'citizen' | 'bot' | 'officer' | 'system';

export interface StoredMessage {
  id: number;
  conversationId: string;
  author: MessageAuthor;
  text: string;
  /** The decision behind a bot message (action, topic, confidence…), as sent in the chat API. */
  outcome: Record<string, unknown> | null;
  /** Suggestions and other render data the channel showed with the message. */
  extra: Record<string, unknown> | null;
  createdAt: string;
}

export interface NewMessage {
  conversationId: string;
  author: MessageAuthor;
  text: string;
  outcome?: Record<string, unknown> | null;
  extra?: Record<string, unknown> | null;
}

export type UnansweredReason = 'fallback' | 'clarify' | 'thumbs-down';

export interface UnansweredEntry {
  id: number;
  conversationId: string | null;
  text: string;
  locale: Locale;
  channel: Channel;
  reason: UnansweredReason;
  bestTopicId: string | null;
  bestScore: number;
  createdAt: string;
}

export type NewUnanswered = Omit<UnansweredEntry, 'id' | 'createdAt'>;

export interface KnowledgeStore {
  listTopics(): Promise<Topic[]>;
  /** Replaces the whole published knowledge base in one transaction. */
  replaceTopics(topics: Topic[]): Promise<void>;
  countTopics(): Promise<number>;
}

export interface ConversationStore {
  find(id: string): Promise<ConversationState | null>;
  save(state: ConversationState): Promise<void>;
  appendMessages(messages: NewMessage[]): Promise<StoredMessage[]>;
  listMessages(conversationId: string, limit?: number): Promise<StoredMessage[]>;
}

export interface UnansweredStore {
  record(entry: NewUnanswered): Promise<void>;
  list(limit?: number): Promise<UnansweredEntry[]>;
}

/** Everything the runtime needs from persistence, plus lifecycle. */
export interface Storage {
  knowledge: KnowledgeStore;
  conversations: ConversationStore;
  unanswered: UnansweredStore;
  staff: StaffStore;
  sessions: SessionStore;
  botFrameworkReferences: BotFrameworkReferenceStore;
  tickets: TicketStore;
  pendingDeliveries: PendingDeliveryStore;
  audit: AuditStore;
  revisions: KnowledgeRevisionStore;
  review: UnansweredReviewStore;
  settings: SettingsStore;
  analytics: AnalyticsQueries;
  /** Telegram/WhatsApp: deduplicated webhook updates, the delivery queue, each citizen's platform address. */
  inbox: InboxStore;
  outbox: OutboxStore;
  channelContacts: ChannelContactStore;
  llmUsage: LlmUsageStore;
  embeddings: EmbeddingCacheStore;
  turnReceipts: TurnReceiptStore;
  /** Web conversations only: the hash of the secret that opens each one. */
  conversationTokens: ConversationTokenStore;
  feedback: FeedbackStore;
  /** Erases one citizen's conversation from every table above, on their request. */
  erasure: ConversationErasureStore;
  isHealthy(): boolean;
  close(): void;
}
