import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../bot/engine/types.ts';
import { buildEngineFromFiles } from '../../scripts/lib/build-engine.ts';

const engine = buildEngineFromFiles();
const fresh: ConversationContext = { locale: null, lastTopicId: null, pendingChoices: [] };
const run = (text: string, conversation: ConversationContext = fresh) => engine.run({ text, conversation });

describe('answers citizens as they really write', () => {
  it.each([
    ['gmn cr bkin ktp sy ilang', 'ktp.lost'],
    ['KTP-ku ilang piye', 'ktp.lost'],
    ['kumaha mariksa bansos', 'bansos.check-recipient'],
    ['my wallet got stolen with my id card', 'ktp.lost'],
    ['brp biaya bikin ktp', 'ktp.fee'],
    ['anakku umur 2 bulan kudu imunisasi apa', 'vaksin.child-schedule'],
    ['budak abdi muriang saatos imunisasi kedah kumaha', 'vaksin.side-effects'],
    ['is the vaccine halal', 'vaksin.halal-safety'],
    ['imunisasii anak gratis gk di puskesmas', 'vaksin.cost'],
    ['krtu kks sy ilang gmn', 'bansos.card-lost'],
    ['vaksin meningitis buat umrah dmn', 'vaksin.certificate'],
    // Asking on behalf of someone: whose KTP it is does not change the question.
    ['my father lost his ktp', 'ktp.lost'],
    ['KTP bapakku ilang', 'ktp.lost'],
    ['ktp salaki abdi leungit kumaha', 'ktp.lost'],
    ['my husband lost his id card', 'ktp.lost'],
    // …but a word that only looks like a relative keeps its meaning: Javanese "abang" is red, "lansia" elderly.
    ['lengenku abang sawise vaksin', 'vaksin.side-effects'],
    ['booster lansia', 'vaksin.covid-booster'],
  ])('answers %j from %s', (text, topic) => {
    expect(run(text).decision).toMatchObject({ action: 'answer', topicId: topic });
  });

  it('puts the lost-KTP answer first for a long WhatsApp story that ends with the question', () => {
    const story =
      'Selamat siang bu. Kemarin saya ke pasar naik angkot sama anak saya, pulangnya baru sadar dompet saya hilang. Isinya uang, ATM dan KTP. Kalau mau bikin KTP baru syaratnya apa saja ya?';
    const { decision, trace } = run(story);
    expect(trace.candidates[0].topicId).toBe('ktp.lost');
    // Either answered, or offered first among the choices: never a greeting or a fallback.
    expect(['answer', 'clarify']).toContain(decision.action);
  });
});

describe('knows when not to answer', () => {
  it.each(['cara bikin SIM', 'paspor', 'akta kelahiran anak saya hilang', 'resep rendang', 'how do I renew my passport', 'cara daftar umrah', 'daftar haji dimana'])('does not answer %j from any entry', (text) => {
    expect(run(text).decision.action).not.toBe('answer');
  });
});

describe('reads a one-word message as a subject, not a question', () => {
  it('greets back for "sugeng enjing" although one vaccine phrasing says "enjing" (morning)', () => {
    expect(run('sugeng enjing').decision).toMatchObject({ action: 'smalltalk', intent: 'greeting' });
    expect(run('wilujeng enjing').decision).toMatchObject({ action: 'smalltalk', intent: 'greeting' });
  });

  it('offers choices for a lone shared word, and answers a word that belongs to one topic', () => {
    expect(run('ktp').decision.action).toBe('clarify');
    expect(run('halal').decision).toMatchObject({ action: 'answer', topicId: 'vaksin.halal-safety' });
  });
});

describe('follow-ups and choices', () => {
  it('answers "kalau rusak?" after a KTP answer from ktp.damaged', () => {
    const context = { locale: 'id' as const, lastTopicId: 'ktp.lost', pendingChoices: [] };
    expect(run('kalau rusak?', context).decision).toMatchObject({ action: 'answer', topicId: 'ktp.damaged' });
  });

  it('takes a typed number after a clarify', () => {
    const context = { locale: 'id' as const, lastTopicId: null, pendingChoices: ['ktp.lost', 'ktp.damaged'] };
    expect(run('2', context).decision).toMatchObject({ action: 'answer', topicId: 'ktp.damaged', via: 'choice' });
  });

  it('takes a choice by its title', () => {
    const title = engine.topic('bansos.pkh')!.content.id.title;
    const context = { locale: 'id' as const, lastTopicId: null, pendingChoices: ['bansos.bpnt', 'bansos.pkh'] };
    expect(run(title, context).decision).toMatchObject({ action: 'answer', topicId: 'bansos.pkh' });
  });
});

describe('conversational intents', () => {
  it.each([
    ['halo selamat pagi', 'smalltalk'],
    ['makasih ya kak', 'smalltalk'],
    ['mau bicara dengan petugas', 'handoff'],
    ['talk to a human', 'handoff'],
    ['aku pengin ngomong karo petugas', 'handoff'],
    ['hoyong ngobrol sareng petugas', 'handoff'],
    ['status tiket LYN-7K2Q9', 'ticket-status'],
  ])('%j → %s', (text, action) => {
    expect(run(text).decision.action).toBe(action);
  });
});
