import type { ConversationalIntent, Locale } from '../domain.ts';
import type { Candidate } from './knowledge-index.ts';

/** What the engine knows of the conversation before this turn. */
export interface ConversationContext {
  locale: Locale | null;
  lastTopicId: string | null;
  /** Topic ids offered by the previous clarify, in the order shown. */
  pendingChoices: string[];
}

/** One inbound message, already stripped of its channel. */
export interface EngineInput {
  text: string;
  conversation: ConversationContext;
  /** The citizen chose this language explicitly (a button, the API field): it always wins. */
  locale?: Locale;
  /** A weak hint from the channel, e.g. Telegram's language_code. */
  localeHint?: Locale;
  /** A tapped suggestion carries its topic id. */
  choiceTopicId?: string;
}

export type SmalltalkIntent = Extract<ConversationalIntent, 'greeting' | 'thanks' | 'goodbye' | 'help' | 'affirm' | 'deny'>;

/** What to do with the turn. Rendering into text happens later, in the conversation's locale. */
export type Decision =
  | { action: 'answer'; topicId: string; confidence: number; via: 'retrieval' | 'choice' | 'follow-up' }
  | { action: 'clarify'; topicIds: string[]; confidence: number }
  | { action: 'fallback'; confidence: number; bestGuess: string | null }
  | { action: 'smalltalk'; intent: SmalltalkIntent; confidence: number }
  | { action: 'handoff'; reason: 'requested' | 'complaint'; confidence: number }
  | { action: 'ticket-status'; ticketNumber: string | null; confidence: number }
  | { action: 'back-to-bot'; confidence: number }
  | { action: 'language-switch'; locale: Locale; confidence: number };

export interface Trace {
  locale: Locale;
  localeReason: 'explicit' | 'switch-phrase' | 'detected' | 'conversation' | 'hint' | 'default';
  intent: string;
  intentConfidence: number;
  terms: string[];
  /** How many of `terms` the knowledge base has never seen. */
  unknownTerms: number;
  /** How much the message reads like a public-service question at all, 0..1. */
  domain: number;
  candidates: Candidate[];
}

export interface EngineResult {
  decision: Decision;
  trace: Trace;
}

export interface Thresholds {
  /** Confidence at or above which the bot answers. */
  answer: number;
  /** Confidence at or above which the bot offers choices instead of giving up. */
  clarify: number;
  /** Minimum gap between the top two topics' confidence for a direct answer. */
  margin: number;
}
