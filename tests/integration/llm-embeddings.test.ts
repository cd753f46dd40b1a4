import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Topic } from '../../bot/domain.ts';
import { FakeOpenAiApi } from '../fakes/openai-api.ts';
import { sleep, usageOf } from '../helpers/llm-helpers.ts';
import { chat, startTestServer, type TestServer } from '../helpers/test-server.ts';

const ENV = { LLM_EMBEDDINGS: 'on', LLM_UNDERSTANDING: 'off', OPENAI_EMBEDDING_MODEL: 'nomic-embed-text' };
const JAVANESE = 'Nyuwun sewu, KTP kula ical wonten pasar, NIK kula 3201234567890123, pripun carane ngurus malih?';

let fake: FakeOpenAiApi;
let server: TestServer;
beforeAll(async () => {
  fake = await FakeOpenAiApi.start();
});
afterAll(async () => {
  await server?.dispose();
  await fake.close();
});

const phrasings = (topics: Topic[]) => new Set(topics.flatMap((t) => LOCALES.flatMap((l) => [t.content[l].title, ...t.content[l].questions])));
const embeddedTexts = () => fake.embeddingRequests.flatMap((r) => r.body.input as string[]);

/** Waits, without asserting on time, until `done` holds; fails with `what` if it never does. */
async function eventually(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await sleep(25);
  if (!done()) throw new Error(`never happened: ${what}`);
}

describe('embeddings of the knowledge base', () => {
  it('embeds every curated phrasing once, caches them, and after a restart embeds only citizen queries, masked', async () => {
    server = await startTestServer({ ...ENV, OPENAI_BASE_URL: fake.baseUrl });
    const expected = phrasings(server.engine.topics);
    await eventually(() => new Set(embeddedTexts()).size === expected.size, 'the whole knowledge base embedded');
    expect(embeddedTexts()).toHaveLength(expected.size);
    expect(new Set(embeddedTexts())).toEqual(expected);
    expect(fake.embeddingRequests.every((r) => r.body.model === 'nomic-embed-text')).toBe(true);

    await server.stop();
    fake.requests.length = 0;
    server = await startTestServer({ ...ENV, OPENAI_BASE_URL: fake.baseUrl }, server.dataDir);
    for (let i = 0; i < 200 && !fake.embeddingRequests.length; i++) {
      await chat(server, `jv-${i}`, JAVANESE, { locale: 'jv' });
      if (!fake.embeddingRequests.length) await sleep(25);
    }
    expect(fake.embeddingRequests.length).toBeGreaterThan(0);
    expect(fake.embeddingRequests.every((r) => r.body.input.length === 1)).toBe(true);
    expect(fake.embeddingRequests[0].body.input[0]).toBe(JAVANESE.replace('3201234567890123', '[NIK]'));
    const { rows } = await usageOf(server.dataDir);
    expect(rows.some((r) => r.purpose === 'embedding' && r.outcome === 'ok')).toBe(true);
  });

  it('after the knowledge base changes, embeds only the phrasings that are new', async () => {
    fake.requests.length = 0;
    const topics = server.engine.topics.map((t) => structuredClone(t));
    const added = 'ktp kula ical wonten terminal, kedah pripun';
    topics.find((t) => t.id === 'ktp.lost')!.content.jv.questions.push(added);
    server.engine.reload(topics);

    for (let i = 0; i < 200 && !embeddedTexts().includes(added); i++) {
      await chat(server, `jv-rev-${i}`, JAVANESE, { locale: 'jv' });
      if (!embeddedTexts().includes(added)) await sleep(25);
    }
    const bulk = fake.embeddingRequests.filter((r) => r.body.input.includes(added));
    expect(bulk).toHaveLength(1);
    expect(bulk[0].body.input).toEqual([added]);
  });
});
