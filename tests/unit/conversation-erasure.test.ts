import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationErasure, erasureReference } from '../../bot/console/conversation-erasure.ts';
import { AppError } from '../../bot/http/app-error.ts';
import { KeyedSerializer } from '../../bot/runtime/serialize-by-key.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

const ADMIN = { id: 'u1', email: 'admin@agency.go.id' };
const WHATSAPP = 'wa:6281234567890';

let storage: ReturnType<typeof createSqliteStorage>;
let lock: KeyedSerializer;
let erasure: ConversationErasure;
beforeEach(async () => {
  storage = createSqliteStorage(':memory:');
  lock = new KeyedSerializer();
  erasure = new ConversationErasure({ erasure: storage.erasure, audit: storage.audit, lock });
  const at = new Date().toISOString();
  await storage.conversations.save({ id: WHATSAPP, channel: 'whatsapp', locale: 'id', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0, createdAt: at, updatedAt: at });
  await storage.conversations.appendMessages([{ conversationId: WHATSAPP, author: 'citizen', text: 'ktp hilang' }]);
});
afterEach(() => storage.close());

describe('erasing a conversation on a citizen’s request', () => {
  it('audits a WhatsApp conversation by a fingerprint of its id, never the phone number, and the reason masked', async () => {
    await erasure.erase(ADMIN, WHATSAPP, 'asked by phone from 081234567890, NIK 3201234567890123');
    const [record] = await storage.audit.list({ entityType: 'conversation' });
    expect(record).toMatchObject({ actorEmail: ADMIN.email, entityId: erasureReference(WHATSAPP), action: 'erase' });
    expect(record.entityId).toMatch(/^wa:#[0-9a-f]{12}$/);
    expect((record.after as { reason: string }).reason).toBe('asked by phone from [PHONE], NIK [NIK]');
    expect(JSON.stringify(record)).not.toContain('6281234567890');
  });

  it('waits for a turn of the same conversation that is still running', async () => {
    let finishTurn!: () => void;
    const turn = lock.run(WHATSAPP, () => new Promise<void>((resolve) => (finishTurn = resolve)));
    const erased = erasure.erase(ADMIN, WHATSAPP, 'citizen asked by e-mail');
    await new Promise((r) => setTimeout(r, 20));
    expect(await storage.conversations.listMessages(WHATSAPP)).toHaveLength(1);
    finishTurn();
    await Promise.all([turn, erased]);
    expect(await storage.conversations.listMessages(WHATSAPP)).toEqual([]);
  });

  it('says 404 and audits nothing when nothing is stored about the conversation', async () => {
    await expect(erasure.erase(ADMIN, 'unknown', 'citizen asked by e-mail')).rejects.toMatchObject({ status: 404 } satisfies Partial<AppError>);
    expect(await storage.audit.list({ entityType: 'conversation' })).toEqual([]);
  });

  it('refuses the stand-in id an erasure leaves on kept tickets, instead of erasing it again', async () => {
    await expect(erasure.erase(ADMIN, 'erased:0b6f1c2e', 'citizen asked by e-mail')).rejects.toMatchObject({ status: 400 } satisfies Partial<AppError>);
    expect(await storage.audit.list({ entityType: 'conversation' })).toEqual([]);
  });
});
