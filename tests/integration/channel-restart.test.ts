import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textUpdate } from '../fixtures/telegram-updates.ts';
import { startChannelRig, TELEGRAM_SECRET, type ChannelRig } from '../helpers/channel-server.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig();
});
afterAll(async () => {
  await rig.dispose();
});

const deliver = (update: unknown) => rig.telegram.deliverUpdate(rig.telegramWebhook, update, TELEGRAM_SECRET);
const dropped = (chatId: number) => rig.telegram.callsTo('sendMessage').filter((c) => c.body.chat_id === chatId && c.status === 'dropped').length;

it('delivers a reply that was still queued when the process stopped, from the next process', async () => {
  rig.telegram.setDown(true);
  const update = textUpdate({ chatId: 3001, text: 'ktp hilang' });
  await deliver(update);
  await rig.telegram.waitFor(() => dropped(3001) > 0, 'a failed attempt before the restart');
  await rig.stop();
  const before = dropped(3001);
  await rig.start();
  // Only the new process is running now: its attempt proves it picked the queued reply up.
  await rig.telegram.waitFor(() => dropped(3001) > before, 'an attempt by the new process');
  rig.telegram.setDown(false);
  await rig.telegram.waitFor(() => rig.telegram.deliveredTo(3001).length === 1, 'the reply after the restart');

  // Telegram redelivering the same update to the new process changes nothing.
  expect((await deliver(update)).status).toBe(200);
  await deliver(textUpdate({ chatId: 3001, text: 'kalau rusak?' }));
  await rig.telegram.waitFor(() => rig.telegram.deliveredTo(3001).length === 2, 'the reply to the next message');
  expect(rig.telegram.deliveredTo(3001)).toHaveLength(2);
});

it('processes an update that was accepted but not yet handled when the process stopped', async () => {
  await rig.stop();
  // What a crash right after the 200 leaves behind: the update is in the inbox, nothing was sent.
  const storage = createSqliteStorage(path.join(rig.server.dataDir, 'layani.db'));
  await storage.inbox.accept([
    {
      channel: 'telegram',
      externalId: 'm:3002:77',
      conversationId: 'tg:3002',
      address: { chatId: 3002 },
      sentAt: new Date().toISOString(),
      payload: { kind: 'message', message: { conversationId: 'tg:3002', channel: 'telegram', text: 'jadwal imunisasi anak' } },
    },
  ]);
  storage.close();
  await rig.start();
  await rig.telegram.waitFor(() => rig.telegram.deliveredTo(3002).length === 1, 'the reply to the recovered update');
});
