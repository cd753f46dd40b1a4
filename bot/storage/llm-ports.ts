/**
 * What the optional language-model help keeps: one row per model call for staff analytics, and the
 * embeddings of the knowledge base's phrasings so they are computed once, not at every start.
 */

/** Why the bot asked the model: restate a hard question, phrase an answer, or embed text. */
export type LlmPurpose = 'understanding' | 'phrasing' | 'embedding' | 'embedding-index';

/**
 * How a call ended. `rejected`: the endpoint answered but the output failed validation;
 * `skipped`: the circuit breaker was open, nothing was sent.
 */
export const LLM_CALL_OUTCOMES = ['ok', 'rejected', 'timeout', 'rate-limited', 'error', 'skipped'] as const;
export type LlmCallOutcome = (typeof LLM_CALL_OUTCOMES)[number];

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * What the call changed in the turn: `restated` (the decision came from the restated question),
 * `kept` (the lexical result stood), `phrased` (the model composed the reply), `fell-back`
 * (the model said the entries do not answer), `hinted` (the model's topic reordered choices).
 */
export type LlmEffect = 'restated' | 'kept' | 'phrased' | 'fell-back' | 'hinted' | 'indexed' | 'none';

export interface LlmCall {
  purpose: LlmPurpose;
  model: string;
  outcome: LlmCallOutcome;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The breaker's state right after the call. */
  breaker: BreakerState;
  effect: LlmEffect;
  /** A short technical reason for a failure or rejection (never citizen text). */
  detail: string | null;
  conversationId: string | null;
}

export interface LlmPurposeSummary {
  purpose: LlmPurpose;
  calls: number;
  byOutcome: Partial<Record<LlmCallOutcome, number>>;
  byEffect: Partial<Record<LlmEffect, number>>;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
}

/** What the staff console shows about the model: volume, cost drivers, failures, breaker state. */
export interface LlmUsageSummary {
  since: string;
  calls: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  purposes: LlmPurposeSummary[];
  /** The breaker state recorded by the latest chat call and the latest embedding call. */
  breaker: { chat: BreakerState | null; embeddings: BreakerState | null };
  lastFailure: { at: string; purpose: LlmPurpose; outcome: LlmCallOutcome; detail: string | null } | null;
}

export interface LlmUsageStore {
  record(call: LlmCall): Promise<void>;
  /** Totals since the given ISO time (default: the last 7 days). */
  summary(since?: string): Promise<LlmUsageSummary>;
}

/** One cached embedding, keyed by the model and a hash of the exact text embedded. */
export interface StoredEmbedding {
  textHash: string;
  vector: Float32Array;
}

export interface EmbeddingCacheStore {
  /** The cached vectors among `textHashes` for this model. */
  find(model: string, textHashes: string[]): Promise<StoredEmbedding[]>;
  save(model: string, embeddings: StoredEmbedding[]): Promise<void>;
  /** Forgets this model's vectors for texts no longer in the knowledge base. */
  retain(model: string, textHashes: string[]): Promise<void>;
}
