/**
 * A multinomial naive Bayes with Laplace smoothing and precomputed log-probabilities. natural's
 * classifier builds a vocabulary-sized vector on every call (about half a millisecond here);
 * this one costs a map lookup per term, which keeps the whole turn within its latency budget.
 */
export class NaiveBayes {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly docs = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private logPrior = new Map<string, number>();
  private logUnseen = new Map<string, number>();
  private logLikelihood = new Map<string, Map<string, number>>();

  add(terms: string[], label: string): void {
    const counts = this.counts.get(label) ?? new Map<string, number>();
    for (const t of terms) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      this.vocabulary.add(t);
    }
    this.counts.set(label, counts);
    this.totals.set(label, (this.totals.get(label) ?? 0) + terms.length);
    this.docs.set(label, (this.docs.get(label) ?? 0) + 1);
  }

  train(): void {
    const allDocs = [...this.docs.values()].reduce((a, b) => a + b, 0);
    const v = this.vocabulary.size;
    for (const [label, counts] of this.counts) {
      const denominator = (this.totals.get(label) ?? 0) + v;
      this.logPrior.set(label, Math.log((this.docs.get(label) ?? 0) / allDocs));
      this.logUnseen.set(label, Math.log(1 / denominator));
      this.logLikelihood.set(label, new Map([...counts].map(([t, c]) => [t, Math.log((c + 1) / denominator)])));
    }
  }

  /** Posterior per label, summing to 1; terms never seen in training are ignored. */
  posterior(terms: string[]): Map<string, number> {
    const known = terms.filter((t) => this.vocabulary.has(t));
    const scores = new Map<string, number>();
    for (const [label, prior] of this.logPrior) {
      const ll = this.logLikelihood.get(label)!;
      const unseen = this.logUnseen.get(label)!;
      scores.set(label, known.reduce((s, t) => s + (ll.get(t) ?? unseen), prior));
    }
    const max = Math.max(...scores.values());
    let total = 0;
    for (const [label, s] of scores) {
      const e = Math.exp(s - max);
      scores.set(label, e);
      total += e;
    }
    for (const [label, e] of scores) scores.set(label, e / total);
    return scores;
  }
}
