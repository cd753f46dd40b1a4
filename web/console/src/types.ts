export const LOCALES = ['id', 'en', 'jv', 'su'] as const;
export type Locale = (typeof LOCALES)[number];

export interface TopicContent {
  title: string;
  questions: string[];
  answer: string;
}
export interface Topic {
  id: string;
  area: string;
  sourceUrl: string;
  lastReviewed: string;
  reviewBy: string;
  content: Record<Locale, TopicContent>;
}
export interface EntrySummary {
  id: string;
  area: string;
  title: string;
  status: 'published' | 'draft' | 'new' | 'deleted';
  complete: Record<Locale, boolean>;
  stale: boolean;
  reviewBy: string;
  updatedAt: string | null;
  problems: number;
}
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
export interface EntryDiff {
  topicId: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}
export interface RevisionSummary {
  id: number;
  createdAt: string;
  createdBy: string;
  message: string;
  rollbackOf: number | null;
  topicCount: number;
}
export interface ImportError {
  row: number;
  entryId: string | null;
  message: string;
}
