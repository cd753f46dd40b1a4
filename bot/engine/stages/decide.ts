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
const SMALLTALK_MAX_TOKENS = 10;
/** Confidence a one-word message needs to be answered directly rather than clarified. */
const ONE_WORD_ANSWER = 0.75;

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

  // Nothing to look up: an emoji, "?", "..." or a bare number outside a choice. Not a question we
  // failed, so not a fallback (two of those would call an officer): ask for the question instead.
  if (x.termCount === 0 && x.intent.intent === FAQ_LABEL && (!x.intent.runnerUp || x.intent.runnerUp.confidence < 0.1)) {
    return { action: 'smalltalk', intent: 'affirm', confidence: 0 };
  }
  if (!top && x.termCount === 0) return { action: 'smalltalk', intent: 'affirm', confidence: 0 };
  if (!top) return { action: 'fallback', confidence: 0, bestGuess: null };
  const margin = confidence - (second?.score ?? 0);
  // One word ("ktp", "bansos") is a subject, not a question: offer choices unless that word clearly
  // belongs to one topic ("halal").
  const oneWord = isUnsureOneWord(x, confidence);
  if (confidence >= t.answer && margin >= t.margin && !oneWord) {
    return { action: 'answer', topicId: top.topicId, confidence, via: x.followUp ? 'follow-up' : 'retrieval' };
  }
  // Every word of the message is one the knowledge base uses ("ktp", "bansos"): too vague to
  // answer, but clearly about us, so offer the likeliest topics instead of "I don't know".
  const vagueButOurs = (top.coverage >= 0.99 && x.termCount <= 2) || (oneWord && x.candidates.length > 1);
  if (confidence >= t.clarify || vagueButOurs) {
    // A vague message lists the likeliest topics however unsure, but not ones a hundred times less likely.
    const floor = vagueButOurs ? confidence / 100 : Math.max(t.clarify, confidence - 0.2);
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
  // A very short message with nothing the knowledge base answers well ("punten", "operator") is
  // read by its most likely conversational intent even when "faq" edges it out.
  const unsure = confidence < t.answer || isUnsureOneWord(x, confidence);
  const terse = x.termCount === 0 || (x.tokenCount <= 3 && unsure);
  const runnerUpFloor = x.termCount === 0 ? 0.1 : 0.25;
  const guess = x.intent.intent === FAQ_LABEL && terse && x.intent.runnerUp && x.intent.runnerUp.confidence >= runnerUpFloor ? x.intent.runnerUp : x.intent;
  const { intent: label, confidence: p } = guess;
  if (label === FAQ_LABEL) return null;
  const noAnswer = confidence < t.clarify;
  // "makasih, jelas pisan" matches one word of some phrasing; a sure intent in a short message wins.
  const weakAnswer = unsure || (p >= 0.95 && x.termCount <= 2);
  switch (label) {
    case 'handoff':
    case 'back-to-bot': {
      const asks =
        (p >= 0.7 && x.tokenCount <= REQUEST_MAX_TOKENS) || (p >= 0.5 && x.tokenCount <= 4 && confidence < t.answer + 0.15) || (p >= 0.25 && terse) || (p >= 0.4 && noAnswer);
      if (!asks) return null;
      return label === 'handoff' ? { action: 'handoff', reason: 'requested', confidence: p } : { action: 'back-to-bot', confidence: p };
    }
    case 'complaint':
      if ((p >= 0.98 && confidence < 0.97) || (p >= 0.8 && confidence < t.answer + 0.2) || (p >= 0.5 && noAnswer)) {
        return { action: 'handoff', reason: 'complaint', confidence: p };
      }
      return null;
    case 'ticket-status':
      // Without a ticket number only a short, unmistakable question about "my ticket" counts.
      return p >= 0.75 && x.tokenCount <= 8 && confidence < t.answer ? { action: 'ticket-status', ticketNumber: null, confidence: p } : null;
    default:
      if (!SMALLTALK.includes(label)) return null;
      if ((p >= 0.4 && x.tokenCount <= SMALLTALK_MAX_TOKENS && weakAnswer) || (p >= 0.15 && x.termCount === 0)) {
        return { action: 'smalltalk', intent: label as SmalltalkIntent, confidence: p };
      }
      return null;
  }
}

/**
 * One word is a subject, not a question: answered directly only when it clearly belongs to one
 * topic ("halal"), or follows up the previous answer ("kalau rusak?" after a KTP answer).
 */
function isUnsureOneWord(x: DecideInput, confidence: number): boolean {
  return x.termCount === 1 && confidence < ONE_WORD_ANSWER && !x.followUp;
}
