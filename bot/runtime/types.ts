import type { Channel, Locale } from '../domain.ts';
import type { TicketInfo } from '../handoff/handoff-replies.ts';

/** A citizen's message as every channel hands it to the runtime. */
export interface InboundMessage {
  conversationId: string;
  channel: Channel;
  text: string;
  /** The citizen picked this language (widget button, API field). */
  locale?: Locale;
  /** A weak language hint from the platform (Telegram's language_code). */
  localeHint?: Locale;
  /** A tapped suggestion's topic id. */
  choiceTopicId?: string;
  /** A tapped action button: ask for an officer, or leave the officer and return to the bot. */
  action?: 'officer' | 'back-to-bot';
}

export interface Suggestion {
  /** Present when tapping it asks for this topic. */
  faqId?: string;
  label: string;
  /** Present for action buttons that are not topics ("officer", "back-to-bot"). */
  action?: 'officer' | 'back-to-bot';
}

export interface Reply {
  text: string;
  suggestions?: Suggestion[];
  /** The official page an answer's facts come from. */
  sourceUrl?: string;
  /** The stored message's id, so a client can rate this reply (set once the turn is saved). */
  messageId?: number;
}

/** The chat API's `outcome`: stable field names that the widget and external checks read. */
export interface Outcome {
  action: 'answer' | 'clarify' | 'fallback' | 'handoff' | 'smalltalk' | 'relay' | 'ticket';
  faqId: string | null;
  intent: string;
  confidence: number;
  locale: Locale;
  candidates?: { faqId: string; score: number }[];
}

export interface TurnResult {
  conversationId: string;
  replies: Reply[];
  outcome: Outcome;
  /** Present when the turn opened a ticket, relayed to one, or left one: number, status, queue, office hours. */
  ticket?: TicketInfo;
}
