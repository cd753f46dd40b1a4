import type { Engine } from '../../bot/engine/pipeline.ts';
import type { Locale } from '../../bot/domain.ts';
import type { LlmUsageSummary } from '../../bot/storage/llm-ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

const fresh = { locale: null, lastTopicId: null, pendingChoices: [] };

/**
 * A curated Indonesian phrasing (with `suffix` appended) that the lexical engine, detecting
 * Indonesian, answers from its own topic, found at run time so that tuning the engine cannot break the tests.
 */
export function answeredQuestion(engine: Engine, suffix = ''): { text: string; topicId: string } {
  for (const topic of engine.topics) {
    for (const question of topic.content.id.questions) {
      if (question.split(' ').length >= 10) continue;
      const text = `${question}${suffix}`;
      const { decision, trace } = engine.run({ text, conversation: fresh });
      if (decision.action === 'answer' && decision.topicId === topic.id && trace.locale === 'id') return { text, topicId: topic.id };
    }
  }
  throw new Error(`the engine answers none of the curated Indonesian phrasings (+ "${suffix}") from their own topic`);
}

/** The first of `texts` that the lexical engine alone does not answer from `topicId`. */
export function unplacedMessage(engine: Engine, texts: string[], locale: Locale, topicId: string): string {
  const text = texts.find((t) => {
    const { decision } = engine.run({ text: t, conversation: fresh, locale });
    return !(decision.action === 'answer' && decision.topicId === topicId);
  });
  if (!text) throw new Error(`the lexical engine now answers every example from ${topicId}: add a harder example`);
  return text;
}

/** Reads the staff analytics the server recorded, through the same store the console uses. */
export async function usageOf(dataDir: string): Promise<{ summary: LlmUsageSummary; rows: Record<string, unknown>[] }> {
  const storage = createSqliteStorage(`${dataDir}/layani.db`);
  try {
    return { summary: await storage.llmUsage.summary(), rows: storage.db.prepare('SELECT * FROM llm_calls ORDER BY id').all() as Record<string, unknown>[] };
  } finally {
    storage.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
