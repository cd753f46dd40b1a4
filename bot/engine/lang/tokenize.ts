/** Lowercases, folds accents and splits on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[''`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
