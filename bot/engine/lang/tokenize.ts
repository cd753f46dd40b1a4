/**
 * Lowercases, folds accents and splits on anything that is not a letter or digit. Chat shorthand
 * for reduplication ("jadi2", "anak2") becomes the base word.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[''`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => (/^\p{L}{2,}2$/u.test(t) ? t.slice(0, -1) : t));
}
