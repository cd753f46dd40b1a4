import type {
  EmbeddingCacheStore,
  LlmCallOutcome,
  LlmEffect,
  LlmPurpose,
  LlmPurposeSummary,
  LlmUsageStore,
  LlmUsageSummary,
} from '../llm-ports.ts';
import type { Db } from './open-database.ts';

const WEEK_MS = 7 * 24 * 3_600_000;
const FAILURES: LlmCallOutcome[] = ['timeout', 'rate-limited', 'error'];

export function sqliteLlmUsageStore(db: Db): LlmUsageStore {
  const insert = db.prepare(
    `INSERT INTO llm_calls (created_at, purpose, model, outcome, latency_ms, input_tokens, output_tokens, breaker, effect, detail, conversation_id)
     VALUES (@createdAt, @purpose, @model, @outcome, @latencyMs, @inputTokens, @outputTokens, @breaker, @effect, @detail, @conversationId)`,
  );
  const groups = db.prepare(
    `SELECT purpose, outcome, effect, COUNT(*) AS n, SUM(COALESCE(input_tokens, 0)) AS tin, SUM(COALESCE(output_tokens, 0)) AS tout
     FROM llm_calls WHERE created_at >= ? GROUP BY purpose, outcome, effect`,
  );
  const latency = db.prepare(
    `SELECT COUNT(*) AS n, AVG(latency_ms) AS avg FROM llm_calls WHERE created_at >= ? AND purpose = ? AND outcome != 'skipped'`,
  );
  const latencyAt = db.prepare(
    `SELECT latency_ms AS ms FROM llm_calls WHERE created_at >= ? AND purpose = ? AND outcome != 'skipped'
     ORDER BY latency_ms LIMIT 1 OFFSET ?`,
  );
  const lastBreaker = db.prepare(
    `SELECT breaker FROM llm_calls WHERE purpose IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1`,
  );
  const lastFailure = db.prepare(
    `SELECT created_at, purpose, outcome, detail FROM llm_calls
     WHERE outcome IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1`,
  );

  function purposeSummary(since: string, purpose: LlmPurpose, rows: GroupRow[]): LlmPurposeSummary {
    const mine = rows.filter((r) => r.purpose === purpose);
    const byOutcome: LlmPurposeSummary['byOutcome'] = {};
    const byEffect: LlmPurposeSummary['byEffect'] = {};
    for (const r of mine) {
      byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + r.n;
      byEffect[r.effect] = (byEffect[r.effect] ?? 0) + r.n;
    }
    const timing = latency.get(since, purpose) as { n: number; avg: number | null };
    const p95 = timing.n > 0 ? (latencyAt.get(since, purpose, Math.ceil(timing.n * 0.95) - 1) as { ms: number }).ms : null;
    return {
      purpose,
      calls: mine.reduce((s, r) => s + r.n, 0),
      byOutcome,
      byEffect,
      avgLatencyMs: timing.avg == null ? null : Math.round(timing.avg),
      p95LatencyMs: p95,
      inputTokens: mine.reduce((s, r) => s + r.tin, 0),
      outputTokens: mine.reduce((s, r) => s + r.tout, 0),
    };
  }

  return {
    async record(call) {
      insert.run({ ...call, createdAt: new Date().toISOString() });
    },
    async summary(since = new Date(Date.now() - WEEK_MS).toISOString()): Promise<LlmUsageSummary> {
      const rows = groups.all(since) as GroupRow[];
      const purposes = [...new Set(rows.map((r) => r.purpose))].sort().map((p) => purposeSummary(since, p, rows));
      const failure = lastFailure.get(JSON.stringify(FAILURES)) as Record<string, string> | undefined;
      const breakerOf = (ps: LlmPurpose[]) => ((lastBreaker.get(JSON.stringify(ps)) as { breaker: LlmUsageSummary['breaker']['chat'] } | undefined)?.breaker ?? null);
      return {
        since,
        calls: purposes.reduce((s, p) => s + p.calls, 0),
        failures: rows.filter((r) => FAILURES.includes(r.outcome)).reduce((s, r) => s + r.n, 0),
        inputTokens: purposes.reduce((s, p) => s + p.inputTokens, 0),
        outputTokens: purposes.reduce((s, p) => s + p.outputTokens, 0),
        purposes,
        breaker: { chat: breakerOf(['understanding', 'phrasing']), embeddings: breakerOf(['embedding', 'embedding-index']) },
        lastFailure: failure
          ? { at: failure.created_at, purpose: failure.purpose as LlmPurpose, outcome: failure.outcome as LlmCallOutcome, detail: failure.detail ?? null }
          : null,
      };
    },
  };
}

interface GroupRow {
  purpose: LlmPurpose;
  outcome: LlmCallOutcome;
  effect: LlmEffect;
  n: number;
  tin: number;
  tout: number;
}

export function sqliteEmbeddingCache(db: Db): EmbeddingCacheStore {
  const upsert = db.prepare(
    `INSERT INTO llm_embeddings (model, text_hash, vector, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(model, text_hash) DO UPDATE SET vector = excluded.vector, created_at = excluded.created_at`,
  );
  const saveAll = db.transaction((model: string, rows: { textHash: string; vector: Float32Array }[]) => {
    const at = new Date().toISOString();
    for (const r of rows) upsert.run(model, r.textHash, Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength), at);
  });
  return {
    async find(model, textHashes) {
      const rows = db
        .prepare('SELECT text_hash, vector FROM llm_embeddings WHERE model = ? AND text_hash IN (SELECT value FROM json_each(?))')
        .all(model, JSON.stringify(textHashes)) as { text_hash: string; vector: Buffer }[];
      return rows.map((r) => ({ textHash: r.text_hash, vector: toFloat32(r.vector) }));
    },
    async save(model, embeddings) {
      saveAll(model, embeddings);
    },
    async retain(model, textHashes) {
      db.prepare('DELETE FROM llm_embeddings WHERE model = ? AND text_hash NOT IN (SELECT value FROM json_each(?))').run(model, JSON.stringify(textHashes));
    },
  };
}

/** Copies out of the driver's buffer, which may not be 4-byte aligned. */
function toFloat32(buf: Buffer): Float32Array {
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}
