/**
 * Fits the confidence model (bot/engine/calibration.json) on the TUNE half of tests/eval only, so
 * the test half stays unseen:  npm run calibrate
 * Each FAQ line contributes its top candidates (right topic = 1, others = 0); each out-of-scope line
 * contributes its candidates as 0, so a confident-looking near miss learns to look unsure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CALIBRATION_FILE } from '../bot/engine/calibration-file.ts';
import { FEATURES, featuresOf, fitLogistic, logit, probability } from '../bot/engine/confidence.ts';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { OUT_OF_SCOPE, isTopicLabel, loadEvalCases } from './lib/eval-set.ts';

const evalDir = path.join(ROOT, 'tests/eval');
const cases = loadEvalCases(fs.readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(evalDir, f))).filter(
  (c) => c.split === 'tune' && (isTopicLabel(c.label) || c.label === OUT_OF_SCOPE),
);
const engine = buildEngineFromFiles(undefined, undefined, null);
const rows: { x: number[]; y: number; w: number }[] = [];
const tops: { x: number[]; label: string; topicId: string }[] = [];
for (const c of cases) {
  const { trace } = engine.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
  const q = { termCount: trace.terms.length, unknownShare: trace.terms.length ? trace.unknownTerms / trace.terms.length : 0, domain: trace.domain };
  trace.candidates.forEach((cand, rank) => {
    const best = Math.max(...trace.candidates.filter((o) => o !== cand).map((o) => o.score), 0);
    if (rank === 0) tops.push({ x: featuresOf(cand, best, q), label: c.label, topicId: cand.topicId });
    // Out-of-scope lines weigh more: answering one wrongly is the costlier mistake.
    rows.push({ x: featuresOf(cand, best, q), y: cand.topicId === c.label ? 1 : 0, w: c.label === OUT_OF_SCOPE ? 2 : 1 });
  });
}
const weights = fitLogistic(rows);
// Platt scaling: how often the top candidate is right, as a function of its probability.
const [intercept, slope] = fitLogistic(
  tops.map((t) => ({ x: [1, logit(probability({ features: FEATURES, weights }, t.x))], y: t.topicId === t.label ? 1 : 0 })),
  0,
);
const model = {
  about: 'Fitted by npm run calibrate on the tune half of tests/eval; do not edit by hand.',
  lines: cases.length,
  rows: rows.length,
  features: FEATURES,
  weights,
  top: { slope, intercept },
};
fs.writeFileSync(CALIBRATION_FILE, `${JSON.stringify(model, null, 2)}\n`);
console.log(`Fitted on ${cases.length} tune lines (${rows.length} candidate rows):`);
FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(10)} ${weights[i]}`));
console.log(`  top-candidate scaling: slope ${slope}, intercept ${intercept}`);
console.log(`Wrote ${path.relative(ROOT, CALIBRATION_FILE)}`);
