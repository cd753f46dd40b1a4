import type { Suggestion } from '../runtime/types.ts';

/**
 * Suggestions travel through the platforms as short codes (Telegram callback_data holds at most
 * 64 bytes): `t:<topic id>` asks for a topic, `a:officer` / `a:back-to-bot` are actions, and
 * `x:<label>` sends the label as if typed.
 */

export interface SuggestionChoice {
  choiceTopicId?: string;
  action?: 'officer' | 'back-to-bot';
  /** What the citizen "said" by tapping, when the platform did not echo the button's title. */
  fallbackText: string;
}

const ACTIONS = new Set(['officer', 'back-to-bot']);

export function encodeSuggestion(suggestion: Suggestion): string {
  if (suggestion.action) return `a:${suggestion.action}`;
  if (suggestion.faqId) return `t:${suggestion.faqId}`;
  return `x:${suggestion.label}`;
}

export function decodeSuggestion(code: string): SuggestionChoice | null {
  const kind = code.slice(0, 2);
  const value = code.slice(2);
  if (!value) return null;
  if (kind === 't:') return { choiceTopicId: value, fallbackText: value };
  if (kind === 'a:' && ACTIONS.has(value)) return { action: value as SuggestionChoice['action'], fallbackText: value };
  if (kind === 'x:') return { fallbackText: value };
  return null;
}

/** A suggestion as the runtime's inbound fields, for a tap or a typed menu number. */
export function choiceOf(suggestion: Suggestion): { choiceTopicId?: string; action?: Suggestion['action'] } {
  return {
    ...(suggestion.faqId ? { choiceTopicId: suggestion.faqId } : {}),
    ...(suggestion.action ? { action: suggestion.action } : {}),
  };
}
