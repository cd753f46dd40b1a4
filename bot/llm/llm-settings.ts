import type { Config } from '../config.ts';

/** Which uses of the model are switched on. Understanding is on by default once an endpoint exists. */
export interface LlmFeatures {
  understanding: boolean;
  phrasing: boolean;
  embeddings: boolean;
}

/** Everything the model-backed assistant needs; absent when no endpoint is configured. */
export interface LlmSettings {
  /** Empty means OpenAI's own endpoint. */
  baseUrl: string;
  apiKey: string;
  chatModel: string;
  embeddingModel: string;
  timeoutMs: number;
  features: LlmFeatures;
  breaker: { failures: number; cooldownMs: number };
}

/**
 * An endpoint is configured by a key (OpenAI) or a base URL (a self-hosted server, which often
 * needs no key). Without either, the product runs on its lexical engine alone.
 */
export function llmSettings(config: Config): LlmSettings | null {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return null;
  const features = { understanding: config.LLM_UNDERSTANDING, phrasing: config.LLM_PHRASING, embeddings: config.LLM_EMBEDDINGS };
  if (!features.understanding && !features.phrasing && !features.embeddings) return null;
  return {
    baseUrl: config.OPENAI_BASE_URL,
    // The OpenAI client refuses an empty key; self-hosted servers ignore this placeholder.
    apiKey: config.OPENAI_API_KEY || 'not-needed',
    chatModel: config.OPENAI_MODEL,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    features,
    breaker: { failures: config.LLM_BREAKER_FAILURES, cooldownMs: config.LLM_BREAKER_COOLDOWN_MS },
  };
}
