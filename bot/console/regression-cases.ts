import fs from 'node:fs';
import path from 'node:path';
import { readJsonLines } from '../json-lines.ts';
import type { Locale } from '../domain.ts';

/** One evaluation case in the same shape as tests/eval/*.jsonl. */
export interface RegressionCase {
  text: string;
  locale: Locale;
  label: string;
}

/**
 * Questions the bot once failed and staff then taught it: appended to a JSONL file that
 * `npm run eval` reads next to the curated sets, so a later edit cannot silently undo the fix.
 */
export function appendRegressionCases(file: string, cases: RegressionCase[]): void {
  if (cases.length === 0) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existing = new Set(readRegressionCases(file).map(key));
  const fresh = cases.filter((c) => !existing.has(key(c)));
  if (fresh.length === 0) return;
  fs.appendFileSync(file, fresh.map((c) => JSON.stringify({ text: c.text, locale: c.locale, label: c.label })).join('\n') + '\n');
}

export function readRegressionCases(file: string): RegressionCase[] {
  return readJsonLines(file).map(({ value }) => value as RegressionCase);
}

const key = (c: RegressionCase) => `${c.locale}\u0000${c.label}\u0000${c.text.trim().toLowerCase()}`;
