import { LOCALES, type Topic } from '../domain.ts';

export interface FieldChange {
  /** A readable path: "sourceUrl", "content.jv.answer", "content.su.questions". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntryDiff {
  topicId: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

const TOP_FIELDS = ['area', 'sourceUrl', 'lastReviewed', 'reviewBy'] as const;
const LOCALE_FIELDS = ['title', 'questions', 'answer'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field differences of one entry; an absent side reads as undefined. */
export function diffEntry(before: Topic | undefined, after: Topic | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TOP_FIELDS) {
    if (!same(before?.[field], after?.[field])) changes.push({ field, before: before?.[field], after: after?.[field] });
  }
  for (const locale of LOCALES) {
    for (const field of LOCALE_FIELDS) {
      const b = before?.content[locale]?.[field];
      const a = after?.content[locale]?.[field];
      if (!same(b, a)) changes.push({ field: `content.${locale}.${field}`, before: b, after: a });
    }
  }
  return changes;
}

/** What changed between two published knowledge bases, entry by entry, in the newer one's order. */
export function diffKnowledge(before: Topic[], after: Topic[]): EntryDiff[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const now = new Map(after.map((t) => [t.id, t]));
  const diffs: EntryDiff[] = [];
  for (const topic of after) {
    const fields = diffEntry(old.get(topic.id), topic);
    if (fields.length) diffs.push({ topicId: topic.id, change: old.has(topic.id) ? 'changed' : 'added', fields });
  }
  for (const topic of before) {
    if (!now.has(topic.id)) diffs.push({ topicId: topic.id, change: 'removed', fields: diffEntry(topic, undefined) });
  }
  return diffs;
}
