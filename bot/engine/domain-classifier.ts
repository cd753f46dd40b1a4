import { LOCALES, type Topic } from '../domain.ts';
import type { Analyzer } from './lang/analyzer.ts';
import { NaiveBayes } from './naive-bayes.ts';

/**
 * How much a message reads like a public-service question at all, whatever the topic: naive
 * Bayes, the curated phrasings against everyday text (reviews, chores, small talk). It feeds
 * the confidence model, which otherwise sees only how well the best topic matched.
 */
export class DomainClassifier {
  private readonly classifier = new NaiveBayes();

  constructor(topics: Topic[], everyday: string[], analyzer: Analyzer) {
    for (const topic of topics) {
      for (const locale of LOCALES) {
        for (const q of topic.content[locale].questions) {
          const terms = analyzer.analyze(q, locale);
          if (terms.length) this.classifier.add(terms, 'service');
        }
      }
    }
    for (const s of everyday) {
      const terms = analyzer.analyze(s);
      if (terms.length) this.classifier.add(terms, 'everyday');
    }
    this.classifier.train();
  }

  /** Probability-like share that the terms belong to a public-service question, 0..1. */
  serviceLikelihood(terms: string[]): number {
    if (terms.length === 0) return 0;
    return this.classifier.posterior(terms).get('service') ?? 0;
  }
}
