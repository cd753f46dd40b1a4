import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cooperativeModel, FakeOpenAiApi } from '../fakes/openai-api.ts';
import { answeredQuestion, sleep, usageOf } from '../helpers/llm-helpers.ts';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';

const COOL_DOWN_MS = 400;

let fake: FakeOpenAiApi;
let server: TestServer;
let breakerServer: TestServer;
beforeAll(async () => {
  fake = await FakeOpenAiApi.start();
  // A breaker that never opens, so each failure below is seen on its own.
  server = await startTestServer({ OPENAI_BASE_URL: fake.baseUrl, LLM_PHRASING: 'on', LLM_TIMEOUT_MS: '500', LLM_BREAKER_FAILURES: '100' });
  breakerServer = await startTestServer({ OPENAI_BASE_URL: fake.baseUrl, LLM_PHRASING: 'on', LLM_UNDERSTANDING: 'off', LLM_BREAKER_COOLDOWN_MS: String(COOL_DOWN_MS) });
});
afterEach(() => {
  fake.requests.length = 0;
  fake.chatScript = cooperativeModel;
});
afterAll(async () => {
  await server.dispose();
  await breakerServer.dispose();
  await fake.close();
});

function curatedAnswer(s: TestServer, topicId: string): string {
  return s.engine.topic(topicId)!.content.id.answer;
}

describe('when the endpoint is slow or failing', () => {
  it('answers from the lexical path once the time limit passes, without waiting for the slow model', async () => {
    const q = answeredQuestion(server.engine);
    fake.chatScript = () => ({ delayMs: 30_000, content: '{}' });
    const res = await chat(server, 'slow-1', q.text);
    expect(res.outcome).toMatchObject({ action: 'answer', faqId: q.topicId });
    expect(res.replies[0].text).toBe(curatedAnswer(server, q.topicId));
    expect(fake.chatRequests.length).toBeGreaterThan(0);
    expect(fake.chatRequests.every((r) => !r.answered)).toBe(true);
    const { rows } = await usageOf(server.dataDir);
    expect(rows.find((r) => r.conversation_id === 'slow-1')).toMatchObject({ purpose: 'phrasing', outcome: 'timeout', effect: 'kept' });
  });

  it('asks a rate-limited endpoint once, does not retry, and answers at once', async () => {
    const q = answeredQuestion(server.engine);
    fake.chatScript = () => ({ status: 429 });
    const res = await chat(server, 'rate-1', q.text);
    expect(res.replies[0].text).toBe(curatedAnswer(server, q.topicId));
    expect(fake.chatRequests).toHaveLength(1);
    const { rows } = await usageOf(server.dataDir);
    expect(rows.find((r) => r.conversation_id === 'rate-1')).toMatchObject({ outcome: 'rate-limited', detail: 'HTTP 429' });
  });

  it('answers from the lexical path when the endpoint returns a server error', async () => {
    const q = answeredQuestion(server.engine);
    fake.chatScript = () => ({ status: 500 });
    const res = await chat(server, 'err-1', q.text);
    expect(res.replies[0].text).toBe(curatedAnswer(server, q.topicId));
    const { rows, summary } = await usageOf(server.dataDir);
    expect(rows.find((r) => r.conversation_id === 'err-1')).toMatchObject({ outcome: 'error', detail: 'HTTP 500' });
    expect(summary.failures).toBeGreaterThanOrEqual(3);
    expect(summary.lastFailure).toMatchObject({ purpose: 'phrasing', outcome: 'error', detail: 'HTTP 500' });
  });

  it('answers from the lexical path when nothing listens at the configured address', async () => {
    const closed = await FakeOpenAiApi.start();
    const deadUrl = closed.baseUrl;
    await closed.close();
    const dead = await startTestServer({ OPENAI_BASE_URL: deadUrl, LLM_PHRASING: 'on' });
    try {
      const q = answeredQuestion(dead.engine);
      const res = await chat(dead, 'dead-1', q.text);
      expect(res.replies[0].text).toBe(curatedAnswer(dead, q.topicId));
      const { rows } = await usageOf(dead.dataDir);
      expect(rows.find((r) => r.conversation_id === 'dead-1')).toMatchObject({ outcome: 'error' });
    } finally {
      await dead.dispose();
    }
  });
});

describe('circuit breaker', () => {
  it('opens after three failures in a row, stops calling the endpoint, and closes after a successful trial', async () => {
    const q = answeredQuestion(breakerServer.engine);
    fake.chatScript = () => ({ status: 500 });
    for (let i = 1; i <= 3; i++) await chat(breakerServer, `brk-${i}`, q.text);
    expect(fake.chatRequests).toHaveLength(3);

    const whileOpen = await chat(breakerServer, 'brk-4', q.text);
    expect(whileOpen.replies[0].text).toBe(curatedAnswer(breakerServer, q.topicId));
    expect(fake.chatRequests).toHaveLength(3);
    let usage = await usageOf(breakerServer.dataDir);
    expect(usage.rows.find((r) => r.conversation_id === 'brk-3')).toMatchObject({ outcome: 'error', breaker: 'open' });
    expect(usage.rows.find((r) => r.conversation_id === 'brk-4')).toMatchObject({ outcome: 'skipped', breaker: 'open', detail: 'circuit open' });
    expect(usage.summary.breaker.chat).toBe('open');

    await sleep(COOL_DOWN_MS + 50);
    fake.chatScript = ({ data }) => ({ content: JSON.stringify({ answerable: true, text: data.entries[0].answer, citedTopicIds: [data.entries[0].id] }) });
    await chat(breakerServer, 'brk-5', q.text);
    expect(fake.chatRequests).toHaveLength(4);
    await chat(breakerServer, 'brk-6', q.text);
    expect(fake.chatRequests).toHaveLength(5);
    usage = await usageOf(breakerServer.dataDir);
    expect(usage.rows.find((r) => r.conversation_id === 'brk-5')).toMatchObject({ outcome: 'ok', breaker: 'closed' });
    expect(usage.summary.breaker.chat).toBe('closed');
  });
});
