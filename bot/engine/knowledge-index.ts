import { NaiveBayes } from './naive-bayes.ts';
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
  /** Naive Bayes posterior of the topic given the query's known terms, 0..1. */
  bayes: number;
  /** The ranking score: a blend of the above, 0..1. */
  score: number;
}

const K1 = 1.2;
/** Share of its weight a word for a family member or friend keeps. */
const PEOPLE_WEIGHT = 0.3;
/** A word used by at most this share of topics tells which one a message is about. */
const TELLING_SHARE = 0.33;
const B = 0.5;
const FIELD_WEIGHT = { question: 1, title: 1, answer: 0.25 };

interface IndexedTopic {
  topic: Topic;
  tf: Map<string, number>;
  /** Terms of the curated phrasings and titles: full credit when a query term is among them. */
  phrased: Set<string>;
  /** Each curated phrasing's terms, to tell a word used in context from a word merely present. */
  phrasings: Set<string>[];
  length: number;
  /** This topic's phrasings occupy [firstPhrasing, endPhrasing) in the index's phrasing arrays. */
  firstPhrasing: number;
  endPhrasing: number;
}

/** Credit for a query term found only in a topic's answer text, not in any phrasing. */
const ANSWER_ONLY_CREDIT = 0.4;
/** Share of the rarest word's weight given to an unknown word that everyday text uses. */
const EVERYDAY_UNKNOWN_WEIGHT = 0.3;
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
  /** Inverted lists for the phrasing cosine: term → (phrasing number, idf weight). */
  private readonly postings = new Map<string, { phrasing: number; weight: number }[]>();
  private readonly phrasingNorms: number[] = [];
  /** Per area, its phrasing vocabulary; and per term, in how many areas it occurs. */
  private readonly areaVocab = new Map<string, Set<string>>();
  private readonly areaDf = new Map<string, number>();
  readonly maxIdf: number;
  private readonly bayes = new NaiveBayes();

  constructor(
    topics: Topic[],
    private readonly analyzer: Analyzer,
  ) {
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
    for (const { topic, phrasingTerms } of analysed) for (const p of phrasingTerms) if (p.length) this.bayes.add(p, topic.id);
    this.bayes.train();
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
      const firstPhrasing = this.phrasingNorms.length;
      for (const terms of phrasingTerms.filter((list) => list.length > 0)) {
        const id = this.phrasingNorms.length;
        const unique = [...new Set(terms)];
        for (const t of unique) this.postings.set(t, [...(this.postings.get(t) ?? []), { phrasing: id, weight: this.idf(t) }]);
        this.phrasingNorms.push(Math.hypot(...unique.map((t) => this.idf(t))));
      }
      this.topics.push({ topic, tf, phrased: new Set(phrasingTerms.flat()), phrasings: phrasingTerms.map((p) => new Set(p)), length, firstPhrasing, endPhrasing: this.phrasingNorms.length });
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

  /**
   * A word the knowledge base never uses weighs as much as the rarest word, since it may name
   * something we do not cover ("paspor"); but everyday filler of a long story ("angkot", "pulang")
   * says nothing about scope and weighs much less.
   */
  private queryWeight(term: string): number {
    const weight = this.has(term) ? this.idf(term) : this.analyzer.isEveryday(term) ? EVERYDAY_UNKNOWN_WEIGHT * this.maxIdf : this.maxIdf;
    // "my father's KTP" asks the lost-KTP question: whose it is weighs little.
    return this.analyzer.isAboutWhom(term) ? PEOPLE_WEIGHT * weight : weight;
  }

  /**
   * Does one of this topic's curated phrasings or titles use the term together with one of `others`
   * that few topics use? "butuh" or "cara" beside "umrah" say nothing; "meningitis" does.
   */
  phrasesAlongside(topicId: string, term: string, others: string[]): boolean {
    const it = this.topics.find((t) => t.topic.id === topicId);
    const telling = others.filter((o) => o !== term && (this.df.get(o) ?? Infinity) <= this.topicCount * TELLING_SHARE);
    return it?.phrasings.some((p) => p.has(term) && telling.some((o) => p.has(o))) ?? false;
  }

  /** Is this term anywhere in the knowledge base? */
  has(term: string): boolean {
    return this.df.has(term) || this.answerTerms.has(term);
  }

  /**
   * Candidates, best first. `emphasis` scales a term's weight (default 1): the background of a long
   * story counts less than the question it ends with.
   */
  search(queryTerms: string[], limit = 5, emphasis?: Map<string, number>): Candidate[] {
    const unique = [...new Set(queryTerms)];
    if (unique.length === 0) return [];
    const weights = new Map(unique.map((t) => [t, this.queryWeight(t) * (emphasis?.get(t) ?? 1)]));
    const queryMass = [...weights.values()].reduce((a, b) => a + b, 0);
    const queryNorm = Math.hypot(...weights.values());
    const areaShare = this.areaShares(unique);
    const dots = new Float64Array(this.phrasingNorms.length);
    for (const [t, w] of weights) for (const p of this.postings.get(t) ?? []) dots[p.phrasing] += w * p.weight;
    const out: Candidate[] = [];
    const posterior = this.bayes.posterior(unique);
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
      for (let p = it.firstPhrasing; p < it.endPhrasing; p++) {
        if (dots[p] > 0) phrasing = Math.max(phrasing, dots[p] / (queryNorm * this.phrasingNorms[p]));
      }
      const coverage = matched / queryMass;
      const area = areaShare.get(it.topic.area) ?? 1;
      const score = (0.5 * coverage + 0.5 * phrasing) * (AREA_FLOOR + (1 - AREA_FLOOR) * area);
      out.push({ topicId: it.topic.id, areaId: it.topic.area, bm25, coverage, phrasing, area, bayes: posterior.get(it.topic.id) ?? 0, score });
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
