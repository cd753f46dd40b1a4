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
  /** Words in the message, stopwords included. */
  tokenCount: number;
  /** True when the winner only won thanks to the previous answer's area. */
  followUp: boolean;
}

const SMALLTALK: readonly string[] = ['greeting', 'thanks', 'goodbye', 'help', 'affirm', 'deny'];
/** Requests for a person, or to leave one, are short; long stories are questions or complaints. */
const REQUEST_MAX_TOKENS = 12;
const SMALLTALK_MAX_TOKENS = 8;

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

  const intent = conversationalIntent(x, confidence, t);
  if (intent) return intent;

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

/**
 * A conversational intent wins over the knowledge base when the classifier is sure and the message
 * looks like one: asking for a person beats a weak match with the "officer hours" topic, and
 * "makasih ya" is thanks even if "ya" appears in some phrasing. Naive Bayes is overconfident on
 * long text, so long messages need the knowledge base to have nothing to say.
 */
function conversationalIntent(x: DecideInput, confidence: number, t: Thresholds): Decision | null {
  // A message with no content words at all ("punten", "kulanuwun") can only be conversational.
  const guess = x.intent.intent === FAQ_LABEL && x.termCount === 0 && x.intent.runnerUp ? x.intent.runnerUp : x.intent;
  const { intent: label, confidence: p } = guess;
  if (label === FAQ_LABEL) return null;
  const noAnswer = confidence < t.clarify;
  const weakAnswer = confidence < t.answer || (p >= 0.95 && confidence < 0.8);
  switch (label) {
    case 'handoff':
    case 'back-to-bot':
      if ((p >= 0.7 && x.tokenCount <= REQUEST_MAX_TOKENS) || (p >= 0.4 && noAnswer)) {
        return label === 'handoff' ? { action: 'handoff', reason: 'requested', confidence: p } : { action: 'back-to-bot', confidence: p };
      }
      return null;
    case 'complaint':
      if ((p >= 0.8 && confidence < t.answer + 0.15) || (p >= 0.5 && noAnswer)) return { action: 'handoff', reason: 'complaint', confidence: p };
      return null;
    case 'ticket-status':
      return p >= 0.6 && confidence < t.answer ? { action: 'ticket-status', ticketNumber: null, confidence: p } : null;
    default:
      if (!SMALLTALK.includes(label)) return null;
      if ((p >= 0.4 && x.tokenCount <= SMALLTALK_MAX_TOKENS && weakAnswer) || (p >= 0.15 && x.termCount === 0)) {
        return { action: 'smalltalk', intent: label as SmalltalkIntent, confidence: p };
      }
      return null;
  }
}
