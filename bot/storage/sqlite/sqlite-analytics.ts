import type { AnalyticsFilter, AnalyticsQueries, DailyTurnCounts } from '../console-ports.ts';
import type { Db } from './open-database.ts';

/**
 * One row per citizen message with the decision of the bot reply stored right after it (a turn
 * is written in one transaction, so the first reply's id is the citizen message's id + 1).
 */
const TURNS = `
  SELECT substr(p.created_at, 1, 10) AS day, c.channel AS channel,
         COALESCE(json_extract(m.outcome, '$.locale'), c.locale, 'id') AS locale,
         p.conversation_id AS conversation_id,
         json_extract(m.outcome, '$.action') AS action,
         json_extract(m.outcome, '$.faqId') AS faq_id
  FROM messages p
  JOIN conversations c ON c.id = p.conversation_id
  LEFT JOIN messages m ON m.id = p.id + 1 AND m.conversation_id = p.conversation_id AND m.author = 'bot'
  WHERE p.author = 'citizen' AND p.created_at >= @from AND p.created_at < @to`;

function where(filter: AnalyticsFilter): string {
  const parts = ['1 = 1'];
  if (filter.channel) parts.push('channel = @channel');
  if (filter.locale) parts.push('locale = @locale');
  return parts.join(' AND ');
}

const params = (f: AnalyticsFilter) => ({ from: f.from, to: f.to, channel: f.channel ?? null, locale: f.locale ?? null });

const hasTable = (db: Db, name: string) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

export function sqliteAnalytics(db: Db): AnalyticsQueries {
  return {
    async dailyTurns(filter) {
      const sql = `SELECT day, channel, locale, COUNT(DISTINCT conversation_id) AS conversations, COUNT(*) AS turns,
          SUM(action = 'answer') AS answer, SUM(action = 'clarify') AS clarify,
          SUM(action = 'fallback') AS fallback, SUM(action = 'handoff') AS handoff
        FROM (${TURNS}) WHERE ${where(filter)} GROUP BY day, channel, locale ORDER BY day, channel, locale`;
      return (db.prepare(sql).all(params(filter)) as DailyTurnCounts[]).map((r) => ({
        ...r,
        answer: r.answer ?? 0,
        clarify: r.clarify ?? 0,
        fallback: r.fallback ?? 0,
        handoff: r.handoff ?? 0,
      }));
    },
    async topTopics(filter, limit) {
      const sql = `SELECT faq_id AS topicId, COUNT(*) AS answers FROM (${TURNS})
        WHERE ${where(filter)} AND action = 'answer' AND faq_id IS NOT NULL GROUP BY faq_id ORDER BY answers DESC, faq_id LIMIT @limit`;
      return db.prepare(sql).all({ ...params(filter), limit }) as { topicId: string; answers: number }[];
    },
    async dailyFeedback(filter) {
      // Thumbs up/down on answers come from the web widget's `answer_feedback` table, when it is installed.
      if (!hasTable(db, 'answer_feedback')) return null;
      const sql = `SELECT day, channel, locale, SUM(rating = 'up') AS up, SUM(rating = 'down') AS down FROM (
          SELECT substr(f.created_at, 1, 10) AS day, c.channel AS channel, COALESCE(f.locale, c.locale, 'id') AS locale, f.rating AS rating
          FROM answer_feedback f JOIN conversations c ON c.id = f.conversation_id
          WHERE f.created_at >= @from AND f.created_at < @to)
        WHERE ${where(filter)} GROUP BY day, channel, locale ORDER BY day`;
      return db.prepare(sql).all(params(filter)) as { day: string; channel: string; locale: string; up: number; down: number }[];
    },
    async officerTimes(filter) {
      // Officer response and resolution times come from the handoff `tickets`, when that part is installed.
      if (!hasTable(db, 'tickets')) return null;
      const sql = `SELECT day, COUNT(*) AS tickets, AVG(response) AS responseSeconds, AVG(resolution) AS resolutionSeconds, AVG(satisfaction) AS satisfaction FROM (
          SELECT substr(t.created_at, 1, 10) AS day, t.channel AS channel, t.locale AS locale, t.satisfaction AS satisfaction,
            (julianday(COALESCE((SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = t.conversation_id
               AND m.author = 'officer' AND m.created_at >= t.created_at), t.assigned_at)) - julianday(t.created_at)) * 86400 AS response,
            CASE WHEN t.end_reason = 'resolved' THEN (julianday(t.ended_at) - julianday(t.created_at)) * 86400 END AS resolution
          FROM tickets t WHERE t.created_at >= @from AND t.created_at < @to)
        WHERE ${where(filter)} GROUP BY day ORDER BY day`;
      return (db.prepare(sql).all(params(filter)) as { day: string; tickets: number; responseSeconds: number | null; resolutionSeconds: number | null; satisfaction: number | null }[]).map((r) => ({
        ...r,
        responseSeconds: r.responseSeconds === null ? null : Math.round(r.responseSeconds),
        resolutionSeconds: r.resolutionSeconds === null ? null : Math.round(r.resolutionSeconds),
        satisfaction: r.satisfaction === null ? null : Math.round(r.satisfaction * 100) / 100,
      }));
    },
  };
}
