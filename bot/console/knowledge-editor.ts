import { LOCALES, type Locale, type Topic } from '../domain.ts';
import { AppError, badRequest, notFound } from '../http/app-error.ts';
import type { Actor, Draft } from '../storage/console-ports.ts';
import type { Storage } from '../storage/ports.ts';
import { applyDrafts } from './knowledge-publisher.ts';
import { draftTopicSchema, entryProblems, localeCompleteness } from './knowledge-validation.ts';
import { diffKnowledge } from './topic-diff.ts';

export type EntryStatus = 'published' | 'draft' | 'new' | 'deleted';

export interface EntrySummary {
  id: string;
  area: string;
  title: string;
  status: EntryStatus;
  complete: Record<Locale, boolean>;
  stale: boolean;
  reviewBy: string;
  updatedAt: string | null;
  problems: number;
}

export interface EntryFilter {
  q?: string;
  area?: string;
  /** Entries missing this locale ("any": missing one or more). */
  missing?: Locale | 'any';
  stale?: boolean;
  status?: EntryStatus;
}

const today = () => new Date().toISOString().slice(0, 10);

function statusOf(published: Topic | undefined, draft: Draft | undefined): EntryStatus {
  if (draft?.deleted) return 'deleted';
  if (draft) return published ? 'draft' : 'new';
  return 'published';
}

function matchesText(topic: Topic, q: string): boolean {
  const needle = q.toLowerCase();
  const texts = [topic.id, topic.sourceUrl, ...LOCALES.flatMap((l) => [topic.content[l].title, topic.content[l].answer, ...topic.content[l].questions])];
  return texts.some((t) => t.toLowerCase().includes(needle));
}

/** Drafts of knowledge-base entries: what editors see and change before anything goes live. */
export class KnowledgeEditor {
  constructor(private readonly storage: Storage) {}

  async listEntries(filter: EntryFilter = {}): Promise<EntrySummary[]> {
    const published = await this.storage.knowledge.listTopics();
    const drafts = await this.storage.revisions.listDrafts();
    const publishedById = new Map(published.map((t) => [t.id, t]));
    const draftById = new Map(drafts.map((d) => [d.topicId, d]));
    const ids = [...published.map((t) => t.id), ...drafts.filter((d) => !publishedById.has(d.topicId)).map((d) => d.topicId)];
    const now = today();
    return ids
      .map((id) => {
        const draft = draftById.get(id);
        const topic = draft?.topic ?? publishedById.get(id)!;
        const complete = localeCompleteness(topic);
        const summary: EntrySummary = {
          id,
          area: topic.area,
          title: topic.content.id.title || topic.content.en.title || id,
          status: statusOf(publishedById.get(id), draft),
          complete,
          stale: Boolean(topic.reviewBy) && topic.reviewBy < now,
          reviewBy: topic.reviewBy,
          updatedAt: draft?.updatedAt ?? null,
          problems: draft?.deleted ? 0 : entryProblems(topic).length,
        };
        return { summary, topic };
      })
      .filter(({ summary, topic }) => {
        if (filter.area && summary.area !== filter.area) return false;
        if (filter.status && summary.status !== filter.status) return false;
        if (filter.stale !== undefined && summary.stale !== filter.stale) return false;
        if (filter.missing === 'any' && LOCALES.every((l) => summary.complete[l])) return false;
        if (filter.missing && filter.missing !== 'any' && summary.complete[filter.missing]) return false;
        return !filter.q || matchesText(topic, filter.q);
      })
      .map(({ summary }) => summary);
  }

  async getEntry(id: string) {
    const published = (await this.storage.knowledge.listTopics()).find((t) => t.id === id) ?? null;
    const draft = await this.storage.revisions.findDraft(id);
    if (!published && !draft) throw notFound(`There is no entry ${id}.`);
    const current = draft?.topic ?? published!;
    return {
      id,
      status: statusOf(published ?? undefined, draft ?? undefined),
      published,
      draft,
      problems: draft?.deleted ? [] : entryProblems(current),
      complete: localeCompleteness(current),
      changes: draft ? diffKnowledge(published ? [published] : [], draft.deleted ? [] : [draft.topic])[0]?.fields ?? [] : [],
    };
  }

