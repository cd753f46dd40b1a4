import { LOCALES, type Topic } from '../domain.ts';
import type { Analyzer } from './lang/analyzer.ts';

/** One topic's evidence for a query; every number is plain data the decision and the trace read. */
export interface Candidate {
  topicId: string;
  areaId: string;
  /** Okapi BM25 over all locales' phrasings, titles and (down-weighted) answers. */
  bm25: number;
  /** Share of the query's idf mass this topic contains, 0..1. */
  coverage: number;
  /** Best idf-weighted cosine between the query and one curated phrasing, 0..1. */
  phrasing: number;
  /** Share of the query's area-telling words (KTP, bansos, vaksin…) that this topic's area uses, 0..1. */
  area: number;
  /** The ranking score: a blend of the above, 0..1. */
  score: number;
}

const K1 = 1.2;
const B = 0.5;
const FIELD_WEIGHT = { question: 1, title: 1, answer: 0.25 };

interface IndexedTopic {
  topic: Topic;
  tf: Map<string, number>;
  /** Terms of the curated phrasings and titles: full credit when a query term is among them. */
  phrased: Set<string>;
  length: number;
  phrasings: { weights: Map<string, number>; norm: number }[];
}

/** Credit for a query term found only in a topic's answer text, not in any phrasing. */
const ANSWER_ONLY_CREDIT = 0.4;
/** A topic whose area shares none of the query's area words keeps this share of its score. */
const AREA_FLOOR = 0.55;

/**
 * All locales' phrasings of a topic are indexed together, so a Sundanese question can match words
 * that only the Indonesian phrasings use; the answer is chosen in the citizen's locale later.
 * Document frequencies come from phrasings and titles only: answers repeat common words ("KTP",
 * "Dukcapil") across many topics and would drown the words that tell topics apart.
 */
export class KnowledgeIndex {
  private readonly topics: IndexedTopic[] = [];
  private readonly df = new Map<string, number>();
  private readonly answerTerms = new Set<string>();
  private readonly avgLength: number;
  private readonly topicCount: number;
  /** Per area, its phrasing vocabulary; and per term, in how many areas it occurs. */
  private readonly areaVocab = new Map<string, Set<string>>();
  private readonly areaDf = new Map<string, number>();
  readonly maxIdf: number;

  constructor(topics: Topic[], analyzer: Analyzer) {
    this.topicCount = topics.length;
    const analysed = topics.map((topic) => {
      const phrasingTerms: string[][] = [];
      const answerTerms: string[] = [];
      for (const locale of LOCALES) {
        const c = topic.content[locale];
        for (const q of [...c.questions, c.title]) phrasingTerms.push(analyzer.analyze(q, locale));
        answerTerms.push(...analyzer.analyze(c.answer, locale));
      }
      return { topic, phrasingTerms, answerTerms };
    });
    for (const { phrasingTerms, answerTerms } of analysed) {
      for (const t of new Set(phrasingTerms.flat())) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      answerTerms.forEach((t) => this.answerTerms.add(t));
    }
    for (const { topic, phrasingTerms } of analysed) {
      const vocab = this.areaVocab.get(topic.area) ?? new Set<string>();
      phrasingTerms.flat().forEach((t) => vocab.add(t));
      this.areaVocab.set(topic.area, vocab);
    }
    for (const vocab of this.areaVocab.values()) for (const t of vocab) this.areaDf.set(t, (this.areaDf.get(t) ?? 0) + 1);
    this.maxIdf = this.idf('\u0000never');
    for (const { topic, phrasingTerms, answerTerms } of analysed) {
      const tf = new Map<string, number>();
      for (const t of phrasingTerms.flat()) tf.set(t, (tf.get(t) ?? 0) + FIELD_WEIGHT.question);
      for (const t of answerTerms) tf.set(t, (tf.get(t) ?? 0) + FIELD_WEIGHT.answer);
      const length = phrasingTerms.flat().length * FIELD_WEIGHT.question + answerTerms.length * FIELD_WEIGHT.answer;
      const phrasings = phrasingTerms
        .filter((terms) => terms.length > 0)
        .map((terms) => {
          const weights = new Map<string, number>();
          for (const t of new Set(terms)) weights.set(t, this.idf(t));
          return { weights, norm: Math.hypot(...weights.values()) };
        });
      this.topics.push({ topic, tf, phrased: new Set(phrasingTerms.flat()), length, phrasings });
    }
    this.avgLength = this.topics.reduce((s, t) => s + t.length, 0) / Math.max(1, this.topics.length);
  }

  get size(): number {
    return this.topics.length;
  }

  idf(term: string): number {
    const n = this.topicCount;
    const df = this.df.get(term) ?? (this.answerTerms.has(term) ? n / 4 : 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Does one of this topic's curated phrasings or titles use the term? */
  phrases(topicId: string, term: string): boolean {
    return this.topics.find((t) => t.topic.id === topicId)?.phrased.has(term) ?? false;
  }

  /** Is this term anywhere in the knowledge base? */
  has(term: string): boolean {
    return this.df.has(term) || this.answerTerms.has(term);
  }

  /** Candidates, best first. */
  search(queryTerms: string[], limit = 5): Candidate[] {
    const unique = [...new Set(queryTerms)];
    if (unique.length === 0) return [];
    const weights = new Map(unique.map((t) => [t, this.has(t) ? this.idf(t) : this.maxIdf]));
    const queryMass = [...weights.values()].reduce((a, b) => a + b, 0);
    const queryNorm = Math.hypot(...weights.values());
    const areaShare = this.areaShares(unique);
    const out: Candidate[] = [];
    for (const it of this.topics) {
      let bm25 = 0;
      let matched = 0;
      for (const t of unique) {
        const f = it.tf.get(t);
        if (!f) continue;
        matched += weights.get(t)! * (it.phrased.has(t) ? 1 : ANSWER_ONLY_CREDIT);
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
      const area = areaShare.get(it.topic.area) ?? 1;
      const score = (0.5 * coverage + 0.5 * phrasing) * (AREA_FLOOR + (1 - AREA_FLOOR) * area);
      out.push({ topicId: it.topic.id, areaId: it.topic.area, bm25, coverage, phrasing, area, score });
    }
    return out.sort((a, b) => b.score - a.score || b.bm25 - a.bm25).slice(0, limit);
  }

  /**
   * Words like "KTP", "bansos" or "imunisasi" say which area a question is about but occur in so
   * many topics that their topic-level idf is small; area-level idf gives them their weight back.
   */
  private areaShares(terms: string[]): Map<string, number> {
    const areas = this.areaVocab.size;
    const weight = (t: string) => {
      const adf = this.areaDf.get(t);
      return adf ? Math.log(1 + (areas - adf + 0.5) / (adf + 0.5)) : 0;
    };
    const total = terms.reduce((s, t) => s + weight(t), 0);
    const shares = new Map<string, number>();
    for (const [area, vocab] of this.areaVocab) {
      shares.set(area, total === 0 ? 1 : terms.reduce((s, t) => s + (vocab.has(t) ? weight(t) : 0), 0) / total);
    }
    return shares;
  }
}
