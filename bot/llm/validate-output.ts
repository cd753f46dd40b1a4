import { z } from 'zod';
import type { PromptEntry } from './prompts.ts';

/** The model's reading of a hard message. `topicId` is null unless it names a known topic. */
export interface Understanding {
  restated: string;
  topicId: string | null;
}

/** The model's composed reply, already checked against the entries it was given. */
export type Phrasing = { answerable: false } | { answerable: true; text: string; citedTopicIds: string[] };

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const understandingShape = z.object({
  restated: z.string().trim().min(2).max(300),
  topicId: z.string().max(100).nullable().optional(),
});

const phrasingShape = z.object({
  answerable: z.boolean(),
  text: z.string().max(3000).default(''),
  citedTopicIds: z.array(z.string().max(100)).max(10).default([]),
});

/** Models served locally often wrap JSON in a Markdown fence despite JSON mode. */
function parseJsonObject(content: string): unknown {
  const unfenced = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}

export function checkUnderstanding(content: string, knownTopicIds: ReadonlySet<string>): Checked<Understanding> {
  const parsed = understandingShape.safeParse(parseJsonObject(content));
  if (!parsed.success) return { ok: false, reason: 'not the requested JSON' };
  const topicId = parsed.data.topicId && knownTopicIds.has(parsed.data.topicId) ? parsed.data.topicId : null;
  return { ok: true, value: { restated: parsed.data.restated.replace(/\s+/g, ' '), topicId } };
}

/**
 * Accepts a composed reply only if it cites entries that were provided, contains no link and no
 * number that the entries do not contain, and keeps the links of the entries it cites. Anything
 * else is treated as the model speaking from its own knowledge (or from an injected instruction).
 */
export function checkPhrasing(content: string, entries: PromptEntry[]): Checked<Phrasing> {
  const parsed = phrasingShape.safeParse(parseJsonObject(content));
  if (!parsed.success) return { ok: false, reason: 'not the requested JSON' };
  if (!parsed.data.answerable) return { ok: true, value: { answerable: false } };
  const text = parsed.data.text.trim();
  const cited = [...new Set(parsed.data.citedTopicIds)];
  if (!text) return { ok: false, reason: 'empty text' };
  if (cited.length === 0) return { ok: false, reason: 'cites no entry' };
  const provided = new Map(entries.map((e) => [e.id, e]));
  if (cited.some((id) => !provided.has(id))) return { ok: false, reason: 'cites an entry that was not provided' };

  const source = entries.map((e) => `${e.answer}\n${e.sourceUrl}`).join('\n');
  // A bare host ("lapor.go.id") is allowed when the entries link somewhere on it; a new path is not.
  const knownLinks = new Set(linksIn(source).flatMap((l) => [l, hostOf(l)]));
  if (linksIn(text).some((l) => !knownLinks.has(l))) return { ok: false, reason: 'contains a link not in the entries' };
  const knownNumbers = new Set(numbersIn(source));
  if (numbersIn(text).some((n) => !knownNumbers.has(n))) return { ok: false, reason: 'contains a number not in the entries' };
  const written = new Set(linksIn(text));
  const citedLinks = cited.flatMap((id) => linksIn(provided.get(id)!.answer));
  if (citedLinks.some((l) => !written.has(l))) return { ok: false, reason: 'dropped a link of a cited entry' };
  return { ok: true, value: { answerable: true, text, citedTopicIds: cited } };
}

// Full URLs and bare domains ("lapor.go.id/pengaduan"): a model can smuggle either.
const LINK = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s<>()"'`]*)?/gi;

/** Links in a comparable form: lower case, no scheme, no "www.", no trailing slash or punctuation. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(LINK)]
    .map((m) =>
      m[0]
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/[.,;:!?]+$/, '')
        .replace(/\/$/, ''),
    )
    .filter((l) => /[a-z]{2,}$/.test(l.split('/')[0]));
}

function hostOf(link: string): string {
  return link.split('/')[0];
}

/**
 * Every number as its digits (so "Rp75.000.000" and "75000000" match), plus each group on its own
 * (so "75 juta" is allowed where the entry says "Rp75.000.000"). List markers at the start of a
 * line are numbering, not facts.
 */
export function numbersIn(text: string): string[] {
  const withoutMarkers = text.replace(/^\s*\d{1,2}[.)]\s/gm, ' ').replace(LINK, ' ');
  const out: string[] = [];
  for (const m of withoutMarkers.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const groups = m[0].split(/[.,]/);
    out.push(groups.join(''), ...groups.map((g) => g.replace(/^0+(?=\d)/, '')));
  }
  return out;
}
