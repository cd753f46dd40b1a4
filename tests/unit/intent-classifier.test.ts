import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Topic } from '../../bot/domain.ts';
import { IntentClassifier } from '../../bot/engine/intent-classifier.ts';
import { Analyzer } from '../../bot/engine/lang/analyzer.ts';
import { loadLanguageData } from '../../bot/engine/lang/language-data.ts';
import { tokenize } from '../../bot/engine/lang/tokenize.ts';
import { loadIntents } from '../../intents/load-intents.ts';
import { ROOT, buildEngineFromFiles } from '../../scripts/lib/build-engine.ts';

const topics = buildEngineFromFiles().topics;
const language = loadLanguageData();

function classifierOver(kb: Topic[]) {
  const analyzer = new Analyzer(language, kb.flatMap((t) => LOCALES.flatMap((l) => [...t.content[l].questions, t.content[l].answer])));
  const classifier = new IntentClassifier(loadIntents(path.join(ROOT, 'intents')), kb, analyzer);
  return (text: string, locale: 'id' | 'en' | 'jv' | 'su') => classifier.classify(analyzer.intentTermsOf(tokenize(text), locale));
}

/** Every phrasing written three times over, as if editors had kept adding them. */
const grown = topics.map((t) => ({
  ...t,
  content: Object.fromEntries(LOCALES.map((l) => [l, { ...t.content[l], questions: t.content[l].questions.flatMap((q) => [q, `${q} ya`, `${q} dong`]) }])) as Topic['content'],
}));

describe('IntentClassifier', () => {
  it('reads thanks, goodbyes and requests for a person the same however many phrasings the knowledge base has', () => {
    const now = classifierOver(topics);
    const later = classifierOver(grown);
    for (const [text, locale] of [['makasih banyak ya', 'id'], ['matur nuwun', 'jv'], ['hatur nuhun', 'su'], ['mau bicara dengan petugas', 'id'], ['see you later', 'en']] as const) {
      expect(later(text, locale).intent, text).toBe(now(text, locale).intent);
      expect(later(text, locale).confidence, text).toBeCloseTo(now(text, locale).confidence, 1);
    }
  });
});
