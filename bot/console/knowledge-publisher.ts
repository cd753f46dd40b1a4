import type { Topic } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { Actor, Draft, NewAuditRecord, Revision } from '../storage/console-ports.ts';
import type { Storage } from '../storage/ports.ts';
import { knowledgeProblems } from './knowledge-validation.ts';
import { appendRegressionCases, type RegressionCase } from './regression-cases.ts';
import { diffKnowledge, type EntryDiff } from './topic-diff.ts';

export const SYSTEM_ACTOR: Actor = { id: 'system', email: 'system' };

export interface PublishResult {
  revision: Omit<Revision, 'snapshot'>;
  changes: EntryDiff[];
}

/** Applies drafts to the published entries: edits in place, new entries at the end, deletions dropped. */
export function applyDrafts(published: Topic[], drafts: Draft[]): Topic[] {
  const byId = new Map(drafts.map((d) => [d.topicId, d]));
  const next = published.filter((t) => !byId.get(t.id)?.deleted).map((t) => byId.get(t.id)?.topic ?? t);
  const known = new Set(published.map((t) => t.id));
  for (const d of drafts) if (!d.deleted && !known.has(d.topicId)) next.push(d.topic);
  return next;
}

/**
 * Every change to the live knowledge base goes through here: a new revision (a full snapshot),
 * the `topics` table, the engine (so the bot answers from it at once), the audit log and the
 * regression cases. One publish at a time, so two editors never publish over each other.
 */
export class KnowledgePublisher {
  private readonly queue = new KeyedSerializer();

  constructor(
    private readonly storage: Storage,
    private readonly engine: Engine,
    private readonly regressionsFile: string,
  ) {}

  /** Records what is live as a revision when the history is empty or the files were imported behind the console's back. */
  async syncInitialRevision(): Promise<void> {
    const live = await this.storage.knowledge.listTopics();
    const latest = await this.storage.revisions.latestRevision();
    if (latest && JSON.stringify(latest.snapshot) === JSON.stringify(live)) return;
    const message = latest ? 'Knowledge base changed outside the console (kb:import)' : 'Knowledge base as first loaded';
    await this.storage.revisions.publish({ snapshot: live, message, createdBy: SYSTEM_ACTOR.email, rollbackOf: null, consumedDrafts: [] });
  }

  publishDrafts(actor: Actor, options: { message?: string; topicIds?: string[] }): Promise<PublishResult> {
    return this.queue.run('publish', async () => {
      const all = await this.storage.revisions.listDrafts();
      const drafts = options.topicIds ? all.filter((d) => options.topicIds!.includes(d.topicId)) : all;
      if (drafts.length === 0) throw new AppError(400, 'nothing_to_publish', 'There are no drafts to publish.');
      const published = await this.storage.knowledge.listTopics();
      const next = applyDrafts(published, drafts);
      const problems = knowledgeProblems(next);
      if (problems.length) {
        const list = problems.map((p) => `${p.topicId}: ${p.problems.join('; ')}`).join(' | ');
        throw new AppError(422, 'invalid_knowledge', `Fix these entries before publishing: ${list}`, problems);
      }
      const message = options.message?.trim() || `Published ${drafts.length} ${drafts.length === 1 ? 'entry' : 'entries'}`;
      const regressions = drafts.filter((d) => !d.deleted).flatMap((d) => d.pendingRegressions.map((r) => ({ ...r, label: d.topicId })));
      return this.commit(actor, { snapshot: next, message, rollbackOf: null, consumedDrafts: drafts.map((d) => d.topicId), regressions }, published);
    });
  }

  rollback(actor: Actor, revisionId: number): Promise<PublishResult> {
    return this.queue.run('publish', async () => {
      const target = await this.storage.revisions.findRevision(revisionId);
      if (!target) throw notFound(`There is no revision ${revisionId}.`);
      const published = await this.storage.knowledge.listTopics();
      const message = `Rolled back to revision ${revisionId}`;
      return this.commit(actor, { snapshot: target.snapshot, message, rollbackOf: revisionId, consumedDrafts: [], regressions: [] }, published);
    });
  }

  /** Publishes an edit of one live entry at once (new phrasings from the unanswered review), keeping any draft of it in step. */
  editLive(actor: Actor, topicId: string, edit: (topic: Topic) => Topic, options: { message: string; regressions: RegressionCase[] }): Promise<PublishResult> {
    return this.queue.run('publish', async () => {
      const published = await this.storage.knowledge.listTopics();
      const current = published.find((t) => t.id === topicId);
      if (!current) throw notFound(`There is no published entry ${topicId}.`);
      const next = published.map((t) => (t.id === topicId ? edit(t) : t));
      const draft = await this.storage.revisions.findDraft(topicId);
      if (draft && !draft.deleted) await this.storage.revisions.saveDraft({ ...draft, topic: edit(draft.topic) });
      return this.commit(actor, { snapshot: next, message: options.message, rollbackOf: null, consumedDrafts: [], regressions: options.regressions }, published);
    });
  }

  private async commit(
    actor: Actor,
    input: { snapshot: Topic[]; message: string; rollbackOf: number | null; consumedDrafts: string[]; regressions: RegressionCase[] },
    before: Topic[],
  ): Promise<PublishResult> {
    const { snapshot: _s, ...revision } = await this.storage.revisions.publish({ ...input, createdBy: actor.email });
    this.engine.reload(input.snapshot);
    const changes = diffKnowledge(before, input.snapshot);
    const oldById = new Map(before.map((t) => [t.id, t]));
    const newById = new Map(input.snapshot.map((t) => [t.id, t]));
    const records: NewAuditRecord[] = [
      { actorId: actor.id, actorEmail: actor.email, entityType: 'revision', entityId: String(revision.id), action: input.rollbackOf ? 'rollback' : 'publish', before: null, after: { message: input.message, rollbackOf: input.rollbackOf, changed: changes.map((c) => c.topicId) } },
      ...changes.map((c): NewAuditRecord => ({
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: 'entry',
        entityId: c.topicId,
        action: c.change === 'added' ? 'create' : c.change === 'removed' ? 'delete' : 'update',
        before: oldById.get(c.topicId) ?? null,
        after: newById.get(c.topicId) ?? null,
      })),
    ];
    await this.storage.audit.append(records);
    appendRegressionCases(this.regressionsFile, input.regressions);
    return { revision, changes };
  }
}
