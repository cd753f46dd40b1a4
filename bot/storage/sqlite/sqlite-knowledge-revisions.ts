import type { Topic } from '../../domain.ts';
import type { Draft, KnowledgeRevisionStore, Revision, RevisionSummary } from '../console-ports.ts';
import type { Db } from './open-database.ts';
import { topicReplacer } from './sqlite-storage.ts';

type Row = Record<string, unknown>;

const toDraft = (row: Row): Draft => ({
  topicId: row.topic_id as string,
  topic: JSON.parse(row.topic as string) as Topic,
  deleted: row.deleted === 1,
  pendingRegressions: JSON.parse(row.pending_regressions as string),
  updatedBy: row.updated_by as string,
  updatedAt: row.updated_at as string,
});

const toSummary = (row: Row): RevisionSummary => ({
  id: row.id as number,
  createdAt: row.created_at as string,
  createdBy: row.created_by as string,
  message: row.message as string,
  rollbackOf: (row.rollback_of as number | null) ?? null,
  topicCount: row.topic_count as number,
});

const toRevision = (row: Row): Revision => ({ ...toSummary(row), snapshot: JSON.parse(row.snapshot as string) as Topic[] });

/** Drafts and the revision history; publishing swaps the live `topics` in the same transaction. */
export function sqliteKnowledgeRevisionStore(db: Db): KnowledgeRevisionStore {
  const replaceTopics = topicReplacer(db);
  const insertRevision = db.prepare(
    `INSERT INTO kb_revisions (created_at, created_by, message, rollback_of, topic_count, snapshot)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const deleteDraft = db.prepare('DELETE FROM kb_drafts WHERE topic_id = ?');
  const publish = db.transaction(
    (input: { snapshot: Topic[]; message: string; createdBy: string; rollbackOf: number | null; consumedDrafts: string[] }) => {
      const row = insertRevision.get(
        new Date().toISOString(),
        input.createdBy,
        input.message,
        input.rollbackOf,
        input.snapshot.length,
        JSON.stringify(input.snapshot),
      ) as Row;
      replaceTopics(input.snapshot);
      for (const id of input.consumedDrafts) deleteDraft.run(id);
      return toRevision(row);
    },
  );
  return {
    async listDrafts() {
      return (db.prepare('SELECT * FROM kb_drafts ORDER BY topic_id').all() as Row[]).map(toDraft);
    },
    async findDraft(topicId) {
      const row = db.prepare('SELECT * FROM kb_drafts WHERE topic_id = ?').get(topicId) as Row | undefined;
      return row ? toDraft(row) : null;
    },
    async saveDraft(draft) {
      const row = db
        .prepare(
          `INSERT INTO kb_drafts (topic_id, topic, deleted, pending_regressions, updated_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(topic_id) DO UPDATE SET topic = excluded.topic, deleted = excluded.deleted,
             pending_regressions = excluded.pending_regressions, updated_by = excluded.updated_by, updated_at = excluded.updated_at
           RETURNING *`,
        )
        .get(
          draft.topicId,
          JSON.stringify(draft.topic),
          draft.deleted ? 1 : 0,
          JSON.stringify(draft.pendingRegressions),
          draft.updatedBy,
          new Date().toISOString(),
        ) as Row;
      return toDraft(row);
    },
    async discardDraft(topicId) {
      return deleteDraft.run(topicId).changes > 0;
    },
    async listRevisions(limit = 100) {
      return (
        db.prepare('SELECT id, created_at, created_by, message, rollback_of, topic_count FROM kb_revisions ORDER BY id DESC LIMIT ?').all(limit) as Row[]
      ).map(toSummary);
    },
    async findRevision(id) {
      const row = db.prepare('SELECT * FROM kb_revisions WHERE id = ?').get(id) as Row | undefined;
      return row ? toRevision(row) : null;
    },
    async latestRevision() {
      const row = db.prepare('SELECT * FROM kb_revisions ORDER BY id DESC LIMIT 1').get() as Row | undefined;
      return row ? toRevision(row) : null;
    },
    async publish(input) {
      return publish(input);
    },
  };
}
