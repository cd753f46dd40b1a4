import fs from 'node:fs'; import path from 'node:path';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadEvalCases, isTopicLabel } from './lib/eval-set.ts';
const dir = path.join(ROOT, 'tests/eval');
const cases = loadEvalCases(fs.readdirSync(dir).filter(f=>f.endsWith('.jsonl')).map(f=>path.join(dir,f)));
const e = buildEngineFromFiles();
const buckets = (xs: number[]) => { const b = [0,0,0,0,0,0,0,0,0,0]; for (const x of xs) b[Math.min(9, Math.floor(x*10))]++; return b.join(' '); };
const ok: number[] = [], okm: number[] = [], bad: number[] = [], oos: number[] = [];
const oosTxt: string[] = [];
for (const c of cases) {
  const r = e.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
  const [a, b] = r.trace.candidates;
  if (isTopicLabel(c.label)) { if (a?.topicId === c.label) { ok.push(a.score); okm.push(a.score - (b?.score ?? 0)); } else bad.push(a?.score ?? 0); }
  else if (c.label === 'out-of-scope') { oos.push(a?.score ?? 0); if ((a?.score??0) > 0.25) oosTxt.push(`${a.topicId} ${a.score} :: ${c.text}`); }
}
console.log('correct-top p   ', buckets(ok)); console.log('correct margin  ', buckets(okm)); console.log('wrong-top p     ', buckets(bad)); console.log('oos top p       ', buckets(oos));
console.log(oosTxt.join('\n'));
