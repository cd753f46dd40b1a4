import path from 'node:path';
import { isLocale, type Locale } from '../../bot/domain.ts';
import { readJsonLines } from '../../bot/json-lines.ts';

export interface EvalCase {
  text: string;
  locale: Locale;
  /** A topic id ("ktp.lost"), a conversational intent ("greeting"), or "out-of-scope". */
  label: string;
  style: string;
  /** "tune" lines may be used to choose thresholds; "test" lines only to report. */
  split: 'tune' | 'test';
}

export const OUT_OF_SCOPE = 'out-of-scope';
export const isTopicLabel = (label: string) => label.includes('.');

/** A stable split by text hash, so the same line is always on the same side. */
function splitOf(text: string): 'tune' | 'test' {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'test';
}

export function loadEvalCases(files: string[]): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const file of files) {
    for (const { line, value } of readJsonLines(file)) {
      const row = value as { text?: unknown; locale?: unknown; label?: unknown; style?: string };
      if (!isLocale(row.locale) || typeof row.text !== 'string' || typeof row.label !== 'string') {
        throw new Error(`${path.basename(file)}:${line}: needs text, locale (id|en|jv|su) and label`);
      }
      cases.push({ text: row.text, locale: row.locale, label: row.label, style: row.style ?? 'regression', split: splitOf(row.text) });
    }
  }
  return cases;
}

export interface ExternalLine {
  text: string;
  lang: string;
  source: string;
  label: string | null;
}

export function loadExternal(file: string): ExternalLine[] {
  return readJsonLines(file).map(({ value }) => value as ExternalLine);
}
