import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../bot/engine/pipeline.ts';
import { compareWithModel, type LlmEvalCase } from '../../scripts/eval-llm.ts';
import { loadEvalCases } from '../../scripts/lib/eval-set.ts';
import { FakeOpenAiApi } from '../fakes/openai-api.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let fake: FakeOpenAiApi;
let server: TestServer;
beforeAll(async () => {
  fake = await FakeOpenAiApi.start();
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
  await fake.close();
});

/** For each topic, an Indonesian phrasing the engine answers from it: what a perfect model would restate. */
function restatements(engine: Engine): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of engine.topics) {
    const q = t.content.id.questions.find((text) => {
      const { decision } = engine.run({ text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] }, locale: 'id' });
      return decision.action === 'answer' && decision.topicId === t.id;
    });
    if (q) out.set(t.id, q);
  }
  return out;
}

describe('npm run eval -- --llm', () => {
  it('compares the engine with and without the model on the Javanese and Sundanese evaluation lines', async () => {
    const all = loadEvalCases(['questions-id-en.jsonl', 'questions-jv-su.jsonl'].map((f) => path.resolve('tests/eval', f)));
    const byText = new Map(all.map((c) => [c.text, c.label]));
    const restate = restatements(server.engine);
    const cases: LlmEvalCase[] = all.filter((c) => (c.locale === 'jv' || c.locale === 'su') && restate.has(c.label)).slice(0, 16);
    // The fake plays a model that understands perfectly: it restates each line as a phrasing of its labelled topic.
    fake.chatScript = ({ data }) => {
      const label = byText.get(data.citizen_message) ?? '';
      return { content: JSON.stringify({ restated: restate.get(label) ?? data.citizen_message, topicId: restate.has(label) ? label : null }) };
    };

    const report = await compareWithModel(server.engine, cases, { OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: '5000' });

    expect(report.topicCases).toBe(cases.length);
    expect(report.withModel.answeredRight!).toBeGreaterThanOrEqual(report.lexical.answeredRight!);
    expect(report.withModel.answeredRight! - report.lexical.answeredRight!).toBeCloseTo(report.fixed / cases.length, 2);
    expect(report.outOfScopeCases).toBe(0);
    expect(report.withModel.outOfScopeHeld).toBeNull();
    expect(report.broken).toBe(0);
    const understanding = report.usage.purposes.find((p) => p.purpose === 'understanding')!;
    expect(understanding.calls).toBeGreaterThan(0);
    expect(understanding.byOutcome).toEqual({ ok: understanding.calls });
    expect(report.usage.inputTokens).toBeGreaterThan(0);
  });

  it('refuses to run without an endpoint and says which variables to set', async () => {
    await expect(compareWithModel(server.engine, [], {})).rejects.toThrow(/OPENAI_API_KEY.*OPENAI_BASE_URL/);
  });
});
