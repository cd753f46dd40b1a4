/**
 * The raw model endpoint: a chat completion that must return JSON, and embeddings. Kept apart
 * from the assistant so that the safety around it (masking, validation, time limit, breaker) is
 * written once, whatever library or server sits behind it.
 */
export interface ChatPrompt {
  system: string;
  /** The user turn: always a JSON document whose citizen-written fields are data, never instructions. */
  user: string;
}

export interface ChatReply {
  content: string;
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface ModelClient {
  readonly chatModel: string;
  readonly embeddingModel: string;
  chatJson(prompt: ChatPrompt, signal: AbortSignal): Promise<ChatReply>;
  embed(texts: string[], signal: AbortSignal): Promise<number[][]>;
}

/** How a failed call failed, for the fallback decision and the analytics. */
export type CallFailure = 'timeout' | 'rate-limited' | 'error';

export class CallTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CallTimeoutError';
  }
}

/**
 * Sorts an error from the client library into a failure kind and a short description that is
 * safe to store: a status code and class name, never a prompt or a key.
 */
export function classifyFailure(err: unknown): { kind: CallFailure; detail: string } {
  const e = (err ?? {}) as { name?: string; status?: number; code?: string; lc_error_code?: string; message?: string; cause?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const name = e.name ?? 'Error';
  if (err instanceof CallTimeoutError || name === 'TimeoutError' || name === 'AbortError' || /timed? ?out/i.test(e.message ?? '')) {
    return { kind: 'timeout', detail: 'timeout' };
  }
  if (status === 429 || e.lc_error_code === 'MODEL_RATE_LIMIT') return { kind: 'rate-limited', detail: 'HTTP 429' };
  if (status) return { kind: 'error', detail: `HTTP ${status}` };
  if (/connection|ECONNREFUSED|ECONNRESET|fetch failed/i.test(`${e.message ?? ''} ${e.code ?? ''} ${name}`)) {
    return { kind: 'error', detail: 'endpoint unreachable' };
  }
  return { kind: 'error', detail: name.slice(0, 60) };
}
