/**
 * Speed and memory, always as ratios against a baseline measured in the same run on this machine:
 *   npm run bench
 * 1. Engine: time per message of the full pipeline vs. the plain BM25 baseline, over the eval set.
 * 2. HTTP: requests/second of POST /api/chat vs. GET /healthz (the server's own floor), with autocannon
 *    against a real server on 127.0.0.1 (bounded: a few seconds each).
 * 3. Memory: resident set size of the running server after the load vs. right after start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { startServer } from '../server.ts';
import { ROOT, buildEngineFromFiles } from './lib/build-engine.ts';
import { loadEvalCases } from './lib/eval-set.ts';
import { percentile } from './lib/evaluate.ts';
import { PlainBm25 } from './lib/plain-bm25.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const evalDir = path.join(ROOT, 'tests/eval');
const texts = loadEvalCases(fs.readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(evalDir, f))).map((c) => c.text);

function timePerCall(fn: (text: string) => unknown, rounds = 3): { mean: number; p99: number } {
  for (const t of texts.slice(0, 50)) fn(t); // warm up the JIT before measuring
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const start = performance.now();
      fn(t);
      samples.push(performance.now() - start);
    }
  }
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p99: percentile(samples, 99) };
}

const engine = buildEngineFromFiles();
const baseline = new PlainBm25(engine.topics);
const empty = { locale: null, lastTopicId: null, pendingChoices: [] };
const full = timePerCall((text) => engine.run({ text, conversation: empty }));
const plain = timePerCall((text) => baseline.top(text));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-bench-'));
const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' });
const rssStart = process.memoryUsage().rss;
const load = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon({ connections: 10, duration: DURATION_S, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));
const health = await load({ url: `${server.url}/healthz` });
let i = 0;
const chat = await load({
  url: `${server.url}/api/chat`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  requests: [
    {
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ conversationId: `bench-${i % 200}`, text: texts[i++ % texts.length] }) }),
    },
  ],
});
const rssAfter = process.memoryUsage().rss;
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

const r2 = (n: number) => Math.round(n * 100) / 100;
const report = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  engine: {
    fullPipelineMsPerMessage: r2(full.mean * 1000) / 1000,
    fullPipelineP99Ms: r2(full.p99),
    plainBm25MsPerMessage: r2(plain.mean * 1000) / 1000,
    ratioVsPlainBm25: r2(full.mean / plain.mean),
  },
  http: {
    healthzRequestsPerSec: Math.round(health.requests.average),
    chatRequestsPerSec: Math.round(chat.requests.average),
    chatP99LatencyMs: chat.latency.p99,
    chatThroughputRatioVsHealthz: r2(chat.requests.average / health.requests.average),
    errors: chat.errors + chat.non2xx,
  },
  memory: { rssAfterStartMb: Math.round(rssStart / 2 ** 20), rssAfterLoadMb: Math.round(rssAfter / 2 ** 20), ratioAfterLoad: r2(rssAfter / rssStart) },
};
console.log(JSON.stringify(report, null, 2));
