import type { Locale } from '../domain.ts';
import type { UnansweredEntry } from '../storage/ports.ts';

/** Two questions at or above this term overlap count as "the same question". */
export const GROUP_SIMILARITY = 0.5;
/** A new question this close to an out-of-scope pattern is not logged as new. */
export const OUT_OF_SCOPE_SIMILARITY = 0.6;

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

export interface TermedEntry extends UnansweredEntry {
  /** The engine's analyzer terms: concepts ("#lost") meet across locales, so groups span languages. */
  terms: string[];
}

export interface UnansweredGroup {
  /** The oldest member's id: stable while the group grows. */
  key: number;
  ids: number[];
  count: number;
  /** The most frequent wording (the newest on a tie): what the group is about. */
  representative: { text: string; locale: Locale };
  examples: { text: string; locale: Locale; count: number }[];
  locales: Partial<Record<Locale, number>>;
  channels: Record<string, number>;
  reasons: Record<string, number>;
  firstAt: string;
  lastAt: string;
  terms: string[];
}

const normalText = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Shared terms over the smaller set: a short rewording inside a longer question ("perpanjang paspor gimana"). */
export function overlap(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const smaller = Math.min(x.size, y.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / smaller;
}

function isSame(a: TermedEntry, b: TermedEntry, threshold: number): boolean {
  if (normalText(a.text) === normalText(b.text)) return true;
  const j = jaccard(a.terms, b.terms);
  if (j >= threshold) return true;
  // Two or more shared content terms that make up most of the shorter question also count.
  return Math.min(new Set(a.terms).size, new Set(b.terms).size) >= 2 && overlap(a.terms, b.terms) >= 2 / 3 && j >= 1 / 3;
}

/** Single-link grouping by term overlap (union-find over all pairs: a few hundred open questions at most). */
export function groupUnanswered(entries: TermedEntry[], threshold = GROUP_SIMILARITY): UnansweredGroup[] {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (find(i) !== find(j) && isSame(entries[i], entries[j], threshold)) parent[find(j)] = find(i);
    }
  }
  const members = new Map<number, TermedEntry[]>();
  entries.forEach((e, i) => members.set(find(i), [...(members.get(find(i)) ?? []), e]));
  return [...members.values()].map(summarise);
}

function count<T extends string>(values: T[]): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function summarise(group: TermedEntry[]): UnansweredGroup {
  const byTime = [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const wordings = new Map<string, { text: string; locale: Locale; count: number; last: string }>();
  for (const e of byTime) {
    const key = normalText(e.text);
    const w = wordings.get(key);
    wordings.set(key, { text: e.text, locale: e.locale, count: (w?.count ?? 0) + 1, last: e.createdAt });
  }
  const examples = [...wordings.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last));
  const termCounts = count(group.flatMap((e) => [...new Set(e.terms)]));
  return {
    key: Math.min(...group.map((e) => e.id)),
    ids: byTime.map((e) => e.id),
    count: group.length,
    representative: { text: examples[0].text, locale: examples[0].locale },
    examples: examples.slice(0, 8).map(({ text, locale, count: n }) => ({ text, locale, count: n })),
    locales: count(group.map((e) => e.locale)),
    channels: count(group.map((e) => e.channel as string)),
    reasons: count(group.map((e) => e.reason as string)),
    firstAt: byTime[0].createdAt,
    lastAt: byTime[byTime.length - 1].createdAt,
    terms: Object.entries(termCounts).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t]) => t),
  };
}

/** Most frequent first (then newest), or newest first (then most frequent). */
export function sortGroups(groups: UnansweredGroup[], order: 'frequent' | 'newest'): UnansweredGroup[] {
  const byCount = (a: UnansweredGroup, b: UnansweredGroup) => b.count - a.count;
  const byTime = (a: UnansweredGroup, b: UnansweredGroup) => b.lastAt.localeCompare(a.lastAt);
  return [...groups].sort((a, b) => (order === 'frequent' ? byCount(a, b) || byTime(a, b) : byTime(a, b) || byCount(a, b)));
}

/** Does a question match a pattern staff marked out of scope? */
export function matchesOutOfScope(terms: string[], patterns: { terms: string[] }[], threshold = OUT_OF_SCOPE_SIMILARITY): boolean {
  if (terms.length === 0) return false;
  return patterns.some((p) => jaccard(terms, p.terms) >= threshold);
}
