import { LOCALES, type Locale } from '../../domain.ts';
import { tokenize } from './tokenize.ts';

export interface LanguageGuess {
  locale: Locale;
  /** Posterior-like share per locale, summing to 1. */
  scores: Record<Locale, number>;
  /** Top share minus the runner-up's: how strong the evidence is. */
  margin: number;
}

interface Model {
  words: Map<string, number>;
  wordTotal: number;
  grams: Map<string, number>;
  gramTotal: number;
}

const SMOOTHING = 0.5;

/**
 * A naive-Bayes language identifier restricted to our four locales, over words and character
 * trigrams. Words separate Indonesian from Javanese and Sundanese, which share most letters;
 * trigrams carry the decision for words never seen in training.
 */
export class LanguageDetector {
  private readonly models = new Map<Locale, Model>();
  private readonly wordVocab = new Set<string>();
  private readonly gramVocab = new Set<string>();

  constructor(training: Record<Locale, string[]>, markers: Record<Locale, string[]>) {
    for (const locale of LOCALES) {
      const model: Model = { words: new Map(), wordTotal: 0, grams: new Map(), gramTotal: 0 };
      const add = (word: string, weight: number) => {
        model.words.set(word, (model.words.get(word) ?? 0) + weight);
        model.wordTotal += weight;
        this.wordVocab.add(word);
        for (const g of trigrams(word)) {
          model.grams.set(g, (model.grams.get(g) ?? 0) + weight);
          model.gramTotal += weight;
          this.gramVocab.add(g);
        }
      };
      for (const text of training[locale]) for (const w of tokenize(text)) if (!/\d/.test(w)) add(w, 1);
      for (const w of markers[locale]) for (const t of tokenize(w)) add(t, 3);
      this.models.set(locale, model);
    }
  }

  detect(text: string): LanguageGuess | null {
    const words = tokenize(text).filter((w) => !/\d/.test(w));
    if (words.length === 0) return null;
    const logp = {} as Record<Locale, number>;
    for (const locale of LOCALES) {
      const m = this.models.get(locale)!;
      let sum = 0;
      for (const w of words) {
        sum += Math.log(((m.words.get(w) ?? 0) + SMOOTHING) / (m.wordTotal + SMOOTHING * this.wordVocab.size));
        const grams = trigrams(w);
        let g = 0;
        for (const gram of grams) {
          g += Math.log(((m.grams.get(gram) ?? 0) + SMOOTHING) / (m.gramTotal + SMOOTHING * this.gramVocab.size));
        }
        sum += (0.5 * g) / Math.max(1, Math.sqrt(grams.length));
      }
      logp[locale] = sum;
    }
    const best = Math.max(...Object.values(logp));
    const exp = LOCALES.map((l) => Math.exp((logp[l] - best) / Math.sqrt(words.length)));
    const total = exp.reduce((a, b) => a + b, 0);
    const scores = Object.fromEntries(LOCALES.map((l, i) => [l, exp[i] / total])) as Record<Locale, number>;
    const ranked = [...LOCALES].sort((a, b) => scores[b] - scores[a]);
    return { locale: ranked[0], scores, margin: scores[ranked[0]] - scores[ranked[1]] };
  }
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}
