import type { Locale, Topic } from '../domain.ts';
import type { UnansweredEntry } from './ports.ts';

/**
 * Ports behind the staff console: the audit trail, knowledge-base drafts and revisions, the review
 * state of unanswered questions, settings, and the read-only analytics queries.
 */

/** Who did something in the console; kept as text so the record survives a deleted account. */
export interface Actor {
  id: string;
  email: string;
}

export const AUDIT_ENTITIES = ['entry', 'revision', 'user', 'setting', 'unanswered', 'conversation'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditRecord {
  id: number;
  at: string;
  actorId: string;
  actorEmail: string;
  entityType: AuditEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export type NewAuditRecord = Omit<AuditRecord, 'id' | 'at'>;

export interface AuditStore {
  append(records: NewAuditRecord[]): Promise<void>;
  list(filter: { entityType?: AuditEntity; entityId?: string; limit?: number; beforeId?: number }): Promise<AuditRecord[]>;
}

/** A phrasing that, once the draft holding it is published, becomes an evaluation regression case. */
export interface PendingRegression {
  text: string;
  locale: Locale;
}

/** An unpublished edit of one entry; `deleted` drafts remove the entry at the next publish. */
export interface Draft {
  topicId: string;
  topic: Topic;
  deleted: boolean;
  pendingRegressions: PendingRegression[];
  updatedBy: string;
  updatedAt: string;
}

export interface RevisionSummary {
  id: number;
  createdAt: string;
  createdBy: string;
  message: string;
  /** Set when this revision republished an earlier one. */
  rollbackOf: number | null;
  topicCount: number;
}

export interface Revision extends RevisionSummary {
  snapshot: Topic[];
}

export interface KnowledgeRevisionStore {
  listDrafts(): Promise<Draft[]>;
  findDraft(topicId: string): Promise<Draft | null>;
  saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft>;
  discardDraft(topicId: string): Promise<boolean>;
  listRevisions(limit?: number): Promise<RevisionSummary[]>;
  findRevision(id: number): Promise<Revision | null>;
  latestRevision(): Promise<Revision | null>;
  /**
   * In one transaction: records the snapshot as a new revision, makes it the published knowledge
   * base (`topics`), and removes the drafts it consumed.
   */
  publish(input: { snapshot: Topic[]; message: string; createdBy: string; rollbackOf: number | null; consumedDrafts: string[] }): Promise<Revision>;
}

export type ReviewAction = 'variant' | 'new-entry' | 'out-of-scope' | 'dismissed';

export interface OutOfScopePattern {
  id: number;
  terms: string[];
  example: string;
  locale: Locale;
  createdBy: string;
  createdAt: string;
}

export interface UnansweredReviewStore {
  /** The newest unanswered questions nobody has acted on yet. */
  listOpen(limit: number): Promise<UnansweredEntry[]>;
  findEntries(ids: number[]): Promise<UnansweredEntry[]>;
  resolve(ids: number[], resolution: { action: ReviewAction; topicId: string | null; actor: string }): Promise<number>;
  addOutOfScope(patterns: Omit<OutOfScopePattern, 'id' | 'createdAt'>[]): Promise<void>;
  listOutOfScope(): Promise<OutOfScopePattern[]>;
}

export interface SettingsStore {
  all(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown): Promise<void>;
}

/** One turn's counts for one day × channel × locale. */
export interface DailyTurnCounts {
  day: string;
  channel: string;
  locale: string;
  conversations: number;
  turns: number;
  answer: number;
  clarify: number;
  fallback: number;
  handoff: number;
}

export interface AnalyticsFilter {
  from: string;
  to: string;
  channel?: string;
  locale?: string;
}

export interface AnalyticsQueries {
  dailyTurns(filter: AnalyticsFilter): Promise<DailyTurnCounts[]>;
  topTopics(filter: AnalyticsFilter, limit: number): Promise<{ topicId: string; answers: number }[]>;
  /** Optional sources that other parts of the product add; null when their table does not exist. */
  dailyFeedback(filter: AnalyticsFilter): Promise<{ day: string; channel: string; locale: string; up: number; down: number }[] | null>;
  officerTimes(filter: AnalyticsFilter): Promise<{ day: string; responseSeconds: number | null; resolutionSeconds: number | null; satisfaction: number | null; tickets: number }[] | null>;
}
