import { createHash } from 'node:crypto';
import { LOCALES, type Topic } from '../domain.ts';
import type { EmbeddingCacheStore, LlmEffect, LlmPurpose } from '../storage/llm-ports.ts';
import type { Assistant, CallReport } from './assistant.ts';

export interface SemanticHit {
  topicId: string;
  /** Best cosine similarity between the query and one of the topic's phrasings. */
  similarity: number;
}

export interface SemanticIndexDeps {
  assistant: Assistant;
  cache: EmbeddingCacheStore;
  model: string;
  onCall(purpose: LlmPurpose, call: CallReport, effect: LlmEffect): void;
}

interface Phrasing {
  topicId: string;
  text: string;
  hash: string;
}

const BATCH = 128;
/** Within the usual 10 s between SIGTERM and SIGKILL, leaving time to close the store. */
const STOP_WAIT_MS = 5_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Embeddings of every curated phrasing (questions and titles, all locales). Computed once per
 * knowledge-base revision in the background, cached in the store by model and text hash, so a
 * restart or a small edit only embeds what is new. Until it is ready, turns simply go without it.
 */
export class SemanticIndex {
  private revision: string | null = null;
  private buildingRevision: string | null = null;
  private building: Promise<void> = Promise.resolve();
  private stopped = false;
  private vectors: { topicId: string; vector: Float32Array; norm: number }[] = [];

  constructor(private readonly deps: SemanticIndexDeps) {}

  get isReady(): boolean {
    return this.revision !== null;
  }

  /** Starts a background rebuild when the knowledge base differs from the indexed one. */
  refresh(topics: Topic[]): Promise<void> {
    const phrasings = phrasingsOf(topics);
    const revision = sha256(phrasings.map((p) => `${p.topicId}\u0000${p.hash}`).join('\n'));
    if (this.stopped || revision === this.revision || revision === this.buildingRevision) return Promise.resolve();
    this.buildingRevision = revision;
    const build = this.build(revision, phrasings).finally(() => {
      if (this.buildingRevision === revision) this.buildingRevision = null;
    });
    this.building = Promise.all([this.building, build.catch(() => undefined)]).then(() => undefined);
    return build;
  }

  /**
   * Starts no new batch and waits for the one in flight to be saved, so a vector already paid for
   * is kept for the next process; but no longer than `maxWaitMs`, since a slow model must not hold
   * the process past its shutdown grace period (a late save then fails and is logged).
   */
  async stop(maxWaitMs = STOP_WAIT_MS): Promise<void> {
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
    await Promise.race([this.building, gaveUp]);
    clearTimeout(timer);
  }

  /** Topics nearest to an (already masked) text, best first; null when the index is not ready. */
  async nearest(text: string, limit = 5): Promise<{ hits: SemanticHit[]; call: CallReport } | null> {
    if (!this.isReady) return null;
    const embedded = await this.deps.assistant.embed([text]);
    if (!embedded.value) return { hits: [], call: embedded.call };
    const query = embedded.value[0];
    const queryNorm = Math.hypot(...query);
    const best = new Map<string, number>();
    for (const v of this.vectors) {
      if (v.vector.length !== query.length) continue;
      let dot = 0;
      for (let i = 0; i < query.length; i++) dot += query[i] * v.vector[i];
      const similarity = dot / (queryNorm * v.norm || 1);
      if (similarity > (best.get(v.topicId) ?? -Infinity)) best.set(v.topicId, similarity);
    }
    const hits = [...best].map(([topicId, similarity]) => ({ topicId, similarity })).sort((a, b) => b.similarity - a.similarity);
    return { hits: hits.slice(0, limit), call: embedded.call };
  }

  private async build(revision: string, phrasings: Phrasing[]): Promise<void> {
    const { cache, model } = this.deps;
    const hashes = [...new Set(phrasings.map((p) => p.hash))];
    const known = new Map((await cache.find(model, hashes)).map((e) => [e.textHash, e.vector]));
    const missing = [...new Map(phrasings.filter((p) => !known.has(p.hash)).map((p) => [p.hash, p.text]))];
    for (let i = 0; i < missing.length; i += BATCH) {
      if (this.stopped) return;
      const batch = missing.slice(i, i + BATCH);
      const embedded = await this.deps.assistant.embed(batch.map(([, text]) => text), { bulk: true });
      this.deps.onCall('embedding-index', embedded.call, embedded.value ? 'indexed' : 'none');
      // Give up for now; the next turn's refresh tries again (the breaker paces the retries).
      if (!embedded.value) return;
      const rows = batch.map(([textHash], j) => ({ textHash, vector: Float32Array.from(embedded.value![j]) }));
      await cache.save(model, rows);
      for (const r of rows) known.set(r.textHash, r.vector);
    }
    // A newer revision started meanwhile: its build will install itself and prune the cache.
    if (this.buildingRevision !== revision) return;
    await cache.retain(model, hashes);
    this.vectors = phrasings.map((p) => {
      const vector = known.get(p.hash)!;
      return { topicId: p.topicId, vector, norm: Math.hypot(...vector) };
    });
    this.revision = revision;
  }
}

function phrasingsOf(topics: Topic[]): Phrasing[] {
  return topics.flatMap((t) =>
    LOCALES.flatMap((l) => [t.content[l].title, ...t.content[l].questions]).map((text) => ({ topicId: t.id, text, hash: sha256(text) })),
  );
}
