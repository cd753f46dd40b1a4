import type { Candidate } from './knowledge-index.ts';

/**
 * Turns a candidate's retrieval evidence into a probability that it is the right answer: a small
 * logistic model fitted by `npm run calibrate` on the tune half of our labelled questions, so that
 * "0.7" means roughly "right seven times in ten" and thresholds can be set in those terms.
 */
export interface CalibrationModel {
  features: readonly string[];
  weights: number[];
  /**
   * Platt scaling of the best candidate's probability: the weights are fitted on every candidate,
   * so they understate how often a clear winner is right; this maps them onto the winner's record.
   */
  top?: { slope: number; intercept: number };
}

export interface QueryStats {
  /** Analysed terms of the message. */
  termCount: number;
  /** Share of those terms the knowledge base has never seen. */
  unknownShare: number;
  /** How much the message reads like a public-service question at all (DomainClassifier). */
  domain: number;
}

export const FEATURES = ['bias', 'coverage', 'phrasing', 'area', 'bm25', 'terms', 'unknown', 'gap', 'domain', 'bayes'] as const;

export function featuresOf(c: Candidate, best: number, q: QueryStats): number[] {
  return [1, c.coverage, c.phrasing, c.area, c.bm25 / (c.bm25 + 6), Math.log1p(q.termCount), q.unknownShare, c.score - best, q.domain, c.bayes];
}

export function probability(model: CalibrationModel, x: number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i];
  return 1 / (1 + Math.exp(-z));
}

/** Candidates re-scored as probabilities and re-ranked; `score` becomes the probability. */
export function calibrate(model: CalibrationModel, candidates: Candidate[], q: QueryStats): Candidate[] {
  return candidates
    .map((c) => {
      const best = Math.max(...candidates.filter((o) => o !== c).map((o) => o.score), 0);
      return { ...c, score: rescale(model, probability(model, featuresOf(c, best, q))) };
    })
    .sort((a, b) => b.score - a.score);
}

/** Monotonic, so the ranking is unchanged; only the scale becomes "how often the winner is right". */
export function rescale(model: CalibrationModel, p: number): number {
  if (!model.top) return p;
  return 1 / (1 + Math.exp(-(model.top.slope * logit(p) + model.top.intercept)));
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** Plain L2-regularised logistic regression by gradient descent: a few hundred rows, eight features. */
export function fitLogistic(rows: { x: number[]; y: number; w?: number }[], l2 = 0.01, epochs = 3000, rate = 0.5): number[] {
  const d = rows[0]?.x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const total = rows.reduce((s, r) => s + (r.w ?? 1), 0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    for (const r of rows) {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * r.x[i];
      const err = (1 / (1 + Math.exp(-z)) - r.y) * (r.w ?? 1);
      for (let i = 0; i < d; i++) grad[i] += err * r.x[i];
    }
    for (let i = 0; i < d; i++) w[i] -= rate * (grad[i] / total + (i === 0 ? 0 : l2 * w[i]));
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}
