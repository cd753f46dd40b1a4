import path from 'node:path';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadExternal } from './lib/eval-set.ts';
const e = buildEngineFromFiles({ answer: 0.35, clarify: 0.2, margin: 0 });
for (const f of ['clinc150_oos_en.jsonl', 'xsid_id_en.jsonl', 'indonlu_facqa_questions_id.jsonl']) {
  for (const r of loadExternal(path.resolve(ROOT, '../shared/data/external', f))) {
    const x = e.run({ text: r.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
    if (x.decision.action === 'answer') console.log(x.decision.topicId, x.decision.confidence.toFixed(2), x.trace.terms.join(' '), '::', r.text);
  }
}
