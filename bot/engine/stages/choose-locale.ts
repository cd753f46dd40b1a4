import { LOCALES, type Locale } from '../../domain.ts';
import type { LanguageDetector } from '../lang/detect-language.ts';
import type { Trace } from '../types.ts';

export interface LocaleChoice {
  locale: Locale;
  reason: Trace['localeReason'];
  /** Set when the message itself asked for this language ("pakai bahasa Jawa"). */
  switchRequested: boolean;
}

export interface ChooseLocaleInput {
  normalized: string;
  explicit?: Locale;
  hint?: Locale;
  conversationLocale: Locale | null;
}

/** Evidence needed to move a conversation away from the language it is already in. */
const SWITCH_MARGIN = 0.6;
/** Evidence needed to trust a detection over the channel's hint when the conversation is new. */
const HINT_MARGIN = 0.35;

/**
 * Explicit choice wins, then a switch phrase, then detection; a conversation keeps its language
 * unless a message is long enough and clearly in another one, since short replies ("ok", "2",
 * "KTP") say nothing about language.
 */
export function chooseLocale(
  input: ChooseLocaleInput,
  detector: LanguageDetector,
  switchPhrases: Record<Locale, string[]>,
): LocaleChoice {
  if (input.explicit) return { locale: input.explicit, reason: 'explicit', switchRequested: false };
  for (const locale of LOCALES) {
    if (switchPhrases[locale].some((p) => containsPhrase(input.normalized, p))) {
      return { locale, reason: 'switch-phrase', switchRequested: true };
    }
  }
  const guess = detector.detect(input.normalized);
  const words = input.normalized.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  if (input.conversationLocale) {
    const strong = guess && words >= 3 && guess.locale !== input.conversationLocale && guess.margin >= SWITCH_MARGIN;
    return strong ? { locale: guess.locale, reason: 'detected', switchRequested: false } : { locale: input.conversationLocale, reason: 'conversation', switchRequested: false };
  }
  if (guess && (guess.margin >= HINT_MARGIN || !input.hint)) return { locale: guess.locale, reason: 'detected', switchRequested: false };
  if (input.hint) return { locale: input.hint, reason: 'hint', switchRequested: false };
  return { locale: 'id', reason: 'default', switchRequested: false };
}

function containsPhrase(text: string, phrase: string): boolean {
  const p = phrase.toLowerCase().trim();
  return p.length > 0 && ` ${text} `.includes(` ${p} `);
}
