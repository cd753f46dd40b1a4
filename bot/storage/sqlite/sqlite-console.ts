import type { Locale } from '../../domain.ts';
import type { AuditRecord, AuditStore, OutOfScopePattern, SettingsStore, UnansweredReviewStore } from '../console-ports.ts';
import type { UnansweredEntry } from '../ports.ts';
import type { Db } from './open-database.ts';

type Row = Record<string, unknown>;
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) : null);

export function sqliteAuditStore(db: Db): AuditStore {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor_id, actor_email, entity_type, entity_id, action, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const appendAll = db.transaction((records: Parameters<AuditStore['append']>[0]) => {
    const at = new Date().toISOString();
    for (const r of records) insert.run(at, r.actorId, r.actorEmail, r.entityType, r.entityId, r.action, json(r.before), json(r.after));
  });
  return {
    async append(records) {
      appendAll(records);
    },
    async list({ entityType, entityId, limit = 100, beforeId }) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (entityType) where.push('entity_type = ?') && args.push(entityType);
      if (entityId) where.push('entity_id = ?') && args.push(entityId);
      if (beforeId) where.push('id < ?') && args.push(beforeId);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, limit) as Row[]).map(
        (row): AuditRecord => ({
          id: row.id as number,
          at: row.at as string,
          actorId: row.actor_id as string,
          actorEmail: row.actor_email as string,
          entityType: row.entity_type as AuditRecord['entityType'],
          entityId: row.entity_id as string,
          action: row.action as string,
          before: parse(row.before),
          after: parse(row.after),
        }),
      );
    },
  };
}

const toUnanswered = (row: Row): UnansweredEntry => ({
  id: row.id as number,
  conversationId: (row.conversation_id as string | null) ?? null,
  text: row.text as string,
  locale: row.locale as Locale,
  channel: row.channel as UnansweredEntry['channel'],
  reason: row.reason as UnansweredEntry['reason'],
  bestTopicId: (row.best_topic_id as string | null) ?? null,
  bestScore: row.best_score as number,
  createdAt: row.created_at as string,
});

export function sqliteUnansweredReviewStore(db: Db): UnansweredReviewStore {
  const resolveOne = db.prepare(
    `INSERT OR IGNORE INTO unanswered_resolutions (unanswered_id, action, topic_id, actor, at)
     SELECT id, ?, ?, ?, ? FROM unanswered WHERE id = ?`,
  );
  const resolveAll = db.transaction((ids: number[], action: string, topicId: string | null, actor: string) => {
    const at = new Date().toISOString();
    return ids.reduce((n, id) => n + resolveOne.run(action, topicId, actor, at, id).changes, 0);
  });
  const insertPattern = db.prepare('INSERT INTO out_of_scope_patterns (terms, example, locale, created_by, created_at) VALUES (?, ?, ?, ?, ?)');
  const addPatterns = db.transaction((patterns: Omit<OutOfScopePattern, 'id' | 'createdAt'>[]) => {
    const at = new Date().toISOString();
    for (const p of patterns) insertPattern.run(JSON.stringify(p.terms), p.example, p.locale, p.createdBy, at);
  });
  return {
    async listOpen(limit) {
      // A clarify counts only while nobody picked a choice: drop it once the conversation's next bot
      // reply after the clarify itself answered. (Timestamps can tie within a turn, so the clarify's
      // own reply is skipped by its action, not by time.)
      const rows = db
        .prepare(
          `SELECT u.* FROM unanswered u LEFT JOIN unanswered_resolutions r ON r.unanswered_id = u.id
           WHERE r.unanswered_id IS NULL
             AND NOT (u.reason = 'clarify' AND COALESCE((
               SELECT json_extract(m.outcome, '$.action') FROM messages m
               WHERE m.conversation_id = u.conversation_id AND m.author = 'bot' AND m.created_at >= u.created_at
                 AND COALESCE(json_extract(m.outcome, '$.action'), '') <> 'clarify'
               ORDER BY m.id LIMIT 1), '') = 'answer')
           ORDER BY u.id DESC LIMIT ?`,
        )
        .all(limit) as Row[];
      return rows.map(toUnanswered);
    },
    async findEntries(ids) {
      if (ids.length === 0) return [];
      const rows = db.prepare(`SELECT * FROM unanswered WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as Row[];
      return rows.map(toUnanswered);
    },
    async resolve(ids, { action, topicId, actor }) {
      return resolveAll(ids, action, topicId, actor);
    },
    async addOutOfScope(patterns) {
      addPatterns(patterns);
    },
    async listOutOfScope() {
      return (db.prepare('SELECT * FROM out_of_scope_patterns ORDER BY id').all() as Row[]).map((row) => ({
        id: row.id as number,
        terms: JSON.parse(row.terms as string) as string[],
        example: row.example as string,
        locale: row.locale as Locale,
        createdBy: row.created_by as string,
        createdAt: row.created_at as string,
      }));
    },
  };
}

export function sqliteSettingsStore(db: Db): SettingsStore {
  return {
    async all() {
      const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    },
    async set(key, value) {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
    },
  };
}
