import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../bot/engine/knowledge-index.ts';
import { decide, type DecideInput } from '../../bot/engine/stages/decide.ts';

const T = { answer: 0.5, clarify: 0.3, margin: 0.1 };
const cand = (topicId: string, score: number): Candidate => ({ topicId, areaId: topicId.split('.')[0], bm25: 5, coverage: score, phrasing: score, area: 1, bayes: score, score });
const input = (over: Partial<DecideInput>): DecideInput => ({
  candidates: [],
  intent: { intent: 'faq', confidence: 0.9 },
  ticketNumber: null,
  locale: { locale: 'id', reason: 'detected', switchRequested: false },
  choice: null,
  termCount: 3,
  tokenCount: 5,
  followUp: false,
  ...over,
});

describe('decide', () => {
  const table: [string, Partial<DecideInput>, Record<string, unknown>][] = [
    ['answers a clear winner', { candidates: [cand('ktp.lost', 0.8), cand('ktp.damaged', 0.4)] }, { action: 'answer', topicId: 'ktp.lost' }],
    ['clarifies when two topics are close', { candidates: [cand('ktp.lost', 0.7), cand('ktp.damaged', 0.65)] }, { action: 'clarify', topicIds: ['ktp.lost', 'ktp.damaged'] }],
    ['clarifies a middling match', { candidates: [cand('ktp.lost', 0.4)] }, { action: 'clarify', topicIds: ['ktp.lost'] }],
    ['falls back below the clarify threshold, keeping the best guess', { candidates: [cand('ktp.lost', 0.2)] }, { action: 'fallback', bestGuess: 'ktp.lost' }],
    ['falls back with nothing found', {}, { action: 'fallback', bestGuess: null }],
    ['answers a picked choice', { choice: 'ktp.damaged', candidates: [cand('ktp.lost', 0.9)] }, { action: 'answer', topicId: 'ktp.damaged', via: 'choice' }],
    ['reports a ticket number', { ticketNumber: 'LYN-7K2Q9' }, { action: 'ticket-status', ticketNumber: 'LYN-7K2Q9' }],
    ['hands off on a short, sure request for a person', { intent: { intent: 'handoff', confidence: 0.85 }, candidates: [cand('service.hours', 0.9)] }, { action: 'handoff', reason: 'requested' }],
    ['answers the question of a long message even if it mentions officers', { intent: { intent: 'handoff', confidence: 0.85 }, tokenCount: 30, candidates: [cand('service.hours', 0.9)] }, { action: 'answer' }],
    ['treats a sure general complaint as a complaint handoff', { intent: { intent: 'complaint', confidence: 0.9 }, candidates: [cand('ktp.fee', 0.45)] }, { action: 'handoff', reason: 'complaint' }],
    ['greets back on a greeting', { intent: { intent: 'greeting', confidence: 0.7 }, termCount: 0, tokenCount: 2 }, { action: 'smalltalk', intent: 'greeting' }],
    ['answers the question after a greeting', { intent: { intent: 'greeting', confidence: 0.7 }, tokenCount: 10, candidates: [cand('ktp.fee', 0.8)] }, { action: 'answer', topicId: 'ktp.fee' }],
    ['offers choices for one word several topics share, even when one of them leads', { termCount: 1, candidates: [cand('ktp.requirements', 0.6), cand('ktp.lost', 0.2)] }, { action: 'clarify' }],
    ['does not answer one word only one topic shares, unless it is sure', { termCount: 1, candidates: [cand('vaksin.side-effects', 0.6)] }, { action: 'clarify', topicIds: ['vaksin.side-effects'] }],
    ['falls back on one unknown-ish word rather than offering a stray topic', { termCount: 1, candidates: [cand('vaksin.missed-dose', 0.01)] }, { action: 'fallback' }],
    ['greets back on a one-word greeting that one phrasing happens to use', { intent: { intent: 'greeting', confidence: 0.85 }, termCount: 1, tokenCount: 2, candidates: [cand('vaksin.side-effects', 0.6)] }, { action: 'smalltalk', intent: 'greeting' }],
    ['answers one word that clearly belongs to one topic', { termCount: 1, candidates: [cand('vaksin.halal-safety', 0.95), cand('vaksin.cost', 0.1)] }, { action: 'answer', topicId: 'vaksin.halal-safety' }],
    ['switches language on a bare request', { locale: { locale: 'jv', reason: 'switch-phrase', switchRequested: true } }, { action: 'language-switch', locale: 'jv' }],
  ];
  for (const [name, over, expected] of table) {
    it(name, () => expect(decide(input(over), T)).toMatchObject(expected));
  }
});
