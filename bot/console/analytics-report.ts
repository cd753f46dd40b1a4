import { stringify } from 'csv-stringify/sync';
import type { Engine } from '../engine/pipeline.ts';
import type { AnalyticsFilter, DailyTurnCounts } from '../storage/console-ports.ts';
import type { Storage } from '../storage/ports.ts';
import type { ReviewedGroup } from './unanswered-review.ts';

export interface Counts {
  conversations: number;
  messages: number;
  answer: number;
  clarify: number;
  fallback: number;
  handoff: number;
  thumbsUp: number | null;
  thumbsDown: number | null;
}

export interface Rates {
  /** Shares of the questions the bot was asked (turns that were not small talk or ticket look-ups), 0..1. */
  answerRate: number | null;
  clarifyRate: number | null;
  fallbackRate: number | null;
  handoffRate: number | null;
  /** Thumbs up / (up + down), 0..1; null until the feedback source exists or has votes. */
  satisfaction: number | null;
}

export type DayRow = { day: string } & Counts & Rates;
export type SliceRow = { day: string; channel: string; locale: string } & Counts & Rates;

export interface AnalyticsReport {
  from: string;
  to: string;
  channel: string | null;
  locale: string | null;
  totals: Counts & Rates;
  days: DayRow[];
  rows: SliceRow[];
  topTopics: { topicId: string; title: string; answers: number }[];
  topUnanswered: { key: number; text: string; locale: string; count: number; bestGuess: string | null }[];
  /** Officer response and resolution times per day; null while the handoff tickets do not exist. */
  officer: { day: string; tickets: number; responseSeconds: number | null; resolutionSeconds: number | null; satisfaction: number | null }[] | null;
  sources: { feedback: boolean; tickets: boolean };
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);

export function withRates(c: Counts): Counts & Rates {
  const questions = c.answer + c.clarify + c.fallback + c.handoff;
  const votes = (c.thumbsUp ?? 0) + (c.thumbsDown ?? 0);
  return {
    ...c,
    answerRate: ratio(c.answer, questions),
    clarifyRate: ratio(c.clarify, questions),
    fallbackRate: ratio(c.fallback, questions),
    handoffRate: ratio(c.handoff, questions),
    satisfaction: c.thumbsUp === null ? null : ratio(c.thumbsUp, votes),
  };
}

function sum(rows: (DailyTurnCounts & { up: number | null; down: number | null })[], feedback: boolean): Counts {
  const total = (k: 'conversations' | 'turns' | 'answer' | 'clarify' | 'fallback' | 'handoff') => rows.reduce((s, r) => s + r[k], 0);
  return {
    conversations: total('conversations'),
    messages: total('turns'),
    answer: total('answer'),
    clarify: total('clarify'),
    fallback: total('fallback'),
    handoff: total('handoff'),
    thumbsUp: feedback ? rows.reduce((s, r) => s + (r.up ?? 0), 0) : null,
    thumbsDown: feedback ? rows.reduce((s, r) => s + (r.down ?? 0), 0) : null,
  };
}

/** Every calendar day from `from` to `to` inclusive, so a quiet day shows as zero rather than vanishing. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`) && out.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export async function buildAnalytics(
  storage: Storage,
  engine: Engine,
  unanswered: () => Promise<ReviewedGroup[]>,
  range: { from: string; to: string; channel?: string; locale?: string },
): Promise<AnalyticsReport> {
  const nextDay = new Date(`${range.to}T00:00:00Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  const filter: AnalyticsFilter = { from: range.from, to: nextDay.toISOString().slice(0, 10), channel: range.channel, locale: range.locale };
  const [turns, feedback, officer, top] = await Promise.all([
    storage.analytics.dailyTurns(filter),
    storage.analytics.dailyFeedback(filter),
    storage.analytics.officerTimes(filter),
    storage.analytics.topTopics(filter, 10),
  ]);
  const votes = new Map((feedback ?? []).map((f) => [`${f.day}|${f.channel}|${f.locale}`, f]));
  const joined = turns.map((t) => {
    const v = votes.get(`${t.day}|${t.channel}|${t.locale}`);
    return { ...t, up: v?.up ?? null, down: v?.down ?? null };
  });
  const hasFeedback = feedback !== null;
  const groups = await unanswered();
  return {
    from: range.from,
    to: range.to,
    channel: range.channel ?? null,
    locale: range.locale ?? null,
    totals: withRates(sum(joined, hasFeedback)),
    days: daysBetween(range.from, range.to).map((day) => ({ day, ...withRates(sum(joined.filter((r) => r.day === day), hasFeedback)) })),
    rows: joined.map((r) => ({ day: r.day, channel: r.channel, locale: r.locale, ...withRates(sum([r], hasFeedback)) })),
    topTopics: top.map((t) => ({ ...t, title: engine.topic(t.topicId)?.content.id.title ?? t.topicId })),
    topUnanswered: groups.slice(0, 10).map((g) => ({ key: g.key, text: g.representative.text, locale: g.representative.locale, count: g.count, bestGuess: g.bestGuess?.topicId ?? null })),
    officer,
    sources: { feedback: hasFeedback, tickets: officer !== null },
  };
}

const CSV_FIELDS = ['day', 'channel', 'locale', 'conversations', 'messages', 'answer', 'clarify', 'fallback', 'handoff', 'thumbsUp', 'thumbsDown', 'answerRate', 'clarifyRate', 'fallbackRate', 'handoffRate', 'satisfaction'] as const;

/** One line per day × channel × locale, for a spreadsheet. */
export function analyticsCsv(report: AnalyticsReport): string {
  const rows = report.rows.map((r) => CSV_FIELDS.map((f) => r[f] ?? ''));
  return '\uFEFF' + stringify([[...CSV_FIELDS], ...rows], { record_delimiter: '\r\n' });
}
