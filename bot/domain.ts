/** The shared vocabulary of the product: plain data that every layer speaks. */

export const LOCALES = ['id', 'en', 'jv', 'su'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type Channel = 'web' | 'telegram' | 'whatsapp' | 'botframework';

/** One locale's version of a curated knowledge-base entry. */
export interface TopicContent {
  title: string;
  questions: string[];
  answer: string;
}

/** A curated knowledge-base entry; `id` is the stable topic id from the spec. */
export interface Topic {
  id: string;
  area: string;
  sourceUrl: string;
  lastReviewed: string;
  reviewBy: string;
  content: Record<Locale, TopicContent>;
}

export const CONVERSATIONAL_INTENTS = [
  'greeting',
  'thanks',
  'goodbye',
  'help',
  'handoff',
  'complaint',
  'ticket-status',
  'back-to-bot',
  'affirm',
  'deny',
] as const;
export type ConversationalIntent = (typeof CONVERSATIONAL_INTENTS)[number];

/** Training utterances for the conversational intents of one locale. */
export interface IntentSet {
  locale: Locale;
  intents: Partial<Record<ConversationalIntent, string[]>>;
}
