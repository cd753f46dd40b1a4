import { createRequire } from 'node:module';

/**
 * The parts of `natural` the engine uses, imported by path: the package's index pulls in every
 * storage backend and dotenv, which prints to stdout and would break our JSON logs.
 */
const require = createRequire(import.meta.url);

export interface BayesClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): { label: string; value: number }[];
}

export const indonesianStemmer: { stem(word: string): string } = require('natural/lib/natural/stemmers/indonesian/stemmer_id');

/** Porter's English stemmer: "registered", "registering" and "register" meet. */
export const englishStemmer: { stem(word: string): string } = require('natural/lib/natural/stemmers/porter_stemmer');

/** The Indonesian root words the stemmer checks against (~30,000): real words, never chat spellings. */
export const indonesianRootWords: ReadonlySet<string> = new Set(require('natural/lib/natural/stemmers/indonesian/data/kata-dasar.json') as string[]);

const Bayes = require('natural/lib/natural/classifiers/bayes_classifier') as new () => BayesClassifier;

export function createBayesClassifier(): BayesClassifier {
  return new Bayes();
}
