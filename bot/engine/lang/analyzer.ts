import type { Locale } from '../../domain.ts';
import type { LanguageData } from './language-data.ts';
import { englishStemmer, indonesianRootWords, indonesianStemmer } from './natural.ts';
import { tokenize } from './tokenize.ts';

/** Marks a term that stands for a cross-lingual concept ("#lost") rather than a word. */
export const CONCEPT = '#';

/**
 * Turns text into index terms the same way for the knowledge base and for citizens' messages, so
 * that "ilang", "kehilangan", "leungit" and "lost" meet, and "ngurus", "diurus", "mengurus" too.
 * Locale-agnostic on purpose: a wrong language guess must not break matching.
 */
export class Analyzer {
  private readonly concepts = new Map<string, string>();
  private readonly stopwords = new Set<string>();
  private readonly slangByLocale: Map<Locale, Map<string, string>>;
  private readonly slangAny = new Map<string, string>();
  private readonly prefixes: string[];
  private readonly suffixes: string[];
  private roots = new Set<string>();
  /** English stems of curated words the Indonesian stemmer leaves alone. */
  private englishRoots = new Set<string>();
  private readonly fuzzy = new Map<string, string[]>();
  /** Curated words by their consonant outline, most frequent first, for chat spellings without vowels. */
  private readonly outlines = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();
  private readonly stemCache = new Map<string, string>();

  /** Terms of the people a citizen asks on behalf of ("bapak", "my wife"): see `isAboutWhom`. */
  private people = new Set<string>();
  private readonly peopleWords: string[];
  private readonly peopleConcepts: Set<string>;

  /** Real words seen in everyday text: a word we know exists is never "corrected" into another. */
  private readonly everyday = new Set<string>();

  constructor(data: LanguageData, vocabularyText: string[]) {
    for (const sentences of Object.values(data.corpus)) for (const s of sentences) for (const t of tokenize(s)) this.everyday.add(t);
    for (const [concept, forms] of Object.entries(data.concepts)) {
      for (const form of forms) for (const t of tokenize(form)) if (!this.concepts.has(t)) this.concepts.set(t, concept);
    }
    this.slangByLocale = new Map();
    const prefixes = new Set<string>();
    const suffixes = new Set<string>();
    for (const ld of Object.values(data.locales)) {
      const map = new Map<string, string>();
      for (const [k, v] of Object.entries(ld.slang)) {
        // Keys are looked up after tokenize() folded accents, so fold them the same way ("téh" → "teh").
        const key = k.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
        map.set(key, v.toLowerCase());
        if (!this.slangAny.has(key)) this.slangAny.set(key, v.toLowerCase());
      }
      this.slangByLocale.set(ld.locale, map);
      for (const w of ld.stopwords) for (const t of tokenize(w)) this.stopwords.add(t);
      ld.prefixes.forEach((p) => prefixes.add(p.toLowerCase()));
      ld.suffixes.forEach((s) => suffixes.add(s.toLowerCase()));
    }
    // Words that name a concept are never stopwords, whatever a list says.
    for (const w of this.concepts.keys()) this.stopwords.delete(w);
    this.peopleWords = data.peopleWords;
    this.peopleConcepts = new Set(data.peopleConcepts.map((c) => CONCEPT + c));
    this.prefixes = [...prefixes].sort((a, b) => b.length - a.length);
    this.suffixes = [...suffixes].sort((a, b) => b.length - a.length);
    this.learnVocabulary(vocabularyText);
  }

