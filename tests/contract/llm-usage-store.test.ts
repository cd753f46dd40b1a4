import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmCall } from '../../bot/storage/llm-ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

let storage: ReturnType<typeof createSqliteStorage>;
beforeEach(() => {
  storage = createSqliteStorage(':memory:');
});
afterEach(() => storage.close());

const call = (over: Partial<LlmCall>): LlmCall => ({
  purpose: 'understanding',
  model: 'gpt-4o-mini',
  outcome: 'ok',
  latencyMs: 100,
  inputTokens: 500,
  outputTokens: 20,
  breaker: 'closed',
  effect: 'kept',
  detail: null,
  conversationId: 'c1',
  ...over,
});

describe('language-model usage store', () => {
  it('summarises calls, tokens, latency, failures and the latest breaker state per purpose', async () => {
    for (const ms of [100, 200, 300, 400]) await storage.llmUsage.record(call({ latencyMs: ms, effect: ms > 200 ? 'restated' : 'kept' }));
    await storage.llmUsage.record(call({ outcome: 'timeout', latencyMs: 4000, inputTokens: null, outputTokens: null, breaker: 'closed', detail: 'timeout', effect: 'none' }));
    await storage.llmUsage.record(call({ purpose: 'phrasing', outcome: 'rejected', detail: 'contains a link not in the entries', effect: 'kept', inputTokens: 900, outputTokens: 80 }));
    await storage.llmUsage.record(call({ outcome: 'skipped', latencyMs: 0, inputTokens: null, outputTokens: null, breaker: 'open', effect: 'none', detail: 'circuit open' }));

    const summary = await storage.llmUsage.summary();
    expect(summary).toMatchObject({ calls: 7, failures: 1, inputTokens: 2900, outputTokens: 160, breaker: { chat: 'open', embeddings: null } });
    expect(summary.lastFailure).toMatchObject({ purpose: 'understanding', outcome: 'timeout', detail: 'timeout' });
    const understanding = summary.purposes.find((p) => p.purpose === 'understanding')!;
    expect(understanding).toMatchObject({
      calls: 6,
      byOutcome: { ok: 4, timeout: 1, skipped: 1 },
      byEffect: { kept: 2, restated: 2, none: 2 },
      avgLatencyMs: 1000,
      p95LatencyMs: 4000,
      inputTokens: 2000,
      outputTokens: 80,
    });
    expect(summary.purposes.find((p) => p.purpose === 'phrasing')).toMatchObject({ calls: 1, byOutcome: { rejected: 1 } });
  });

  it('counts only calls since the given time', async () => {
    await storage.llmUsage.record(call({}));
    const summary = await storage.llmUsage.summary(new Date(Date.now() + 60_000).toISOString());
    expect(summary).toMatchObject({ calls: 0, purposes: [], lastFailure: null });
  });
});

describe('embedding cache', () => {
  it('returns saved vectors bit for bit, per model, and forgets texts no longer retained', async () => {
    const v = Float32Array.from([0.25, -1.5, 3e-8]);
    await storage.embeddings.save('m1', [{ textHash: 'a', vector: v }, { textHash: 'b', vector: Float32Array.from([1, 2, 3]) }]);
    expect(await storage.embeddings.find('m1', ['a', 'zzz'])).toEqual([{ textHash: 'a', vector: v }]);
    expect(await storage.embeddings.find('m2', ['a'])).toEqual([]);
    await storage.embeddings.retain('m1', ['b']);
    expect((await storage.embeddings.find('m1', ['a', 'b'])).map((e) => e.textHash)).toEqual(['b']);
  });
});
