import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../../domain.ts';

/** Per-locale language knowledge: data files in ./data, kept apart from the code that uses them. */
export interface LocaleData {
  locale: Locale;
  /** Chat abbreviation or slang → standard form (may be several words). */
  slang: Record<string, string>;
  stopwords: string[];
  /** Javanese and Sundanese affixes to strip when looking for a known root. */
  prefixes: string[];
  suffixes: string[];
  /** Phrases that ask to switch to this locale ("English please"). */
  switchPhrases: string[];
  /** Frequent words characteristic of this locale, for language detection. */
  functionWords: string[];
}

export interface LanguageData {
  locales: Record<Locale, LocaleData>;
  /** Canonical concept → its surface forms in every locale. */
  concepts: Record<string, string[]>;
  /** Everyday sentences per locale that train the language detector. */
  corpus: Record<Locale, string[]>;
  /** Words naming neighbouring public services the knowledge base does not cover. */
  outOfScopeWords: string[];
  /** An out-of-scope word followed by one of these means something else ("sim kuring" = "I"). */
  outOfScopeNotBefore: Record<string, string[]>;
  /** Family members and friends a citizen asks on behalf of: whose question it is, not what about. */
  peopleWords: string[];
  /** Concepts made only of such words ("spouse"). */
  peopleConcepts: string[];
}

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export function loadLanguageData(dir = DATA_DIR): LanguageData {
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const locales = Object.fromEntries(
    LOCALES.map((l) => {
      const raw = JSON.parse(read(`${l}.json`));
      return [
        l,
        {
          locale: l,
          slang: raw.slang ?? {},
          stopwords: raw.stopwords ?? [],
          prefixes: raw.prefixes ?? [],
          suffixes: raw.suffixes ?? [],
          switchPhrases: raw.switchPhrases ?? [],
          functionWords: raw.functionWords ?? [],
        } satisfies LocaleData,
      ];
    }),
  ) as Record<Locale, LocaleData>;
  const corpus = Object.fromEntries(
    LOCALES.map((l) => [l, read(`corpus/${l}.txt`).split('\n').map((s) => s.trim()).filter(Boolean)]),
  ) as Record<Locale, string[]>;
  const outOfScope = JSON.parse(read('out-of-scope.json')) as { services: Record<string, string[]>; notBefore?: Record<string, string[]> };
  return {
    locales,
    concepts: JSON.parse(read('lexicon.json')).concepts,
    corpus,
    outOfScopeWords: Object.values(outOfScope.services).flat(),
    outOfScopeNotBefore: outOfScope.notBefore ?? {},
    ...peopleOf(JSON.parse(read('people-words.json')) as { words: string[]; concepts?: string[] }),
  };
}

function peopleOf(raw: { words: string[]; concepts?: string[] }): Pick<LanguageData, 'peopleWords' | 'peopleConcepts'> {
  return { peopleWords: raw.words, peopleConcepts: raw.concepts ?? [] };
}
