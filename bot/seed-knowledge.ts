import { loadKnowledgeDir } from '../knowledge/load-knowledge.ts';
import type { Logger } from './logger.ts';
import type { Storage } from './storage/ports.ts';

/** On first start the database is empty: fill it from the reviewed files in `knowledge/`. */
export async function seedKnowledgeIfEmpty(storage: Storage, dir: string, logger: Logger): Promise<void> {
  if ((await storage.knowledge.countTopics()) > 0) return;
  const topics = loadKnowledgeDir(dir);
  await storage.knowledge.replaceTopics(topics);
  logger.info({ topics: topics.length, dir }, 'knowledge base seeded from files');
}
