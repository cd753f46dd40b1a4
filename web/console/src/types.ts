// The console speaks the server's own data types: shared by type-only imports (and the locale list),
// so the two cannot drift apart. Only plain-data modules are imported here, never server code.
import type { Locale } from '../../../bot/domain.ts';
export { LOCALES } from '../../../bot/domain.ts';
export type { Locale, Topic, TopicContent } from '../../../bot/domain.ts';
export type { EntryDiff, FieldChange } from '../../../bot/console/topic-diff.ts';
export type { RevisionSummary } from '../../../bot/storage/console-ports.ts';
export { ERASED_CONVERSATION_PREFIX } from '../../../bot/storage/privacy-ports.ts';
export type { ErasureCounts } from '../../../bot/storage/privacy-ports.ts';

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
export interface ImportError {
  row: number;
  entryId: string | null;
  message: string;
}
