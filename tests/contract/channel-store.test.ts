import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewInboxItem, NewOutbound } from '../../bot/storage/channel-ports.ts';
import type { Storage } from '../../bot/storage/ports.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

/** The channel stores' contract; every storage implementation must pass it. */
function channelStoreContract(name: string, open: (file: string) => Storage) {
  describe(`${name} channel stores`, () => {
    let dir: string;
    let storage: Storage;
    const file = () => path.join(dir, 'layani.db');
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-channels-'));
      storage = open(file());
    });
    afterEach(() => {
      storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const item = (externalId: string, conversationId = 'tg:1', extra: Partial<NewInboxItem> = {}): NewInboxItem => ({
      channel: 'telegram',
      externalId,
      conversationId,
      address: { chatId: 1 },
      sentAt: '2026-05-01T08:00:00.000Z',
      payload: { kind: 'message', message: { conversationId, channel: 'telegram', text: `pesan ${externalId}` } },
      ...extra,
    });
    const outbound = (conversationId: string, text: string): NewOutbound => ({
      channel: 'telegram',
      conversationId,
      author: 'bot',
      request: { method: 'sendMessage', body: { chat_id: 1, text } },
      preview: text,
      giveUpAt: Date.now() + 60_000,
    });

    it('accepts an update once per platform id, also after the store is reopened', async () => {
      expect(await storage.inbox.accept([item('m:1:1'), item('m:1:1')])).toEqual([
        { conversationId: 'tg:1', duplicate: false },
        { conversationId: 'tg:1', duplicate: true },
      ]);
      storage.close();
      storage = open(file());
      expect(await storage.inbox.accept([item('m:1:1')])).toEqual([{ conversationId: 'tg:1', duplicate: true }]);
      expect((await storage.inbox.pending('tg:1')).map((e) => e.id)).toHaveLength(1);
    });

    it('keeps a person’s conversation when they later arrive only by their platform user id', async () => {
      await storage.inbox.accept([item('w1', 'wa:6281', { channel: 'whatsapp', address: { to: '6281' }, platformUserId: 'US.1' })]);
      const [later] = await storage.inbox.accept([item('w2', 'wa:US.1', { channel: 'whatsapp', address: { recipient: 'US.1' }, platformUserId: 'US.1' })]);
      expect(later.conversationId).toBe('wa:6281');
      expect(await storage.channelContacts.find('wa:6281')).toMatchObject({ address: { recipient: 'US.1' }, platformUserId: 'US.1' });
      expect((await storage.inbox.pending('wa:6281')).map((e) => e.payload.kind === 'message' && e.payload.message.conversationId)).toEqual(['wa:6281', 'wa:6281']);
    });

    it('tracks the latest time the citizen wrote, even when an older message arrives late', async () => {
      await storage.inbox.accept([item('a', 'tg:1', { sentAt: '2026-05-02T00:00:00.000Z' })]);
      await storage.inbox.accept([item('b', 'tg:1', { sentAt: '2026-05-01T00:00:00.000Z' })]);
      expect((await storage.channelContacts.find('tg:1'))!.lastInboundAt).toBe('2026-05-02T00:00:00.000Z');
    });

    it('completes an update and queues its replies together, forgetting the citizen’s raw words', async () => {
      await storage.inbox.accept([item('m:1:1')]);
      const [entry] = await storage.inbox.pending('tg:1');
      await storage.inbox.complete(entry.id, {}, [outbound('tg:1', 'jawaban')], [{ faqId: 'ktp.lost', label: 'KTP hilang' }]);
      expect(await storage.inbox.pending('tg:1')).toEqual([]);
      expect(await storage.inbox.conversationsWithPending()).toEqual([]);
      expect((await storage.outbox.list({ status: 'pending' })).map((e) => e.preview)).toEqual(['jawaban']);
      expect((await storage.channelContacts.find('tg:1'))!.menu).toEqual([{ faqId: 'ktp.lost', label: 'KTP hilang' }]);
      // Completing twice (a second process racing) queues nothing more.
      await storage.inbox.complete(entry.id, {}, [outbound('tg:1', 'lagi')]);
      expect(await storage.outbox.list({})).toHaveLength(1);
    });

    it('offers only the oldest pending message of each conversation, skipping busy ones', async () => {
      await storage.outbox.enqueue([outbound('tg:1', 'a1'), outbound('tg:1', 'a2'), outbound('tg:2', 'b1')]);
      const now = Date.now() + 1;
      expect((await storage.outbox.dueHeads(now, ['telegram'], [], 10)).map((e) => e.preview)).toEqual(['a1', 'b1']);
      expect((await storage.outbox.dueHeads(now, ['telegram'], ['tg:1'], 10)).map((e) => e.preview)).toEqual(['b1']);
      expect(await storage.outbox.dueHeads(now, ['whatsapp'], [], 10)).toEqual([]);

      const [a1] = await storage.outbox.dueHeads(now, ['telegram'], ['tg:2'], 10);
      await storage.outbox.reschedule(a1.id, now + 5_000, 'HTTP 500');
      // a2 waits behind a1 even though a2 itself is due: that is what keeps the order.
      expect((await storage.outbox.dueHeads(now, ['telegram'], [], 10)).map((e) => e.preview)).toEqual(['b1']);
      expect(await storage.outbox.nextDueAt(['telegram'], ['tg:2'])).toBe(now + 5_000);
      await storage.outbox.markSent(a1.id, '1001');
      expect((await storage.outbox.dueHeads(now, ['telegram'], ['tg:2'], 10)).map((e) => e.preview)).toEqual(['a2']);
    });

    it('moves delivery status only forward, and lets staff retry a failed message', async () => {
      await storage.outbox.enqueue([outbound('tg:1', 'x')]);
      const [x] = await storage.outbox.list({});
      await storage.outbox.markSent(x.id, 'wamid.X');
      expect(await storage.outbox.recordDelivery('wamid.X', 'read')).toBe(true);
      expect(await storage.outbox.recordDelivery('wamid.X', 'delivered')).toBe(false);
      expect(await storage.outbox.recordDelivery('wamid.X', 'failed', 'WhatsApp #131026: undeliverable')).toBe(true);
      expect(await storage.outbox.recordDelivery('wamid.X', 'read')).toBe(false);
      expect((await storage.outbox.list({ status: 'failed' })).map((e) => e.lastError)).toEqual(['WhatsApp #131026: undeliverable']);
      const retried = await storage.outbox.retry(x.id, Date.now() + 60_000);
      expect(retried).toMatchObject({ status: 'pending', attempts: 0, deliveryStatus: null });
      expect(await storage.outbox.retry(x.id, Date.now())).toBeNull();
    });

    it('masks personal data in recorded errors', async () => {
      await storage.outbox.enqueue([outbound('tg:1', 'x')]);
      const [x] = await storage.outbox.list({});
      await storage.outbox.markFailed(x.id, 'refused for 081234567890', true);
      expect((await storage.outbox.find(x.id))!.lastError).toBe('refused for [PHONE]');
    });
  });
}

channelStoreContract('SQLite', (file) => createSqliteStorage(file));
