import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

/**
 * Analytics reads tables that other parts of the product own (the widget's answer feedback, the
 * handoff tickets). Where those migrations are not installed the figures are null; where they are,
 * these rows (shaped like theirs) must be counted. IF NOT EXISTS: the real migration may be present.
 */
let storage: ReturnType<typeof createSqliteStorage>;
const filter = { from: '2026-11-01', to: '2026-12-01' };

beforeEach(async () => {
  storage = createSqliteStorage(':memory:');
  const now = '2026-11-20T08:00:00.000Z';
  for (const [id, channel, locale] of [['c1', 'web', 'id'], ['c2', 'telegram', 'jv']]) {
    await storage.conversations.save({ id, channel: channel as 'web', locale: locale as 'id', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0, createdAt: now, updatedAt: now });
  }
});
afterEach(() => storage.close());

const hasTable = (name: string) => Boolean(storage.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

describe('analytics over optional sources', () => {
  it('counts thumbs up and down per day, channel and locale from answer_feedback', async () => {
    if (!hasTable('answer_feedback')) {
      expect(await storage.analytics.dailyFeedback(filter)).toBeNull();
      storage.db.exec(`CREATE TABLE answer_feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, message_id INTEGER NOT NULL,
        rating TEXT NOT NULL, comment TEXT, topic_id TEXT, locale TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    }
    const [m1, m2, m3] = await storage.conversations.appendMessages(
      ['a', 'b', 'c'].map((text, i) => ({ conversationId: i < 2 ? 'c1' : 'c2', author: 'bot' as const, text })),
    );
    const insert = storage.db.prepare('INSERT INTO answer_feedback (conversation_id, message_id, rating, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('c1', m1.id, 'up', 'id', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z');
    insert.run('c1', m2.id, 'down', 'id', '2026-11-20T09:01:00Z', '2026-11-20T09:01:00Z');
    insert.run('c2', m3.id, 'up', 'jv', '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z');
    expect(await storage.analytics.dailyFeedback(filter)).toEqual([
      { day: '2026-11-20', channel: 'web', locale: 'id', up: 1, down: 1 },
      { day: '2026-11-21', channel: 'telegram', locale: 'jv', up: 1, down: 0 },
    ]);
    expect(await storage.analytics.dailyFeedback({ ...filter, channel: 'telegram' })).toHaveLength(1);
  });

  it('measures officer first response and resolution times and ratings from tickets', async () => {
    if (!hasTable('tickets')) {
      expect(await storage.analytics.officerTimes(filter)).toBeNull();
      storage.db.exec(`CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL, channel TEXT NOT NULL,
        locale TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL, end_reason TEXT, satisfaction INTEGER,
        created_at TEXT NOT NULL, assigned_at TEXT, ended_at TEXT)`);
    }
    const insert = storage.db.prepare(
      `INSERT INTO tickets (number, conversation_id, channel, locale, kind, reason, status, end_reason, satisfaction, created_at, assigned_at, ended_at)
       VALUES (?, ?, ?, ?, 'assistance', 'requested', ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('T-1', 'c1', 'web', 'id', 'resolved', 'resolved', 5, '2026-11-20T08:00:00.000Z', '2026-11-20T08:02:00.000Z', '2026-11-20T08:30:00.000Z');
    insert.run('T-2', 'c2', 'telegram', 'jv', 'resolved', 'resolved', 3, '2026-11-20T10:00:00.000Z', '2026-11-20T10:04:00.000Z', '2026-11-20T11:00:00.000Z');
    expect(await storage.analytics.officerTimes(filter)).toEqual([
      { day: '2026-11-20', tickets: 2, responseSeconds: 180, resolutionSeconds: 2700, satisfaction: 4 },
    ]);
  });
});
