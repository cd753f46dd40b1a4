/**
 * Writes the database's published knowledge base back to reviewable files, one per area:
 *   npm run kb:export [-- --out knowledge]
 * The result is validated the same way as an import, so an export can always be imported again.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { createSqliteStorage } from '../bot/storage/sqlite/sqlite-storage.ts';
import { KnowledgeError, checkTopics, parseArea, writeKnowledgeDir } from '../knowledge/load-knowledge.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const out = path.resolve(values.out ?? config.KNOWLEDGE_DIR);
const storage = createSqliteStorage(config.databaseFile);
const topics = await storage.knowledge.listTopics();
storage.close();
try {
  const areas = [...new Set(topics.map((t) => t.area))];
  const checked = areas.flatMap((area) => {
    const entries = topics.filter((t) => t.area === area);
    return parseArea({ area, entries }, `database area ${area}`).map((topic) => ({ topic, source: `database area ${area}` }));
  });
  const files = writeKnowledgeDir(out, checkTopics(checked));
  console.log(`Exported ${topics.length} entries to:\n  ${files.join('\n  ')}`);
} catch (err) {
  if (!(err instanceof KnowledgeError)) throw err;
  console.error(`Export refused: the database holds an invalid entry:\n  ${err.message}`);
  process.exitCode = 1;
}
