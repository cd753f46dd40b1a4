import fs from 'node:fs'; import path from 'node:path';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadEvalCases, isTopicLabel } from './lib/eval-set.ts';
import { PlainBm25 } from './lib/plain-bm25.ts';
const dir = path.join(ROOT, 'tests/eval');
const cases = loadEvalCases(fs.readdirSync(dir).filter(f=>f.endsWith('.jsonl')).map(f=>path.join(dir,f))).filter(c=>isTopicLabel(c.label));
const raw = buildEngineFromFiles(undefined, undefined, null);
const cal = buildEngineFromFiles();
const base = new PlainBm25(raw.topics);
const by: Record<string, number[]> = {};
const miss: string[] = [];
for (const c of cases) {
  const r1 = raw.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } }).trace.candidates;
  const r2 = cal.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } }).trace.candidates;
  const b = base.top(c.text);
  (by[c.locale] ??= [0,0,0,0]);
  by[c.locale][0]++; if (r1[0]?.topicId===c.label) by[c.locale][1]++; if (r2[0]?.topicId===c.label) by[c.locale][2]++; if (b===c.label) by[c.locale][3]++;
  if (r2[0]?.topicId!==c.label && b===c.label) miss.push(`[${c.locale}] ${c.label} got ${r2[0]?.topicId}:${r2[0]?.score} :: ${c.text}`);
}
for (const [l,v] of Object.entries(by)) console.log(l, 'n', v[0], 'raw', (v[1]/v[0]).toFixed(3), 'cal', (v[2]/v[0]).toFixed(3), 'bm25', (v[3]/v[0]).toFixed(3));
if (process.argv[2]) console.log(miss.join('\n'));
