import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Topic } from '../../bot/domain.ts';
import type { Storage } from '../../bot/storage/ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

/**
 * The behaviour every storage implementation must share. Run against each one (SQLite today; a
 * PostgreSQL implementation must pass the same suite).
 */
const implementations: [string, () => { storage: Storage; reopen: () => Storage; cleanup: () => void }][] = [
  [
    'sqlite',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-contract-'));
      const file = path.join(dir, 'layani.db');
      return { storage: createSqliteStorage(file), reopen: () => createSqliteStorage(file), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  ],
];

const topic = (id: string): Topic => ({
  id,
  area: id.split('.')[0],
  sourceUrl: 'https://example.go.id',
  lastReviewed: '2026-11-23',
  reviewBy: '2027-05-23',
  content: {
    id: { title: 't', questions: ['q'], answer: 'a' },
    en: { title: 't', questions: ['q'], answer: 'a' },
    jv: { title: 't', questions: ['q'], answer: 'a' },
    su: { title: 't', questions: ['q'], answer: 'a' },
  },
});

for (const [name, make] of implementations) {
  describe(`${name} storage`, () => {
    let env: ReturnType<typeof make>;
    afterEach(() => {
      env.storage.close();
      env.cleanup();
    });

    it('replaces the knowledge base atomically and keeps its order', async () => {
      env = make();
      await env.storage.knowledge.replaceTopics([topic('ktp.lost'), topic('ktp.fee')]);
      await env.storage.knowledge.replaceTopics([topic('vaksin.cost'), topic('ktp.fee')]);
      expect((await env.storage.knowledge.listTopics()).map((t) => t.id)).toEqual(['vaksin.cost', 'ktp.fee']);
      expect(await env.storage.knowledge.countTopics()).toBe(2);
    });

    it('saves conversation state and messages, masking what citizens typed, and keeps them after reopening', async () => {
      env = make();
      const now = new Date().toISOString();
      await env.storage.conversations.save({ id: 'c1', channel: 'web', locale: 'jv', mode: 'bot', lastTopicId: 'ktp.lost', pendingChoices: ['a', 'b'], consecutiveFallbacks: 1, createdAt: now, updatedAt: now });
      await env.storage.conversations.appendMessages([
        { conversationId: 'c1', author: 'citizen', text: 'nik 3201234567890123 hp 081234567890' },
        { conversationId: 'c1', author: 'bot', text: 'Halo Dukcapil 1500537', outcome: { action: 'answer' } },
      ]);
      env.storage.close();
      env.storage = env.reopen();
      expect(await env.storage.conversations.find('c1')).toMatchObject({ locale: 'jv', lastTopicId: 'ktp.lost', pendingChoices: ['a', 'b'], consecutiveFallbacks: 1 });
      const messages = await env.storage.conversations.listMessages('c1');
      expect(messages.map((m) => m.text)).toEqual(['nik [NIK] hp [PHONE]', 'Halo Dukcapil 1500537']);
      expect(messages[1].outcome).toEqual({ action: 'answer' });
    });

    it('records unanswered questions masked, newest first', async () => {
      env = make();
      await env.storage.unanswered.record({ conversationId: null, text: 'first', locale: 'id', channel: 'web', reason: 'fallback', bestTopicId: null, bestScore: 0 });
      await env.storage.unanswered.record({ conversationId: 'c', text: 'email a@b.co', locale: 'en', channel: 'telegram', reason: 'clarify', bestTopicId: 'ktp.fee', bestScore: 0.2 });
      const list = await env.storage.unanswered.list();
      expect(list.map((u) => u.text)).toEqual(['email [EMAIL]', 'first']);
      expect(list[0]).toMatchObject({ reason: 'clarify', bestTopicId: 'ktp.fee', channel: 'telegram' });
    });

    it('reports itself healthy while open', () => {
      env = make();
      expect(env.storage.isHealthy()).toBe(true);
    });
  });
}