  /** Roots and fuzzy-match candidates come from the curated text; call again after it changes. */
  learnVocabulary(texts: string[]): void {
    const words = new Set<string>();
    // How often each written token occurs: the likelier reading of a vowel-less spelling.
    const counts = new Map<string, number>();
    for (const text of texts) {
      for (const t of tokenize(text)) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const w of this.expandSlang(t)) words.add(w);
      }
    }
    this.roots = new Set();
    this.englishRoots = new Set();
    for (const w of words) {
      if (this.stopwords.has(w) || /^\d+$/.test(w)) continue;
      this.roots.add(this.stem(w));
      const english = englishStem(w);
      if (english !== w) this.englishRoots.add(english);
    }
    this.fuzzy.clear();
    this.learnOutlines(counts);
    const candidates = new Set([...words, ...this.concepts.keys()]);
    for (const w of candidates) {
      if (w.length < 4 || this.stopwords.has(w) || /\d/.test(w)) continue;
      for (const variant of [w, ...deletions(w)]) this.fuzzy.set(variant, [...(this.fuzzy.get(variant) ?? []), w]);
    }
    this.cache.clear();
    // Only terms that still mean a person: a word the analyser reads as something else ("paman" as
    // "laman", "nenek" as elderly) must not make that other thing weigh less.
    const listed = new Set(this.peopleWords);
    this.people = new Set(this.termsOf(this.peopleWords).filter((t) => (t.startsWith(CONCEPT) ? this.peopleConcepts.has(t) : listed.has(t))));
  }

  /** Index terms for a text: concepts, roots and unknown words, stopwords removed. */
  analyze(text: string, locale?: Locale): string[] {
    return this.termsOf(tokenize(text), locale);
  }

  termsOf(tokens: string[], locale?: Locale): string[] {
    const terms: string[] = [];
    for (const token of tokens) {
      for (const word of this.expandSlang(token, locale)) {
        const term = this.canonical(word);
        if (term) terms.push(term);
      }
    }
    return terms;
  }

  /**
   * Terms for intent classification: like `termsOf` but keeping stopwords, because "selamat pagi",
   * "makasih ya" and "mau bicara" are made of exactly the words retrieval throws away.
   */
  intentTermsOf(tokens: string[], locale?: Locale): string[] {
    const terms: string[] = [];
    for (const token of tokens) {
      for (const word of this.expandSlang(token, locale)) {
        terms.push(this.canonical(word) ?? this.stem(word));
      }
    }
    return terms;
  }

  isKnown(term: string): boolean {
    return term.startsWith(CONCEPT) || this.roots.has(term);
  }

  /** An analysed term that ordinary everyday text uses: filler, not a sign of an uncovered subject. */
  isEveryday(term: string): boolean {
    return this.everyday.has(term);
  }

  /** A term that says whose question it is ("father", "#spouse"), not what it is about. */
  isAboutWhom(term: string): boolean {
    return this.people.has(term);
  }

  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /**
   * Chat abbreviations of the message's own language (plus Indonesian for Javanese and Sundanese,
   * which chats mix freely); any language's when the locale is unknown. English "can" must not
   * become Sundanese "acan" (not yet).
   */
  private expandSlang(token: string, locale?: Locale): string[] {
    let replacement: string | undefined;
    if (locale) {
      replacement = this.slangByLocale.get(locale)?.get(token);
      if (!replacement && (locale === 'jv' || locale === 'su')) replacement = this.slangByLocale.get('id')?.get(token);
    } else if (!this.concepts.has(token)) {
      replacement = this.slangAny.get(token);
    }
    if (!replacement || replacement === token) return [token];
    // One more step for chains such as "gmn" → "gimana" → "bagaimana".
    return tokenize(replacement).flatMap((w) => {
      const again = locale ? this.slangByLocale.get(locale)?.get(w) : this.slangAny.get(w);
      return again && again !== w ? tokenize(again) : [w];
    });
  }

  private canonical(word: string): string | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const term = this.resolve(word, true);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, term);
    return term;
  }

  private resolve(word: string, allowFuzzy: boolean): string | null {
    const concept = this.concepts.get(word);
    if (concept) return CONCEPT + concept;
    if (this.stopwords.has(word)) return null;
    if (/^\d+$/.test(word)) return word;
    // "50rb", "100k", "2jt": an amount of money, whichever; the exact figure never tells the topic.
    if (MONEY_AMOUNT.test(word)) return AMOUNT;
    const stem = this.stem(word);
    const stemConcept = this.concepts.get(stem);
    if (stemConcept) return CONCEPT + stemConcept;
    const roots = this.affixRoots(word);
    for (const root of roots) {
      const c = this.concepts.get(root);
      if (c) return CONCEPT + c;
    }
    if (stem !== word && this.roots.has(stem)) return stem;
    const english = englishStem(word);
    if (english !== word && this.englishRoots.has(english)) return english;
    for (const root of roots) if (this.roots.has(root)) return root;
    if (this.roots.has(stem)) return stem;
    if (allowFuzzy && word.length >= 4 && !this.everyday.has(word)) {
      // Four-letter words only by swapping two neighbours ("mcuh"): any other edit makes a real word.
      const match = this.closest(word);
      if (match && (word.length >= 5 || isTransposition(word, match))) return this.resolve(match, false);
    }
    if (allowFuzzy && !this.everyday.has(word)) {
      // "krtu", "ptgs", "hri": chat writes words without their vowels.
      const full = this.withVowels(word);
      if (full) return this.resolve(full, false);
    }
    return stem;
  }

  private stem(word: string): string {
    let s = this.stemCache.get(word);
    if (s === undefined) {
      s = word.length > 3 ? indonesianStemmer.stem(word) : word;
      this.stemCache.set(word, s);
    }
    return s;
  }

  /** Javanese/Sundanese affix stripping: candidate roots, longest first, at least three letters. */
  private affixRoots(word: string): string[] {
    const out = new Set<string>();
    const withoutPrefix = [word, ...this.prefixes.filter((p) => word.startsWith(p)).map((p) => word.slice(p.length))];
    for (const base of withoutPrefix) {
      out.add(base);
      for (const s of this.suffixes) if (base.endsWith(s)) out.add(base.slice(0, -s.length));
    }
    out.delete(word);
    return [...out].filter((r) => r.length >= 3).sort((a, b) => b.length - a.length);
  }

  private learnOutlines(counts: Map<string, number>): void {
    const all = new Map(counts);
    for (const w of this.concepts.keys()) if (!all.has(w)) all.set(w, 1);
    this.outlines.clear();
    const byOutline = new Map<string, [string, number][]>();
    for (const [w, n] of all) {
      if (w.length < 4 || !/^[a-z]+$/.test(w) || this.stopwords.has(w)) continue;
      const key = outline(w);
      if (key.length < 2) continue;
      byOutline.set(key, [...(byOutline.get(key) ?? []), [w, n]]);
    }
    for (const [key, ws] of byOutline) this.outlines.set(key, ws.sort((a, b) => b[1] - a[1]).map(([w]) => w));
  }

  /**
   * The curated word a vowel-less chat spelling stands for: same first letter and consonants in the
   * same order, the spelling only dropping vowels, and at least one dropped from between two
   * consonants it writes together ("krtu" for "kartu"). Real words ("tuna", "stan", "mantan") are
   * never read as another word, however their consonants line up.
   */
  private withVowels(word: string): string | null {
    if (!/^[a-z]+$/.test(word) || this.roots.has(word) || indonesianRootWords.has(word)) return null;
    const key = outline(word);
    if (key.length < 2 || key.length < word.length - 2) return null;
    return this.outlines.get(key)?.find((w) => w.length > word.length && dropsInnerVowel(word, w)) ?? null;
  }

  /** A curated word one edit away (insert, delete, substitute, transpose), most common first. */
  private closest(word: string): string | null {
    const found = new Set<string>();
    for (const v of [word, ...deletions(word)]) for (const c of this.fuzzy.get(v) ?? []) found.add(c);
    found.delete(word);
    // Shared deletions also pair words two edits apart ("water"/"after"): keep true one-edit neighbours.
    const near = [...found].filter((c) => editDistanceAtMostOne(word, c));
    if (near.length === 0) return null;
    return near.sort((a, b) => Math.abs(a.length - word.length) - Math.abs(b.length - word.length))[0];
  }
}

