import type { Assistant, Assisted, CallReport } from './assistant.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { LlmFeatures } from './llm-settings.ts';
import { CallTimeoutError, classifyFailure, type ModelClient } from './model-client.ts';
import { phrasingPrompt, understandingPrompt, type PhrasingRequest, type UnderstandingRequest } from './prompts.ts';
import { checkPhrasing, checkUnderstanding, type Checked, type Phrasing, type Understanding } from './validate-output.ts';

export interface ModelAssistantOptions {
  features: LlmFeatures;
  timeoutMs: number;
  breaker: { failures: number; cooldownMs: number };
  now?: () => number;
}

/** Indexing the whole knowledge base is one-off background work: it may take longer than a turn. */
const BULK_TIMEOUT_FACTOR = 10;

interface RawResult<T> {
  checked: Checked<T>;
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * The assistant over a real endpoint: every call runs under a hard deadline and a circuit breaker
 * (one for chat, one for embeddings, since a missing embedding model must not silence the chat),
 * and every chat output is validated before anyone sees it.
 */
export class ModelAssistant implements Assistant {
  private readonly chatBreaker: CircuitBreaker;
  private readonly embedBreaker: CircuitBreaker;
  private readonly now: () => number;

  constructor(
    private readonly client: ModelClient,
    private readonly options: ModelAssistantOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.chatBreaker = new CircuitBreaker({ ...options.breaker, now: this.now });
    this.embedBreaker = new CircuitBreaker({ ...options.breaker, now: this.now });
  }

  get features(): LlmFeatures {
    return this.options.features;
  }

  understand(req: UnderstandingRequest, knownTopicIds: ReadonlySet<string>): Promise<Assisted<Understanding>> {
    return this.chat(understandingPrompt(req), (content) => checkUnderstanding(content, knownTopicIds));
  }

  phrase(req: PhrasingRequest): Promise<Assisted<Phrasing>> {
    return this.chat(phrasingPrompt(req), (content) => checkPhrasing(content, req.entries));
  }

  embed(texts: string[], options: { bulk?: boolean } = {}): Promise<Assisted<number[][]>> {
    const timeoutMs = options.bulk ? this.options.timeoutMs * BULK_TIMEOUT_FACTOR : this.options.timeoutMs;
    return this.guard(this.embedBreaker, this.client.embeddingModel, timeoutMs, async (signal) => {
      const vectors = await this.client.embed(texts, signal);
      const checked: Checked<number[][]> =
        vectors.length === texts.length && vectors.every((v) => v.length > 0 && v.length === vectors[0].length)
          ? { ok: true, value: vectors }
          : { ok: false, reason: 'wrong number or size of vectors' };
      return { checked, inputTokens: null, outputTokens: null };
    });
  }

  private chat<T>(prompt: { system: string; user: string }, check: (content: string) => Checked<T>): Promise<Assisted<T>> {
    return this.guard(this.chatBreaker, this.client.chatModel, this.options.timeoutMs, async (signal) => {
      const reply = await this.client.chatJson(prompt, signal);
      return { checked: check(reply.content), inputTokens: reply.inputTokens, outputTokens: reply.outputTokens };
    });
  }

  /** Breaker, deadline and failure sorting around one call. Never rejects. */
  private async guard<T>(breaker: CircuitBreaker, model: string, timeoutMs: number, call: (signal: AbortSignal) => Promise<RawResult<T>>): Promise<Assisted<T>> {
    const started = this.now();
    const report = (partial: Partial<CallReport> & Pick<CallReport, 'outcome'>): CallReport => ({
      model,
      latencyMs: Math.round(this.now() - started),
      inputTokens: null,
      outputTokens: null,
      breaker: breaker.state,
      detail: null,
      ...partial,
    });
    if (!breaker.tryAcquire()) return { value: null, call: report({ outcome: 'skipped', detail: 'circuit open' }) };
    try {
      const raw = await withDeadline(call, timeoutMs);
      // The endpoint answered: a rejected output is the model's fault, not the endpoint's.
      breaker.recordSuccess();
      const tokens = { inputTokens: raw.inputTokens, outputTokens: raw.outputTokens };
      return raw.checked.ok
        ? { value: raw.checked.value, call: report({ outcome: 'ok', ...tokens }) }
        : { value: null, call: report({ outcome: 'rejected', detail: raw.checked.reason, ...tokens }) };
    } catch (err) {
      breaker.recordFailure();
      const failure = classifyFailure(err);
      return { value: null, call: report({ outcome: failure.kind, detail: failure.detail }) };
    }
  }
}

/** Settles within `ms` whatever the library does with the abort signal. */
function withDeadline<T>(call: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new CallTimeoutError(ms);
      controller.abort(err);
      reject(err);
    }, ms);
  });
  return Promise.race([call(controller.signal), deadline]).finally(() => clearTimeout(timer));
}
