import { z } from 'zod';
import { LOCALES, type Topic } from '../domain.ts';
import { entrySchema } from '../../knowledge/load-knowledge.ts';

/** The problems that keep one entry from being published, each naming its field; empty when fine. */
export function entryProblems(topic: unknown): string[] {
  const parsed = entrySchema.safeParse(topic);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
  const t = topic as Partial<Topic>;
  if (typeof t?.area !== 'string' || !/^[a-z]+$/.test(t.area)) problems.push('area: must be lowercase letters, like "ktp"');
  else if (typeof t.id === 'string' && !t.id.startsWith(`${t.area}.`)) problems.push(`id: must start with the area "${t.area}."`);
  return problems;
}

export interface EntryProblems {
  topicId: string;
  problems: string[];
}

/** Every entry's problems plus rules across entries (unique ids); empty when the whole base may go live. */
export function knowledgeProblems(topics: Topic[]): EntryProblems[] {
  const out: EntryProblems[] = [];
  const seen = new Set<string>();
  topics.forEach((topic, index) => {
    const problems = entryProblems(topic);
    const id = typeof topic?.id === 'string' ? topic.id : `#${index + 1}`;
    if (seen.has(id)) problems.push('id: used by another entry');
    seen.add(id);
    if (problems.length) out.push({ topicId: id, problems });
  });
  return out;
}

/** Which locales of an entry are complete (title, a question and an answer): shows gaps at a glance. */
export function localeCompleteness(topic: Topic): Record<(typeof LOCALES)[number], boolean> {
  return Object.fromEntries(
    LOCALES.map((l) => {
      const c = topic.content?.[l];
      const complete = Boolean(c && c.title?.trim() && c.answer?.trim() && c.questions?.some((q) => q.trim().length >= 2));
      return [l, complete];
    }),
  ) as Record<(typeof LOCALES)[number], boolean>;
}

/** The shape a draft must have to be stored at all: content may be incomplete, structure may not. */
export const draftTopicSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'must look like "area.topic-name"'),
  area: z.string().regex(/^[a-z]+$/, 'must be lowercase letters, like "ktp"'),
  sourceUrl: z.string().max(500),
  lastReviewed: z.string().max(10),
  reviewBy: z.string().max(10),
  content: z.object(
    Object.fromEntries(
      LOCALES.map((l) => [
        l,
        z.object({ title: z.string().max(200), questions: z.array(z.string().max(500)).max(100), answer: z.string().max(5000) }),
      ]),
    ) as Record<(typeof LOCALES)[number], z.ZodObject<{ title: z.ZodString; questions: z.ZodArray<z.ZodString>; answer: z.ZodString }>>,
  ),
});

/** An empty locale block, so a new entry shows every language's gap. */
export function emptyContent(): Topic['content'] {
  return Object.fromEntries(LOCALES.map((l) => [l, { title: '', questions: [], answer: '' }])) as unknown as Topic['content'];
}