/** Only plain ASCII words that Porter's rules change, so Javanese and Sundanese affixes are left alone. */
function englishStem(word: string): string {
  return /^[a-z]{4,}$/.test(word) ? englishStemmer.stem(word) : word;
}

const MONEY_AMOUNT = /^\d+(?:[.,]\d+)?(?:rb|ribu|rebu|ewu|k|jt|juta|yuta|m|rp)$/;
const AMOUNT = `${CONCEPT}amount`;

/** The word's first letter and its consonants: what a chat spelling without vowels keeps. */
function outline(word: string): string {
  return word[0] + word.slice(1).replace(/[aeiou]/g, '');
}

/** `short` is `long` with vowels left out, one of them from between two consonants `short` writes together. */
function dropsInnerVowel(short: string, long: string): boolean {
  let i = 0;
  let inner = false;
  for (let j = 0; j < long.length; j++) {
    if (long[j] === short[i]) {
      i++;
      continue;
    }
    if (!VOWELS.has(long[j])) return false;
    if (i > 0 && i < short.length && !VOWELS.has(short[i - 1]) && !VOWELS.has(short[i])) inner = true;
  }
  return i === short.length && inner;
}

const VOWELS = new Set('aeiou');

function isTransposition(a: string, b: string): boolean {
  return a.length === b.length && a !== b && [...a].sort().join('') === [...b].sort().join('');
}

/** Optimal-string-alignment distance ≤ 1: one insertion, deletion, substitution or adjacent swap. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
