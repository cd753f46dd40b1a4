import { describe, expect, it } from 'vitest';
import type { Decision, EngineResult } from '../../../bot/engine/types.ts';
import { pickUnderstood } from '../../../bot/llm/pick-understood.ts';

const result = (decision: Decision, candidates: string[] = []): EngineResult =>
  ({ decision, trace: { locale: 'jv', localeReason: 'detected', intent: 'faq', intentConfidence: 0, terms: ['x'], candidates: candidates.map((topicId) => ({ topicId, score: 0.5 })) } }) as unknown as EngineResult;

const answer = (topicId: string, confidence: number): Decision => ({ action: 'answer', topicId, confidence, via: 'retrieval' });
const clarify = (topicIds: string[], confidence: number): Decision => ({ action: 'clarify', topicIds, confidence });
const fallback = (confidence: number): Decision => ({ action: 'fallback', confidence, bestGuess: null });

describe('choosing between the citizen words and the model restatement', () => {
  const table: [string, Decision, Decision | null, string | null, { source: 'original' | 'restated'; decision: Partial<Decision> & Record<string, unknown> }][] = [
    ['takes a clear answer on the restatement over choices on the original', clarify(['ktp.lost', 'ktp.damaged'], 0.4), answer('ktp.lost', 0.8), null, { source: 'restated', decision: { action: 'answer', topicId: 'ktp.lost' } }],
    ['keeps choices when the restatement found nothing', clarify(['ktp.lost', 'ktp.damaged'], 0.4), fallback(0.1), null, { source: 'original', decision: { action: 'clarify' } }],
    ['keeps the original when the model could not restate', fallback(0.2), null, 'ktp.lost', { source: 'original', decision: { action: 'fallback' } }],
    ['prefers, between two answers, the one that agrees with the model topic', answer('ktp.lost', 0.6), answer('ktp.damaged', 0.9), 'ktp.lost', { source: 'original', decision: { topicId: 'ktp.lost' } }],
    ['prefers, between two answers and no topic, the more confident', answer('ktp.lost', 0.6), answer('ktp.damaged', 0.9), null, { source: 'restated', decision: { topicId: 'ktp.damaged' } }],
    ['keeps the original on a tie', answer('ktp.lost', 0.7), answer('ktp.lost', 0.7), null, { source: 'original', decision: { topicId: 'ktp.lost' } }],
    ['puts the model topic first among the choices offered', clarify(['ktp.lost', 'ktp.damaged', 'ktp.fee'], 0.4), fallback(0), 'ktp.damaged', { source: 'original', decision: { topicIds: ['ktp.damaged', 'ktp.lost', 'ktp.fee'] } }],
    ['never turns the model topic into an answer by itself', fallback(0.2), fallback(0.25), 'ktp.lost', { source: 'restated', decision: { action: 'fallback' } }],
    ['replaces small talk on a long message with a clear answer on the restatement', { action: 'smalltalk', intent: 'affirm', confidence: 0.98 }, answer('ktp.lost', 0.8), null, { source: 'restated', decision: { action: 'answer' } }],
    ['keeps small talk when the restatement only offers choices', { action: 'smalltalk', intent: 'thanks', confidence: 0.9 }, clarify(['ktp.lost', 'ktp.damaged'], 0.4), null, { source: 'original', decision: { action: 'smalltalk' } }],
    ['keeps small talk when the restatement found nothing', { action: 'smalltalk', intent: 'thanks', confidence: 0.9 }, fallback(0.1), null, { source: 'original', decision: { action: 'smalltalk' } }],
    ['ignores a restatement that became small talk', fallback(0.2), { action: 'smalltalk', intent: 'thanks', confidence: 0.9 }, null, { source: 'original', decision: { action: 'fallback' } }],
  ];
  for (const [name, original, restated, topicId, expected] of table) {
    it(name, () => {
      const picked = pickUnderstood(result(original), restated ? result(restated) : null, topicId);
      expect(picked.source).toBe(expected.source);
      expect(picked.result.decision).toMatchObject(expected.decision);
    });
  }

  it('says when it reordered the choices because of the model topic', () => {
    const picked = pickUnderstood(result(clarify(['ktp.lost', 'ktp.damaged'], 0.4)), null, 'ktp.damaged');
    expect(picked.hinted).toBe(true);
    expect(pickUnderstood(result(clarify(['ktp.lost', 'ktp.damaged'], 0.4)), null, 'ktp.lost').hinted).toBe(false);
  });
});
