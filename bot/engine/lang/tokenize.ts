/**
 * Lowercases, folds accents and splits on anything that is not a letter or digit. Chat shorthand
 * for reduplication ("jadi2", "anak2") becomes the base word.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // English possessives and contractions ("baby's", "what's") keep the word; other apostrophes,
    // straight or curly as phone keyboards type them, join it ("Jum'at", "ma’af").
    .replace(/['\u2018\u2019\u02bb\u02bc`]s(?![\p{L}\p{N}])/gu, '')
    .replace(/['\u2018\u2019\u02bb\u02bc`]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => (/^\p{L}{2,}2$/u.test(t) ? t.slice(0, -1) : t));
}
