/**
 * Shows how the engine reads a question, from the shell:  npm run explain -- "ktp ku ilang piye"
 * Prints the analysed terms, the chosen locale and intent, the decision and the top candidates with
 * their evidence: the same trace the console's "Try it" shows, without a server.
 */
import { buildEngineFromFiles } from './lib/build-engine.ts';

const questions = process.argv.slice(2);
if (questions.length === 0) {
  console.error('Usage: npm run explain -- "question" ["another question" …]');
  process.exit(2);
}
const engine = buildEngineFromFiles();
for (const text of questions) {
  const { decision, trace } = engine.run({ text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
  console.log(`\n${text}`);
  console.log(`  terms      ${trace.terms.join(' ') || '(none)'}`);
  console.log(`  locale     ${trace.locale} (${trace.localeReason})   intent ${trace.intent} ${trace.intentConfidence}   domain ${trace.domain}`);
  console.log(`  decision   ${JSON.stringify(decision)}`);
  for (const c of trace.candidates) {
    console.log(`  candidate  ${c.topicId.padEnd(24)} p=${c.score} coverage=${c.coverage} phrasing=${c.phrasing} area=${c.area} bayes=${c.bayes} bm25=${c.bm25}`);
  }
}
