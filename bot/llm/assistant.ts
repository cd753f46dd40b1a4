import type { LlmCall } from '../storage/llm-ports.ts';
import type { LlmFeatures } from './llm-settings.ts';
import type { PhrasingRequest, UnderstandingRequest } from './prompts.ts';
import type { Phrasing, Understanding } from './validate-output.ts';

/** What one model call cost and how it ended; recorded for staff analytics. */
export type CallReport = Omit<LlmCall, 'purpose' | 'effect' | 'conversationId'>;

/** A checked value, or null when the call failed, was refused, or its output was rejected. */
export interface Assisted<T> {
  value: T | null;
  call: CallReport;
}

/**
 * The port through which the bot asks a language model for help. Every method resolves (never
 * rejects) and within its time limit: a null value means "carry on with the lexical result".
 * Callers pass only masked citizen text and curated entries.
 */
export interface Assistant {
  readonly features: LlmFeatures;
  understand(req: UnderstandingRequest, knownTopicIds: ReadonlySet<string>): Promise<Assisted<Understanding>>;
  phrase(req: PhrasingRequest): Promise<Assisted<Phrasing>>;
  /** Embeds texts; `bulk` allows the longer time limit of indexing the knowledge base. */
  embed(texts: string[], options?: { bulk?: boolean }): Promise<Assisted<number[][]>>;
}

const SKIPPED: CallReport = { model: 'none', outcome: 'skipped', latencyMs: 0, inputTokens: null, outputTokens: null, breaker: 'closed', detail: 'disabled' };

/** The default: no endpoint configured, nothing ever leaves the process. */
export const disabledAssistant: Assistant = {
  features: { understanding: false, phrasing: false, embeddings: false },
  understand: async () => ({ value: null, call: SKIPPED }),
  phrase: async () => ({ value: null, call: SKIPPED }),
  embed: async () => ({ value: null, call: SKIPPED }),
};
