import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isLocale, LOCALES, type Locale, type Topic } from '../domain.ts';
import { emptyContent, entryProblems, knowledgeProblems } from './knowledge-validation.ts';

/**
 * Whole-knowledge-base import and export as JSON and CSV. The CSV has one row per entry × locale
 * (so a spreadsheet shows the four languages of an entry one under another) with the question
 * phrasings one per line inside their cell; entry-level fields repeat on each of the entry's rows.
 */
export const CSV_COLUMNS = ['id', 'area', 'sourceUrl', 'lastReviewed', 'reviewBy', 'locale', 'title', 'questions', 'answer'] as const;

/** One problem found in an import, pointing at the spreadsheet row (the header is row 1) or JSON entry. */
export interface ImportError {
  row: number;
  entryId: string | null;
  message: string;
}

export type ImportResult = { ok: true; topics: Topic[] } | { ok: false; errors: ImportError[] };

export function toCsv(topics: Topic[]): string {
  const rows = topics.flatMap((t) =>
    LOCALES.map((l) => [t.id, t.area, t.sourceUrl, t.lastReviewed, t.reviewBy, l, t.content[l].title, t.content[l].questions.join('\n'), t.content[l].answer]),
  );
  // A byte-order mark so that spreadsheet programs open the UTF-8 file with the right characters.
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}

export function toJson(topics: Topic[]): string {
  return JSON.stringify({ format: 'layani-knowledge', version: 1, exportedAt: new Date().toISOString(), entries: topics }, null, 2);
}

export function fromCsv(text: string): ImportResult {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    return { ok: false, errors: [{ row: 0, entryId: null, message: `The file is not valid CSV: ${(err as Error).message}` }] };
  }
  const [header, ...body] = records;
  const missing = CSV_COLUMNS.filter((c) => !header?.includes(c));
  if (!header || missing.length) {
    return { ok: false, errors: [{ row: 1, entryId: null, message: `The header row must name the columns ${CSV_COLUMNS.join(', ')}; missing: ${missing.join(', ')}` }] };
  }
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const errors: ImportError[] = [];
  const entries = new Map<string, { topic: Topic; rows: Map<Locale, number>; firstRow: number }>();
  body.forEach((cells, index) => {
    const row = index + 2;
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (cells[col[c]] ?? '').trim();
    const id = cell('id');
    const locale = cell('locale');
    if (cells.length !== header.length) return errors.push({ row, entryId: id || null, message: `has ${cells.length} cells; the header has ${header.length}` });
    if (!id) return errors.push({ row, entryId: null, message: 'id is empty' });
    if (!isLocale(locale)) return errors.push({ row, entryId: id, message: `locale "${locale}" is not one of ${LOCALES.join(', ')}` });
    const fields = { area: cell('area'), sourceUrl: cell('sourceUrl'), lastReviewed: cell('lastReviewed'), reviewBy: cell('reviewBy') };
    let entry = entries.get(id);
    if (!entry) {
      entry = { topic: { id, ...fields, content: emptyContent() }, rows: new Map(), firstRow: row };
      entries.set(id, entry);
    }
    const differing = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => entry.topic[k] !== fields[k]);
    if (differing.length) return errors.push({ row, entryId: id, message: `${differing.join(', ')} differ from row ${entry.firstRow} of the same entry` });
    if (entry.rows.has(locale)) return errors.push({ row, entryId: id, message: `a second "${locale}" row for this entry (first is row ${entry.rows.get(locale)})` });
    entry.rows.set(locale, row);
    const questions = cell('questions').split(/\r?\n/).map((q) => q.trim()).filter(Boolean);
    entry.topic.content[locale] = { title: cell('title'), questions, answer: cell('answer') };
  });
  for (const [id, entry] of entries) {
    for (const l of LOCALES) if (!entry.rows.has(l)) errors.push({ row: entry.firstRow, entryId: id, message: `no row for locale "${l}"` });
    if (LOCALES.every((l) => entry.rows.has(l))) errors.push(...problemsByRow(entry.topic, (l) => (l ? entry.rows.get(l)! : entry.firstRow)));
  }
  return finish([...entries.values()].map((e) => e.topic), errors, (id) => entries.get(id)?.firstRow ?? 0);
}

export function fromJson(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [{ row: 0, entryId: null, message: `The file is not valid JSON: ${(err as Error).message}` }] };
  }
  const list = Array.isArray(raw) ? raw : (raw as { entries?: unknown })?.entries;
  if (!Array.isArray(list)) return { ok: false, errors: [{ row: 0, entryId: null, message: 'Expected {"entries": [...]} as written by the export.' }] };
  const errors: ImportError[] = [];
  list.forEach((entry, index) => {
    const id = typeof (entry as Topic)?.id === 'string' ? (entry as Topic).id : null;
    for (const message of entryProblems(entry)) errors.push({ row: index + 1, entryId: id, message });
  });
  const topics = list as Topic[];
  return finish(topics, errors, (id) => topics.findIndex((t) => t.id === id) + 1);
}

/** Maps "content.jv.answer: …" to the jv row; entry-level problems to the entry's first row. */
function problemsByRow(topic: Topic, rowOf: (locale: Locale | null) => number): ImportError[] {
  return entryProblems(topic).map((problem) => {
    const locale = /^content\.(\w+)\./.exec(problem)?.[1];
    return { row: rowOf(isLocale(locale) ? locale : null), entryId: topic.id, message: problem };
  });
}

function finish(topics: Topic[], errors: ImportError[], rowOf: (id: string) => number): ImportResult {
  if (errors.length === 0) {
    for (const p of knowledgeProblems(topics)) {
      for (const message of p.problems) errors.push({ row: rowOf(p.topicId), entryId: p.topicId, message });
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, topics: topics.map(({ id, area, sourceUrl, lastReviewed, reviewBy, content }) => ({ id, area, sourceUrl, lastReviewed, reviewBy, content })) };
}
