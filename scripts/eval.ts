/**
 * Measures the engine on our own labelled questions and on real text nobody here wrote.
 *   npm run eval                 report on the held-out "test" half (and the "tune" half beside it)
 *   npm run eval -- --json       the same as JSON
 *   npm run eval -- --errors     also list every miss of the test half
 *   npm run eval -- --tune       search thresholds on the "tune" half only, then report on "test"
 *   npm run eval -- --llm        also compare with and without the configured language model (OPENAI_*)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES } from '../bot/domain.ts';
import { compareWithModel, printLlmReport } from './eval-llm.ts';
import { ROOT, DEFAULT_THRESHOLDS, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadEvalCases, loadExternal } from './lib/eval-set.ts';
import { runCases, summarise, type Summary } from './lib/evaluate.ts';
import { externalReport } from './lib/external-report.ts';
import { PlainBm25 } from './lib/plain-bm25.ts';
import { tuneThresholds } from './lib/tune-thresholds.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, errors: { type: 'boolean' }, tune: { type: 'boolean' }, llm: { type: 'boolean' }, 'data-dir': { type: 'string' } },
});

const evalDir = path.join(ROOT, 'tests/eval');
const files = fs.readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(evalDir, f));
// Phrasings staff promoted from the unanswered review become regression cases.
files.push(path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? 'data', 'regressions.jsonl'));
const cases = loadEvalCases(files);

let thresholds = DEFAULT_THRESHOLDS;
if (values.tune) thresholds = tuneThresholds(buildEngineFromFiles(), cases.filter((c) => c.split === 'tune'));
const engine = buildEngineFromFiles(thresholds);
const baseline = new PlainBm25(engine.topics);

const test = runCases(engine, cases.filter((c) => c.split === 'test'));
const tune = runCases(engine, cases.filter((c) => c.split === 'tune'));
const external = externalReport(engine, (name) => loadExternal(path.resolve(ROOT, '../shared/data/external', name)));
const report = { thresholds, test: summarise(test, baseline), tune: summarise(tune, baseline), external };

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  printSummary('held-out test half', report.test);
  printSummary('tune half (thresholds may be chosen on it)', report.tune);
  console.log('\nReal text nobody here wrote (../shared/data/external):');
  for (const [k, v] of Object.entries(external)) console.log(`  ${k.padEnd(34)} ${JSON.stringify(v)}`);
  console.log(`\nthresholds: ${JSON.stringify(thresholds)}`);
  if (values.errors) {
    console.log('\nMisses in the test half:');
    for (const r of test.filter((r) => !r.correct)) console.log(`  [${r.case.locale}] ${r.case.label} → ${r.predicted} (${r.action}): ${r.case.text}`);
  }
}
if (values.llm) {
  const llm = await compareWithModel(engine, cases.filter((c) => c.split === 'test'));
  if (values.json) console.log(JSON.stringify({ llm }, null, 2));
  else printLlmReport(llm);
}

function printSummary(title: string, s: Summary) {
  const pct = (v: number | null) => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);
  console.log(`\n== ${title}: ${s.cases} lines ==`);
  console.log(`FAQ top-1 answered right  ${pct(s.faqTop1)}   (plain BM25 baseline ${pct(s.baselineFaqTop1)})`);
  console.log(`  by locale               ${LOCALES.map((l) => `${l} ${pct(s.faqTop1ByLocale[l])}`).join('  ')}`);
  console.log(`  clarify rate            ${pct(s.clarifyRate)}   wrong answers ${pct(s.wrongAnswerRate)}`);
  console.log(`Out-of-scope held         ${pct(s.outOfScopeHold)}   (near misses ${pct(s.nearMissHold)}; baseline ${pct(s.baselineOutOfScopeHold)})`);
  console.log(`Intents recognised        ${pct(s.intentAccuracy)}`);
  console.log(`Language detected         ${pct(s.localeAccuracy)}`);
  console.log(`Engine latency            p50 ${s.latencyMs.p50} ms   p99 ${s.latencyMs.p99} ms`);
  console.log(`Worst confusions          ${s.worstPairs.map((p) => `${p.expected}→${p.got} ×${p.count}`).join(', ') || 'none'}`);
}
