import fs from 'node:fs';

/** The non-empty lines of a JSON Lines file, parsed, with their 1-based line numbers; none if the file does not exist. */
export function readJsonLines(file: string): { line: number; value: unknown }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim())
    .map(({ text, line }) => ({ line, value: JSON.parse(text) as unknown }));
}
