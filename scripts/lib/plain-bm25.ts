import { LOCALES, type Topic } from '../../bot/domain.ts';
import { tokenize } from '../../bot/engine/lang/tokenize.ts';

/**
 * The baseline the engine must beat: BM25 over raw lowercase words of every phrasing, no
 * normalisation, stemming, lexicon or calibration; answers its top topic whenever anything matches.
 */
export class PlainBm25 {
  private readonly docs: { id: string; tf: Map<string, number>; length: number }[];
  private readonly df = new Map<string, number>();
  private readonly avg: number;

  constructor(topics: Topic[]) {
    this.docs = topics.map((t) => {
      const words = LOCALES.flatMap((l) => [...t.content[l].questions, t.content[l].title].flatMap(tokenize));
      const tf = new Map<string, number>();
      for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const w of tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
      return { id: t.id, tf, length: words.length };
    });
    this.avg = this.docs.reduce((s, d) => s + d.length, 0) / this.docs.length;
  }

  top(text: string): string | null {
    const words = [...new Set(tokenize(text))];
    let best: { id: string; score: number } | null = null;
    for (const d of this.docs) {
      let score = 0;
      for (const w of words) {
        const f = d.tf.get(w);
        if (!f) continue;
        const n = this.docs.length;
        const df = this.df.get(w)!;
        score += Math.log(1 + (n - df + 0.5) / (df + 0.5)) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / this.avg)));
      }
      if (score > 0 && (!best || score > best.score)) best = { id: d.id, score };
    }
    return best?.id ?? null;
  }
}
