/**
 * Loads the reviewed knowledge files into the database, replacing the published knowledge base:
 *   npm run kb:import [-- --dir knowledge]
 * Validates everything first; on any error nothing is written. Restart a running server afterwards
 * (or import through the staff console, which publishes without a restart).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { createSqliteStorage } from '../bot/storage/sqlite/sqlite-storage.ts';
import { KnowledgeError, loadKnowledgeDir } from '../knowledge/load-knowledge.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const config = loadConfig();
const dir = path.resolve(values.dir ?? config.KNOWLEDGE_DIR);
try {
  const topics = loadKnowledgeDir(dir);
  const storage = createSqliteStorage(config.databaseFile);
  await storage.knowledge.replaceTopics(topics);
  storage.close();
  console.log(`Imported ${topics.length} entries from ${dir} into ${config.databaseFile}`);
} catch (err) {
  if (!(err instanceof KnowledgeError)) throw err;
  console.error(`Import refused, nothing was written:\n  ${err.message}`);
  process.exitCode = 1;
}
