import type { StoredMessage } from './ports.ts';

/**
 * Storage ports for the web chat API's reliability and feedback features. Kept apart from
 * ports.ts because only the public chat API uses them.
 */

/**
 * The result of a turn, remembered by the client's own message id so that a message the widget
 * sends again (after a timeout or a reconnect) is answered from here instead of a second turn.
 */
export interface TurnReceiptStore {
  find(conversationId: string, clientMessageId: string): Promise<unknown | null>;
  /** Keeps the first result if one is already stored for this client message id. */
  save(conversationId: string, clientMessageId: string, result: unknown): Promise<void>;
}

/**
 * The SHA-256 hash of each web conversation's secret token (the token itself is never stored).
 * A conversation without a row is either new or from before tokens existed; its next turn sets one.
 */
export interface ConversationTokenStore {
  find(conversationId: string): Promise<Buffer | null>;
  /** Stores `hash` unless the conversation already has one, and returns the hash now stored. */
  claim(conversationId: string, hash: Buffer): Promise<Buffer>;
  /** Takes back a claim whose turn failed, so the client can try again with another token. */
  release(conversationId: string, hash: Buffer): Promise<void>;
}

export type Rating = 'up' | 'down';

export interface AnswerRating {
  conversationId: string;
  messageId: number;
  rating: Rating;
  comment: string | null;
  /** What the rated answer was about, kept with the rating for analytics. */
  topicId: string | null;
  locale: string | null;
}

/** A rated bot message and the citizen message it answered, so a thumbs-down can be reviewed. */
export interface RatedExchange {
  answer: StoredMessage;
  question: StoredMessage | null;
}

/** Citizens' 👍/👎 on bot answers, one rating per message (a later tap replaces an earlier one). */
export interface FeedbackStore {
  exchange(conversationId: string, messageId: number): Promise<RatedExchange | null>;
  /** Stores the rating and returns the rating the message had before, if any. */
  rate(rating: AnswerRating): Promise<Rating | null>;
  /** The current rating of every rated message in a conversation, by message id. */
  ratings(conversationId: string): Promise<Map<number, Rating>>;
}
