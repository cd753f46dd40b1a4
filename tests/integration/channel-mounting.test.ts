import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMessagingChannels } from '../../bot/channels/messaging-channels.ts';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { ProactiveDelivery } from '../../bot/runtime/proactive-delivery.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

it('mounts no webhook for a channel without credentials, and officer replies to it are not taken', async () => {
  expect((await fetch(`${server.url}/webhooks/telegram`, { method: 'POST', body: '{}' })).status).toBe(404);
  expect((await fetch(`${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status).toBe(404);
  const taken = await server.proactive.deliver({ conversationId: 'tg:1', channel: 'telegram', author: 'officer', reply: { text: 'Halo' } });
  expect(taken).toBe(false);
});

it('says at start which variables a half-configured channel is missing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-mount-'));
  const storage = createSqliteStorage(path.join(dir, 'layani.db'));
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  try {
    const config = loadConfig({ DATA_DIR: dir, TELEGRAM_BOT_TOKEN: '123:abc', WHATSAPP_ACCESS_TOKEN: 'EAA', WHATSAPP_PHONE_NUMBER_ID: '1' });
    const runtime = { handle: async () => ({ replies: [], outcome: { locale: 'id' as const } }) };
    const messaging = createMessagingChannels({ config, storage, runtime, translate: (_l, k) => k, logger, proactive: new ProactiveDelivery() });
    expect(messaging.routers).toEqual([]);
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40).map((l) => l.msg);
    expect(warnings).toEqual([
      'telegram channel not mounted: set TELEGRAM_WEBHOOK_SECRET',
      'whatsapp channel not mounted: set WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET',
    ]);
  } finally {
    storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
