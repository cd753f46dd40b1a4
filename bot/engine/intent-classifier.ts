import type { IntentSet, Topic } from '../domain.ts';
import { LOCALES } from '../domain.ts';
import type { Analyzer } from './lang/analyzer.ts';
import { createBayesClassifier, type BayesClassifier } from './lang/natural.ts';
import { tokenize } from './lang/tokenize.ts';

export const FAQ_LABEL = 'faq';
/**
 * Phrasings per topic and locale that train the "faq" class. Naive Bayes weighs a class by its
 * number of examples, so without a cap every phrasing editors add would make "thanks" or "operator"
 * a little more likely to be read as a question.
 */
const FAQ_PHRASINGS_PER_TOPIC = 16;

export interface IntentGuess {
  intent: string;
  confidence: number;
  /** The most likely conversational intent even when "faq" ranks first. */
  runnerUp?: { intent: string; confidence: number };
}

/**
 * natural's naive Bayes over the same analysed terms as retrieval. Knowledge-base phrasings train a
 * "faq" class, so a question about a lost KTP is not mistaken for smalltalk because it says "tolong".
 */
export class IntentClassifier {
  private readonly classifier: BayesClassifier = createBayesClassifier();

  constructor(intentSets: IntentSet[], topics: Topic[], private readonly analyzer: Analyzer) {
    for (const set of intentSets) {
      for (const [intent, utterances] of Object.entries(set.intents)) {
        for (const u of utterances ?? []) {
          const terms = analyzer.intentTermsOf(tokenize(u), set.locale);
          if (terms.length) this.classifier.addDocument(terms, intent);
        }
      }
    }
    for (const topic of topics) {
      for (const locale of LOCALES) {
        for (const q of topic.content[locale].questions.slice(0, FAQ_PHRASINGS_PER_TOPIC)) {
          const terms = analyzer.intentTermsOf(tokenize(q), locale);
          if (terms.length) this.classifier.addDocument(terms, FAQ_LABEL);
        }
      }
    }
    this.classifier.train();
  }

  classify(terms: string[]): IntentGuess {
    if (terms.length === 0) return { intent: FAQ_LABEL, confidence: 0 };
    const ranked = this.classifier.getClassifications(terms);
    const total = ranked.reduce((s, r) => s + r.value, 0) || 1;
    const conversational = ranked.find((r) => r.label !== FAQ_LABEL);
    return {
      intent: ranked[0].label,
      confidence: ranked[0].value / total,
      runnerUp: conversational ? { intent: conversational.label, confidence: conversational.value / total } : undefined,
    };
  }
}
