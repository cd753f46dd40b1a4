/**
 * Compares the engine with and without the language model on the labelled evaluation set, through
 * the same turn hook the server uses. Needs a configured endpoint (OPENAI_API_KEY and/or
 * OPENAI_BASE_URL, plus the LLM_* switches): `npm run eval -- --llm`.
 */
import { loadConfig } from '../bot/config.ts';
import type { Locale } from '../bot/domain.ts';
import { loadLanguageData } from '../bot/engine/lang/language-data.ts';
import type { Engine } from '../bot/engine/pipeline.ts';
import type { Decision } from '../bot/engine/types.ts';
import { LangchainClient } from '../bot/llm/langchain-client.ts';
import { llmSettings } from '../bot/llm/llm-settings.ts';
import { ModelAssistant } from '../bot/llm/model-assistant.ts';
import { CodeMixDetector } from '../bot/llm/needs-understanding.ts';
import { TurnAssist } from '../bot/llm/turn-assist.ts';
import { createLogger } from '../bot/logger.ts';
import type { LlmUsageSummary } from '../bot/storage/llm-ports.ts';
import { createSqliteStorage } from '../bot/storage/sqlite/sqlite-storage.ts';

export interface LlmEvalCase {
  text: string;
  locale: Locale;
  /** A topic id, "out-of-scope", or a conversational intent (ignored here: the model does not touch those). */
  label: string;
}

/** Shares of the cases, 0..1; null when there were no cases of that kind. */
export interface ModeScore {
  /** Topic questions answered from the right topic. */
  answeredRight: number | null;
  /** Topic questions that got choices instead. */
  clarified: number | null;
  /** Topic questions answered from a wrong topic. */
  answeredWrong: number | null;
  /** Out-of-scope messages the bot did not answer. */
  outOfScopeHeld: number | null;
}

export interface LlmEvalReport {
  topicCases: number;
  outOfScopeCases: number;
  lexical: ModeScore;
  withModel: ModeScore;
  /** Cases the model turned from not-right into right, and the reverse. */
  fixed: number;
  broken: number;
  brokenExamples: { text: string; label: string; lexical: string; withModel: string }[];
  usage: LlmUsageSummary;
}

const OUT_OF_SCOPE = 'out-of-scope';
const fresh = { locale: null, lastTopicId: null, pendingChoices: [] };

/** Runs every case through the lexical engine, then through the same turn hook the server uses. */
export async function compareWithModel(engine: Engine, cases: LlmEvalCase[], env: NodeJS.ProcessEnv = process.env, concurrency = 4): Promise<LlmEvalReport> {
  const config = loadConfig(env);
  const settings = llmSettings(config);
  if (!settings) throw new Error('No language model configured: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a self-hosted server) to compare.');
  const storage = createSqliteStorage(':memory:');
  const assist = new TurnAssist({
    engine,
    assistant: new ModelAssistant(new LangchainClient(settings), settings),
    usage: storage.llmUsage,
    embeddings: storage.embeddings,
    codeMix: new CodeMixDetector(loadLanguageData().locales),
    logger: createLogger('silent'),
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
  });
  try {
    await assist.warmUp();
    const scored = cases.filter((c) => c.label === OUT_OF_SCOPE || c.label.includes('.'));
    const pairs = await mapLimit(scored, concurrency, async (c, i) => {
      const inbound = { conversationId: `eval-${i}`, channel: 'web' as const, text: c.text };
      const input = { text: c.text, conversation: fresh };
      const lexical = engine.run(input);
      const understood = await assist.understand(inbound, input, lexical);
      const phrased = await assist.phrase(inbound, understood);
      return { c, lexical: lexical.decision, withModel: phrased?.decision ?? understood.decision };
    });
    return report(pairs, await storage.llmUsage.summary(new Date(0).toISOString()));
  } finally {
    storage.close();
  }
}

type Pair = { c: LlmEvalCase; lexical: Decision; withModel: Decision };

function report(pairs: Pair[], usage: LlmUsageSummary): LlmEvalReport {
  const topic = pairs.filter((p) => p.c.label !== OUT_OF_SCOPE);
  const oos = pairs.filter((p) => p.c.label === OUT_OF_SCOPE);
  const right = (d: Decision, label: string) => (label === OUT_OF_SCOPE ? d.action !== 'answer' : d.action === 'answer' && d.topicId === label);
  const score = (pick: (p: Pair) => Decision): ModeScore => ({
    answeredRight: share(topic, (p) => right(pick(p), p.c.label)),
    clarified: share(topic, (p) => pick(p).action === 'clarify'),
    answeredWrong: share(topic, (p) => pick(p).action === 'answer' && !right(pick(p), p.c.label)),
    outOfScopeHeld: share(oos, (p) => right(pick(p), OUT_OF_SCOPE)),
  });
  const broken = pairs.filter((p) => right(p.lexical, p.c.label) && !right(p.withModel, p.c.label));
  return {
    topicCases: topic.length,
    outOfScopeCases: oos.length,
    lexical: score((p) => p.lexical),
    withModel: score((p) => p.withModel),
    fixed: pairs.filter((p) => !right(p.lexical, p.c.label) && right(p.withModel, p.c.label)).length,
    broken: broken.length,
    brokenExamples: broken.slice(0, 20).map((p) => ({ text: p.c.text, label: p.c.label, lexical: describe(p.lexical), withModel: describe(p.withModel) })),
    usage,
  };
}

const share = <T>(items: T[], test: (item: T) => boolean) => (items.length ? Math.round((items.filter(test).length / items.length) * 1000) / 1000 : null);
const describe = (d: Decision) => (d.action === 'answer' ? `answer ${d.topicId}` : d.action === 'clarify' ? `clarify ${d.topicIds.join('/')}` : d.action);

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

export function printLlmReport(r: LlmEvalReport): void {
  const pct = (v: number | null) => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);
  console.log(`\n== with and without the language model: ${r.topicCases} topic questions, ${r.outOfScopeCases} out of scope ==`);
  console.log('                         lexical   with model');
  for (const [name, key] of [['answered right', 'answeredRight'], ['clarified', 'clarified'], ['answered wrong', 'answeredWrong'], ['out of scope held', 'outOfScopeHeld']] as const) {
    console.log(`${name.padEnd(22)} ${pct(r.lexical[key])}    ${pct(r.withModel[key])}`);
  }
  console.log(`fixed by the model ${r.fixed}, broken by the model ${r.broken}`);
  for (const b of r.brokenExamples) console.log(`  broken [${b.label}] ${b.lexical} → ${b.withModel}: ${b.text}`);
  console.log(`model calls ${r.usage.calls} (failures ${r.usage.failures}), tokens in ${r.usage.inputTokens} / out ${r.usage.outputTokens}`);
  for (const p of r.usage.purposes) console.log(`  ${p.purpose.padEnd(16)} ${p.calls} calls, p95 ${p.p95LatencyMs ?? '-'} ms, ${JSON.stringify(p.byOutcome)} ${JSON.stringify(p.byEffect)}`);
}
