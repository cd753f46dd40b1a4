import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../bot/storage/ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

/** Every storage backend runs this suite; SQLite is the only one today. */
const backends: [string, () => Storage][] = [['sqlite', () => createSqliteStorage(':memory:')]];

describe.each(backends)('web chat stores on %s', (_name, open) => {
  let storage: Storage;
  afterEach(() => storage?.close());

  async function exchange() {
    storage = open();
    await storage.conversations.save({
      id: 'c1', channel: 'web', locale: 'id', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0,
      createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    });
    const [question, answer, officer] = await storage.conversations.appendMessages([
      { conversationId: 'c1', author: 'citizen', text: 'ktp hilang' },
      { conversationId: 'c1', author: 'bot', text: 'Lapor ke Disdukcapil.', outcome: { faqId: 'ktp.lost', locale: 'id' } },
      { conversationId: 'c1', author: 'officer', text: 'Halo' },
    ]);
    return { question, answer, officer };
  }

  it('a turn receipt is found by conversation and client message id, and the first one stored wins', async () => {
    storage = open();
    await storage.turnReceipts.save('c1', 'm1', { replies: ['first'] });
    await storage.turnReceipts.save('c1', 'm1', { replies: ['second'] });
    expect(await storage.turnReceipts.find('c1', 'm1')).toEqual({ replies: ['first'] });
    expect(await storage.turnReceipts.find('c2', 'm1')).toBeNull();
    expect(await storage.turnReceipts.find('c1', 'm2')).toBeNull();
  });

  it('a conversation token hash is set once: the first claim wins, a release takes back only its own', async () => {
    storage = open();
    const [first, second] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(await storage.conversationTokens.find('c1')).toBeNull();
    expect(await storage.conversationTokens.claim('c1', first)).toEqual(first);
    expect(await storage.conversationTokens.claim('c1', second)).toEqual(first);
    await storage.conversationTokens.release('c1', second);
    expect(await storage.conversationTokens.find('c1')).toEqual(first);
    await storage.conversationTokens.release('c1', first);
    expect(await storage.conversationTokens.find('c1')).toBeNull();
    expect(await storage.conversationTokens.find('c2')).toBeNull();
  });

  it('finds a rated answer together with the question it answered', async () => {
    const { question, answer } = await exchange();
    const found = await storage.feedback.exchange('c1', answer.id);
    expect(found?.answer).toMatchObject({ id: answer.id, author: 'bot' });
    expect(found?.question).toMatchObject({ id: question.id, text: 'ktp hilang' });
    expect(await storage.feedback.exchange('another', answer.id)).toBeNull();
  });

  it('keeps one rating per message, returns the one it replaced, and masks personal data in comments', async () => {
    const { answer } = await exchange();
    const rating = { conversationId: 'c1', messageId: answer.id, topicId: 'ktp.lost', locale: 'id' };
    expect(await storage.feedback.rate({ ...rating, rating: 'down', comment: 'NIK saya 3201234567890123 ditolak' })).toBeNull();
    expect(await storage.feedback.rate({ ...rating, rating: 'up', comment: null })).toBe('down');
    expect(await storage.feedback.ratings('c1')).toEqual(new Map([[answer.id, 'up']]));
    const row = (storage as Storage & { db: import('better-sqlite3').Database }).db
      .prepare('SELECT comment FROM answer_feedback WHERE message_id = ?')
      .get(answer.id) as { comment: string };
    expect(row.comment).toBe('NIK saya [NIK] ditolak');
  });
});
