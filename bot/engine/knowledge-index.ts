import { LOCALES, type Topic } from '../domain.ts';
import type { Analyzer } from './lang/analyzer.ts';

/** One topic's evidence for a query; every number is plain data the decision and the trace read. */
export interface Candidate {
  topicId: string;
  area: string;
  /** Okapi BM25 over all locales' phrasings, titles and (down-weighted) answers. */
  bm25: number;
  /** Share of the query's idf mass this topic contains, 0..1. */
  coverage: number;
  /** Best idf-weighted cosine between the query and one curated phrasing, 0..1. */
  phrasing: number;
  /** The ranking score: a blend of the three, 0..1. */
  score: number;
}

const K1 = 1.2;
const B = 0.5;
const FIELD_WEIGHT = { question: 1, title: 1, answer: 0.25 };

interface IndexedTopic {
  topic: Topic;
  tf: Map<string, number>;
  length: number;
  phrasings: { weights: Map<string, number>; norm: number }[];
}

/**
 * All locales' phrasings of a topic are indexed together, so a Sundanese question can match words
 * that only the Indonesian phrasings use; the answer is chosen in the citizen's locale later.
 */
export class KnowledgeIndex {
  private readonly topics: IndexedTopic[] = [];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;
  readonly maxIdf: number;

  constructor(topics: Topic[], private readonly analyzer: Analyzer) {
    const termLists: { topic: Topic; fields: { terms: string[]; weight: number }[]; phrasingTerms: string[][] }[] = [];
    for (const topic of topics) {
      const fields: { terms: string[]; weight: number }[] = [];
      const phrasingTerms: string[][] = [];
      for (const locale of LOCALES) {
        const c = topic.content[locale];
        for (const q of c.questions) {
          const terms = analyzer.analyze(q, locale);
          fields.push({ terms, weight: FIELD_WEIGHT.question });
          phrasingTerms.push(terms);
        }
        const title = analyzer.analyze(c.title, locale);
        fields.push({ terms: title, weight: FIELD_WEIGHT.title });
        phrasingTerms.push(title);
        fields.push({ terms: analyzer.analyze(c.answer, locale), weight: FIELD_WEIGHT.answer });
      }
      termLists.push({ topic, fields, phrasingTerms });
      const seen = new Set(fields.flatMap((f) => f.terms));
      for (const t of seen) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.maxIdf = this.idf('\u0000never');
    for (const { topic, fields, phrasingTerms } of termLists) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const f of fields) {
        for (const t of f.terms) tf.set(t, (tf.get(t) ?? 0) + f.weight);
        length += f.terms.length * f.weight;
      }
      const phrasings = phrasingTerms
        .filter((terms) => terms.length > 0)
        .map((terms) => {
          const weights = new Map<string, number>();
          for (const t of new Set(terms)) weights.set(t, this.idf(t));
          return { weights, norm: Math.hypot(...weights.values()) };
        });
      this.topics.push({ topic, tf, length, phrasings });
    }
    this.avgLength = this.topics.reduce((s, t) => s + t.length, 0) / Math.max(1, this.topics.length);
  }

  get size(): number {
    return this.topics.length;
  }

  idf(term: string): number {
    const n = this.topics.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Is this term anywhere in the knowledge base? */
  has(term: string): boolean {
    return this.df.has(term);
  }

  /** Candidates best first; `boostArea` favours a follow-up's area (the previous answer's). */
  search(queryTerms: string[], limit = 5): Candidate[] {
    const unique = [...new Set(queryTerms)];
    if (unique.length === 0) return [];
    const weights = new Map(unique.map((t) => [t, this.has(t) ? this.idf(t) : this.maxIdf]));
    const queryMass = [...weights.values()].reduce((a, b) => a + b, 0);
    const queryNorm = Math.hypot(...weights.values());
    const out: Candidate[] = [];
    for (const it of this.topics) {
      let bm25 = 0;
      let matched = 0;
      for (const t of unique) {
        const f = it.tf.get(t);
        if (!f) continue;
        matched += weights.get(t)!;
        bm25 += (this.idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * it.length) / this.avgLength));
      }
      if (matched === 0) continue;
      let phrasing = 0;
      for (const p of it.phrasings) {
        let dot = 0;
        for (const [t, w] of weights) {
          const pw = p.weights.get(t);
          if (pw) dot += w * pw;
        }
        if (dot > 0) phrasing = Math.max(phrasing, dot / (queryNorm * p.norm));
      }
      const coverage = matched / queryMass;
      out.push({ topicId: it.topic.id, area: it.topic.area, bm25, coverage, phrasing, score: 0.5 * coverage + 0.5 * phrasing });
    }
    return out.sort((a, b) => b.score - a.score || b.bm25 - a.bm25).slice(0, limit);
  }
}
