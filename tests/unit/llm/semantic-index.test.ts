import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../bot/domain.ts';
import type { Assistant, CallReport } from '../../../bot/llm/assistant.ts';
import { SemanticIndex } from '../../../bot/llm/semantic-index.ts';
import type { StoredEmbedding } from '../../../bot/storage/llm-ports.ts';
import { buildEngineFromFiles } from '../../../scripts/lib/build-engine.ts';

const topics: Topic[] = buildEngineFromFiles().topics;
const OK: CallReport = { model: 'm', outcome: 'ok', latencyMs: 1, inputTokens: null, outputTokens: null, breaker: 'closed', detail: null };

/** An embedding model whose answers the test releases one batch at a time. */
function heldModel() {
  const pending: (() => void)[] = [];
  const assistant: Assistant = {
    features: { understanding: false, phrasing: false, embeddings: true },
    understand: async () => ({ value: null, call: OK }),
    phrase: async () => ({ value: null, call: OK }),
    embed: (texts) => new Promise((resolve) => pending.push(() => resolve({ value: texts.map(() => [1, 0]), call: OK }))),
  };
  return { assistant, pending };
}

function memoryCache() {
  const saved: StoredEmbedding[] = [];
  return {
    saved,
    find: async () => [],
    save: async (_model: string, rows: StoredEmbedding[]) => void saved.push(...rows),
    retain: async () => {},
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('SemanticIndex.stop', () => {
  it('waits for the batch in flight to be saved, then starts no other', async () => {
    const { assistant, pending } = heldModel();
    const cache = memoryCache();
    const index = new SemanticIndex({ assistant, cache, model: 'm', onCall: () => {} });
    const building = index.refresh(topics);
    await settle();
    expect(pending).toHaveLength(1);

    let stopped = false;
    const stopping = index.stop(10_000).then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    pending[0]();
    await stopping;
    await building;
    expect(cache.saved).toHaveLength(128);
    await settle();
    expect(pending).toHaveLength(1);
    expect(index.isReady).toBe(false);
  });

  it('gives up waiting after its time limit when the model does not answer', async () => {
    const { assistant } = heldModel();
    const index = new SemanticIndex({ assistant, cache: memoryCache(), model: 'm', onCall: () => {} });
    void index.refresh(topics);
    await settle();
    await expect(index.stop(30)).resolves.toBeUndefined();
  });
});
