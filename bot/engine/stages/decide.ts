import type { Candidate } from '../knowledge-index.ts';
import type { IntentGuess } from '../intent-classifier.ts';
import { FAQ_LABEL } from '../intent-classifier.ts';
import type { Decision, SmalltalkIntent, Thresholds } from '../types.ts';
import type { LocaleChoice } from './choose-locale.ts';

export interface DecideInput {
  candidates: Candidate[];
  intent: IntentGuess;
  ticketNumber: string | null;
  locale: LocaleChoice;
  /** A topic picked from the previous clarify, by tap, number or title. */
  choice: string | null;
  /** Analysed terms of the message (after stopwords). */
  termCount: number;
  /** True when the winner only won thanks to the previous answer's area. */
  followUp: boolean;
}

/** How sure the intent classifier must be before a conversational intent outranks retrieval. */
const INTENT_CONFIDENCE = 0.6;
const SMALLTALK: readonly string[] = ['greeting', 'thanks', 'goodbye', 'help', 'affirm', 'deny'];

/** Pure: the whole answer / clarify / fall back policy, table-testable. */
export function decide(x: DecideInput, t: Thresholds): Decision {
  if (x.choice) return { action: 'answer', topicId: x.choice, confidence: 1, via: 'choice' };
  const top = x.candidates[0];
  const second = x.candidates[1];
  const confidence = top?.score ?? 0;
  if (x.ticketNumber) return { action: 'ticket-status', ticketNumber: x.ticketNumber, confidence: 1 };
  if (x.locale.switchRequested && confidence < t.answer) {
    return { action: 'language-switch', locale: x.locale.locale, confidence: 1 };
  }

  const intentWins =
    x.intent.intent !== FAQ_LABEL &&
    x.intent.confidence >= INTENT_CONFIDENCE &&
    (confidence < t.answer || (x.intent.confidence >= 0.9 && x.termCount <= 3));
  if (intentWins) {
    const c = x.intent.confidence;
    switch (x.intent.intent) {
      case 'handoff':
        return { action: 'handoff', reason: 'requested', confidence: c };
      case 'complaint':
        return { action: 'handoff', reason: 'complaint', confidence: c };
      case 'ticket-status':
        return { action: 'ticket-status', ticketNumber: null, confidence: c };
      case 'back-to-bot':
        return { action: 'back-to-bot', confidence: c };
      default:
        if (SMALLTALK.includes(x.intent.intent)) return { action: 'smalltalk', intent: x.intent.intent as SmalltalkIntent, confidence: c };
    }
  }

  if (!top) return { action: 'fallback', confidence: 0, bestGuess: null };
  const margin = confidence - (second?.score ?? 0);
  if (confidence >= t.answer && margin >= t.margin) {
    return { action: 'answer', topicId: top.topicId, confidence, via: x.followUp ? 'follow-up' : 'retrieval' };
  }
  if (confidence >= t.clarify) {
    const floor = Math.max(t.clarify, confidence - 0.2);
    const topicIds = x.candidates.filter((c) => c.score >= floor).slice(0, 3).map((c) => c.topicId);
    return { action: 'clarify', topicIds, confidence };
  }
  return { action: 'fallback', confidence, bestGuess: top.topicId };
}
