import type { BotFrameworkReferenceStore } from '../botframework-ports.ts';
import type { Db } from './open-database.ts';

export function sqliteBotFrameworkReferences(db: Db): BotFrameworkReferenceStore {
  const upsert = db.prepare(
    `INSERT INTO botframework_references (conversation_id, reference, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
  );
  const select = db.prepare('SELECT reference FROM botframework_references WHERE conversation_id = ?');
  return {
    async save(conversationId, reference) {
      upsert.run(conversationId, JSON.stringify(reference), new Date().toISOString());
    },
    async find(conversationId) {
      const row = select.get(conversationId) as { reference: string } | undefined;
      return row ? (JSON.parse(row.reference) as Record<string, unknown>) : null;
    },
  };
}
