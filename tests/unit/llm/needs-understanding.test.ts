import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../bot/domain.ts';
import type { Decision, EngineResult } from '../../../bot/engine/types.ts';
import { CodeMixDetector, needsUnderstanding } from '../../../bot/llm/needs-understanding.ts';

const codeMix = new CodeMixDetector({
  id: { functionWords: ['saya', 'yang', 'dong', 'sudah', 'belum', 'gimana'] },
  en: { functionWords: ['my', 'the', 'is', 'please', 'how'] },
  jv: { functionWords: ['aku', 'wis', 'piye', 'ora'] },
  su: { functionWords: ['abdi', 'teu', 'kumaha'] },
});

const result = (decision: Decision, locale: Locale = 'id'): EngineResult =>
  ({ decision, trace: { locale, localeReason: 'detected', intent: 'faq', intentConfidence: 0, terms: [], candidates: [] } }) as unknown as EngineResult;
const answer: Decision = { action: 'answer', topicId: 'ktp.lost', confidence: 0.8, via: 'retrieval' };
const long = 'Selamat siang, saya mau tanya soalnya kemarin dompet saya hilang di pasar waktu belanja bersama ibu dan di dalamnya ada KTP jadi sekarang harus bagaimana';

describe('when to ask the model to restate a message', () => {
  const table: [string, string, EngineResult, boolean][] = [
    ['asks when the engine offers choices', 'ktp rusak hilang', result({ action: 'clarify', topicIds: ['ktp.lost', 'ktp.damaged'], confidence: 0.4 }), true],
    ['asks when the engine gave up although some words matched', 'ktp kucing', result({ action: 'fallback', confidence: 0.2, bestGuess: 'ktp.lost' }), true],
    ['does not ask about a short Indonesian message nothing matched', 'resep rendang', result({ action: 'fallback', confidence: 0, bestGuess: null }), false],
    ['does not ask about a short, clear Indonesian answer', 'ktp hilang', result(answer), false],
    ['asks about a long message even when the engine answered', long, result(answer), true],
    ['asks about Javanese', 'KTP-ku ilang piye', result(answer, 'jv'), true],
    ['asks about Sundanese even when nothing matched', 'abdi bade naros', result({ action: 'fallback', confidence: 0, bestGuess: null }, 'su'), true],
    ['asks about a code-mixed message', 'please gimana my ktp yang hilang', result(answer), true],
    ['does not ask about short Indonesian small talk', 'makasih ya', result({ action: 'smalltalk', intent: 'thanks', confidence: 0.9 }), false],
    ['asks about Sundanese read as small talk, which may hide a question', 'punten abdi bade naros', result({ action: 'smalltalk', intent: 'affirm', confidence: 0.9 }, 'su'), true],
    ['never asks about a picked choice', '2', result({ action: 'answer', topicId: 'ktp.lost', confidence: 1, via: 'choice' }, 'su'), false],
    ['never asks about a request for an officer', long, result({ action: 'handoff', reason: 'requested', confidence: 0.9 }), false],
  ];
  for (const [name, text, r, expected] of table) it(name, () => expect(needsUnderstanding(text, r, codeMix)).toBe(expected));
});

describe('code-mix detection', () => {
  it('sees Indonesian mixed with English', () => expect(codeMix.isMixed('please dong, my ktp belum jadi')).toBe(true));
  it('does not flag a plain Indonesian message', () => expect(codeMix.isMixed('saya sudah rekam tapi belum jadi dong')).toBe(false));
  it('does not flag a single borrowed word', () => expect(codeMix.isMixed('saya sudah the ktp')).toBe(false));
});
