import fs from 'node:fs'; import path from 'node:path';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadEvalCases, isTopicLabel, loadExternal } from './lib/eval-set.ts';
import { loadLanguageData } from '../bot/engine/lang/language-data.ts';
import { LOCALES } from '../bot/domain.ts';
const e: any = buildEngineFromFiles();
const an = e.analyzer; const idx = e.index;
const lang = loadLanguageData();
const corpus = new Map<string, number>(); let corpusN = 0;
for (const l of LOCALES) for (const s of lang.corpus[l]) for (const t of new Set<string>(an.analyze(s, l))) { corpus.set(t, (corpus.get(t) ?? 0) + 1); corpusN++; }
const kb = new Map<string, number>(); let kbN = 0;
for (const t of e.topics) for (const l of LOCALES) for (const q of t.content[l].questions) for (const x of new Set<string>(an.analyze(q, l))) { kb.set(x, (kb.get(x) ?? 0) + 1); kbN++; }
const ratio = Number(process.argv[2] ?? 3);
const anchors = new Set([...kb].filter(([t, n]) => n >= 2 && (n / kbN) > ratio * ((corpus.get(t) ?? 0) / corpusN)).map(([t]) => t));
console.log('anchors', anchors.size, 'of', kb.size);
const dir = path.join(ROOT, 'tests/eval');
const cases = loadEvalCases(fs.readdirSync(dir).filter(f=>f.endsWith('.jsonl')).map(f=>path.join(dir,f)));
let noAnchorFaq = 0, faq = 0; const ex: string[] = [];
for (const c of cases.filter(c => isTopicLabel(c.label))) { faq++; const terms = an.analyze(c.text, c.locale); if (!terms.some((t: string) => anchors.has(t))) { noAnchorFaq++; ex.push(c.text + ' :: ' + terms.join(' ')); } }
console.log('faq without anchor', noAnchorFaq, '/', faq); console.log(ex.slice(0, 15).join('\n'));
let ood = 0, oodNo = 0;
for (const f of ['clinc150_oos_en.jsonl', 'xsid_id_en.jsonl', 'indonlu_facqa_questions_id.jsonl']) for (const r of loadExternal(path.resolve(ROOT, '../shared/data/external', f))) { ood++; if (!an.analyze(r.text).some((t: string) => anchors.has(t))) oodNo++; }
console.log('ood without anchor', oodNo, '/', ood);
console.log([...anchors].slice(0, 200).join(' '));
