import { buildEngineFromFiles } from './lib/build-engine.ts';
const engine = buildEngineFromFiles();
for (const q of process.argv.slice(2)) {
  const r = engine.run({ text: q, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
  console.log(q, '\n  terms', r.trace.terms.join(' '), '\n  ', r.trace.locale, r.trace.intent, r.trace.intentConfidence, JSON.stringify(r.decision), '\n  ', r.trace.candidates.map((c) => `${c.topicId} s=${c.score} cov=${c.coverage} ph=${c.phrasing} bm=${c.bm25}`).join('\n   '));
}
