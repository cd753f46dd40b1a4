import { LOCALES, type Locale } from '../domain.ts';
import { tokenize } from '../engine/lang/tokenize.ts';
import type { EngineResult } from '../engine/types.ts';

/** A message this long is usually a story around the question, which the lexical engine dilutes. */
const LONG_MESSAGE_WORDS = 18;

/**
 * Tells apart messages that mix languages ("tolong check status bansos saya dong, udah lama ga
 * cair"), using only words that belong to one locale's function-word list and no other's.
 */
export class CodeMixDetector {
  private readonly ownWords = new Map<string, Locale>();

  constructor(locales: Record<Locale, { functionWords: string[] }>) {
    const seen = new Map<string, Set<Locale>>();
    for (const locale of LOCALES) {
      for (const word of locales[locale].functionWords.flatMap(tokenize)) seen.set(word, (seen.get(word) ?? new Set()).add(locale));
    }
    for (const [word, locales] of seen) if (locales.size === 1) this.ownWords.set(word, [...locales][0]);
  }

  /** At least two locales each show two of their own words: one borrowed word is not mixing. */
  isMixed(text: string): boolean {
    const hits = new Map<Locale, number>();
    for (const token of tokenize(text)) {
      const locale = this.ownWords.get(token);
      if (locale) hits.set(locale, (hits.get(locale) ?? 0) + 1);
    }
    const counts = [...hits.values()].sort((a, b) => b - a);
    return counts.length >= 2 && counts[1] >= 2;
  }
}

/**
 * When to ask the model to restate a message: the engine is unsure (it offers choices, or gave up
 * although some words matched), or the message is of a kind the lexical engine handles worst:
 * long, in Javanese or Sundanese, or code-mixed. Never for requests for an officer, ticket numbers,
 * language switches, taps or numbers picked from a list: those are explicit and already certain.
 */
export function needsUnderstanding(text: string, result: EngineResult, codeMix: CodeMixDetector): boolean {
  const d = result.decision;
  if (d.action === 'clarify') return true;
  if (d.action === 'fallback' && d.confidence > 0) return true;
  // Small talk is included: a long message read as "thanks" or "yes" often hides a question.
  const retrievalTurn = d.action === 'fallback' || d.action === 'smalltalk' || (d.action === 'answer' && d.via !== 'choice');
  if (!retrievalTurn) return false;
  const locale = result.trace.locale;
  return tokenize(text).length >= LONG_MESSAGE_WORDS || locale === 'jv' || locale === 'su' || codeMix.isMixed(text);
}