  /** Stores an edit as a draft. Content may still be incomplete; publishing checks it fully. */
  async saveDraft(actor: Actor, id: string, input: unknown, options: { mustBeNew?: boolean } = {}): Promise<Draft> {
    const parsed = draftTopicSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    }
    const topic = parsed.data as Topic;
    if (topic.id !== id) throw badRequest(`The entry's id "${topic.id}" does not match the address (${id}); ids cannot be renamed.`);
    const published = (await this.storage.knowledge.listTopics()).find((t) => t.id === id);
    const existing = await this.storage.revisions.findDraft(id);
    if (options.mustBeNew && (published || existing)) throw new AppError(409, 'exists', `An entry ${id} already exists; open it to edit.`);
    const draft = await this.storage.revisions.saveDraft({
      topicId: id,
      topic,
      deleted: false,
      pendingRegressions: existing?.pendingRegressions ?? [],
      updatedBy: actor.email,
    });
    await this.audit(actor, id, 'draft.save', existing?.topic ?? published ?? null, topic);
    return draft;
  }

  /** Marks a published entry for removal at the next publish; a never-published entry's draft just goes (null). */
  async deleteEntry(actor: Actor, id: string): Promise<Draft | null> {
    const published = (await this.storage.knowledge.listTopics()).find((t) => t.id === id);
    if (!published) {
      await this.discardDraft(actor, id);
      return null;
    }
    const draft = await this.storage.revisions.saveDraft({ topicId: id, topic: published, deleted: true, pendingRegressions: [], updatedBy: actor.email });
    await this.audit(actor, id, 'draft.delete', published, null);
    return draft;
  }

  async discardDraft(actor: Actor, id: string): Promise<void> {
    const draft = await this.storage.revisions.findDraft(id);
    if (!draft) throw notFound(`Entry ${id} has no draft.`);
    await this.storage.revisions.discardDraft(id);
    await this.audit(actor, id, 'draft.discard', draft.topic, null);
  }

  /** The knowledge base as it would be if every draft were published: "try it" on drafts. */
  async previewTopics(): Promise<Topic[]> {
    const drafts = (await this.storage.revisions.listDrafts()).filter((d) => d.deleted || entryProblems(d.topic).length === 0);
    return applyDrafts(await this.storage.knowledge.listTopics(), drafts);
  }

  /** Imported entries become drafts where they differ from what is there; nothing goes live until published. */
  async importTopics(actor: Actor, topics: Topic[]): Promise<{ created: string[]; updated: string[]; unchanged: string[] }> {
    const published = new Map((await this.storage.knowledge.listTopics()).map((t) => [t.id, t]));
    const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
    for (const topic of topics) {
      const draft = await this.storage.revisions.findDraft(topic.id);
      const current = draft && !draft.deleted ? draft.topic : published.get(topic.id);
      if (current && diffKnowledge([current], [topic]).length === 0) {
        result.unchanged.push(topic.id);
        continue;
      }
      await this.storage.revisions.saveDraft({ topicId: topic.id, topic, deleted: false, pendingRegressions: draft?.pendingRegressions ?? [], updatedBy: actor.email });
      (published.has(topic.id) ? result.updated : result.created).push(topic.id);
    }
    await this.storage.audit.append(
      [...result.created, ...result.updated].map((id) => ({
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: 'entry' as const,
        entityId: id,
        action: 'draft.import',
        before: published.get(id) ?? null,
        after: topics.find((t) => t.id === id) ?? null,
      })),
    );
    return result;
  }

  async revisionDetail(id: number) {
    const revision = await this.storage.revisions.findRevision(id);
    if (!revision) throw notFound(`There is no revision ${id}.`);
    const previous = id > 1 ? await this.storage.revisions.findRevision(id - 1) : null;
    const { snapshot, ...summary } = revision;
    return { revision: summary, previousId: previous?.id ?? null, changes: diffKnowledge(previous?.snapshot ?? [], snapshot) };
  }

  private async audit(actor: Actor, id: string, action: string, before: unknown, after: unknown) {
    await this.storage.audit.append([{ actorId: actor.id, actorEmail: actor.email, entityType: 'entry', entityId: id, action, before, after }]);
  }
}
