/**
 * Erases one citizen's conversation from the shell, on their request (UU 27/2022):
 *   npm run privacy:erase -- --conversation wa:6281234567890 --reason "asked by phone on 2 May, ref. 12/2026"
 * The same erasure as the console's POST /api/staff/privacy/erase, audited as done by the shell user.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { ConversationErasure } from '../bot/console/conversation-erasure.ts';
import { AppError } from '../bot/http/app-error.ts';
import { createSqliteStorage } from '../bot/storage/sqlite/sqlite-storage.ts';

const { values } = parseArgs({ options: { conversation: { type: 'string' }, reason: { type: 'string' } } });
const conversationId = values.conversation?.trim();
const reason = values.reason?.trim();
if (!conversationId || !reason || reason.length < 5) {
  console.error('Usage: npm run privacy:erase -- --conversation <id, as a ticket shows it> --reason "why (at least 5 characters)"');
  process.exit(2);
}
const config = loadConfig();
const storage = createSqliteStorage(config.databaseFile);
// No staff session here: the audit log names the account on this machine that ran the script.
const actor = { id: 'cli', email: `cli:${os.userInfo().username}` };
try {
  const counts = await new ConversationErasure({ erasure: storage.erasure, audit: storage.audit }).erase(actor, conversationId, reason);
  console.log(`Erased conversation ${conversationId} from ${config.databaseFile}:`);
  for (const [kind, rows] of Object.entries(counts)) console.log(`  ${kind}: ${Object.entries(rows).map(([what, n]) => `${what} ${n}`).join(', ')}`);
} catch (err) {
  if (err instanceof AppError && err.isOperational) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  storage.close();
}
