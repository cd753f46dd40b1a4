import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Topic } from '../bot/domain.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23');

const localeContent = z.object({
  title: z.string().trim().min(1, 'title is missing').max(24, 'title must be at most 24 characters'),
  questions: z.array(z.string().trim().min(2)).min(1, 'needs at least one question phrasing'),
  answer: z.string().trim().min(1, 'answer is missing'),
});

const contentSchema = z
  .record(z.string(), z.unknown())
  .superRefine((content, ctx) => {
    for (const key of Object.keys(content)) {
      if (!(LOCALES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', message: `unknown locale "${key}" (use ${LOCALES.join(', ')})`, path: [key] });
      }
    }
    for (const locale of LOCALES) {
      if (!(locale in content)) ctx.addIssue({ code: 'custom', message: `missing locale "${locale}"`, path: [locale] });
    }
  })
  .pipe(z.object(Object.fromEntries(LOCALES.map((l) => [l, localeContent])) as Record<(typeof LOCALES)[number], typeof localeContent>));

export const entrySchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'must look like "area.topic-name"'),
  sourceUrl: z.url({ protocol: /^https?$/, message: 'must be the official page, starting with https://' }),
  lastReviewed: isoDate,
  reviewBy: isoDate,
  content: contentSchema,
});

const fileSchema = z.object({
  area: z.string().regex(/^[a-z]+$/),
  entries: z.array(z.unknown()),
});

/** A knowledge-base file that failed validation; the message names the file, the entry and the field. */
export class KnowledgeError extends Error {}

/** Validates one area file's parsed JSON; `source` names it in errors. */
export function parseArea(raw: unknown, source: string): Topic[] {
  const file = fileSchema.safeParse(raw);
  if (!file.success) throw new KnowledgeError(`${source}: ${describe(file.error)}`);
  return file.data.entries.map((entry, index) => {
    const parsed = entrySchema.safeParse(entry);
    const label = (entry as { id?: unknown })?.id ?? `#${index + 1}`;
    if (!parsed.success) throw new KnowledgeError(`${source}, entry ${String(label)}: ${describe(parsed.error)}`);
    return { ...parsed.data, area: file.data.area } as Topic;
  });
}

/** Checks rules that span entries: ids unique, and each id's area matches its file. */
export function checkTopics(topics: { topic: Topic; source: string }[]): Topic[] {
  const seen = new Map<string, string>();
  for (const { topic, source } of topics) {
    const earlier = seen.get(topic.id);
    if (earlier) throw new KnowledgeError(`${source}, entry ${topic.id}: duplicate id (also in ${earlier})`);
    seen.set(topic.id, source);
    if (!topic.id.startsWith(`${topic.area}.`)) {
      throw new KnowledgeError(`${source}, entry ${topic.id}: id must start with the file's area "${topic.area}."`);
    }
  }
  return topics.map((t) => t.topic);
}

/** Reads every `*.json` area file in `dir`, validated. */
export function loadKnowledgeDir(dir: string): Topic[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new KnowledgeError(`${dir}: no knowledge files (*.json) found`);
  const all: { topic: Topic; source: string }[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (err) {
      throw new KnowledgeError(`${full}: not valid JSON (${(err as Error).message})`);
    }
    for (const topic of parseArea(raw, full)) all.push({ topic, source: full });
  }
  return checkTopics(all);
}

/** Writes topics back as one file per area, in the same shape the loader reads. */
export function writeKnowledgeDir(dir: string, topics: Topic[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const byArea = new Map<string, Topic[]>();
  for (const t of topics) byArea.set(t.area, [...(byArea.get(t.area) ?? []), t]);
  const written: string[] = [];
  for (const [area, entries] of byArea) {
    const file = path.join(dir, `${area}.json`);
    const body = {
      area,
      entries: entries.map(({ id, sourceUrl, lastReviewed, reviewBy, content }) => ({ id, sourceUrl, lastReviewed, reviewBy, content })),
    };
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ');
}
