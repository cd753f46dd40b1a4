import { FakeGraphApi } from '../fakes/fake-graph-api.ts';
import { FakeTelegram } from '../fakes/fake-telegram.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export const TELEGRAM_SECRET = 'tg-webhook-secret_42';
export const WHATSAPP_VERIFY_TOKEN = 'verify-me-please';
export const WHATSAPP_TEMPLATE = 'layani_officer_reply';

export interface ChannelRig {
  server: TestServer;
  telegram: FakeTelegram;
  graph: FakeGraphApi;
  telegramWebhook: string;
  whatsappWebhook: string;
  /** Stops the server, keeping its data directory (a process that went away). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** Env that points both channels at the loopback fakes, with retry timings small enough for tests. */
export function channelEnv(telegram: FakeTelegram, graph: FakeGraphApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_BASE: telegram.url,
    WHATSAPP_VERIFY_TOKEN,
    WHATSAPP_APP_SECRET: graph.settings.appSecret,
    WHATSAPP_ACCESS_TOKEN: graph.settings.accessToken,
    WHATSAPP_PHONE_NUMBER_ID: graph.settings.phoneNumberId,
    WHATSAPP_API_BASE: graph.url,
    WHATSAPP_API_VERSION: graph.settings.version,
    WHATSAPP_TEMPLATE_NAME: WHATSAPP_TEMPLATE,
    WHATSAPP_TEMPLATE_LANGUAGE: 'id',
    OUTBOX_RETRY_BASE_MS: '20',
    OUTBOX_RETRY_MAX_MS: '200',
    OUTBOX_SEND_TIMEOUT_MS: '3000',
    OUTBOX_GIVE_UP_MS: '60000',
    ...extra,
  };
}

/** The real server on a loopback port with Telegram and WhatsApp pointed at fresh fakes. */
export async function startChannelRig(extra: Record<string, string> = {}): Promise<ChannelRig> {
  const telegram = await FakeTelegram.start();
  const graph = await FakeGraphApi.start();
  const env = channelEnv(telegram, graph, extra);
  const rig: ChannelRig = {
    server: await startTestServer(env),
    telegram,
    graph,
    get telegramWebhook() {
      return `${rig.server.url}/webhooks/telegram`;
    },
    get whatsappWebhook() {
      return `${rig.server.url}/webhooks/whatsapp`;
    },
    async stop() {
      await rig.server.stop();
    },
    async start() {
      rig.server = await startTestServer(env, rig.server.dataDir);
    },
    async dispose() {
      await rig.server.dispose();
      await telegram.close();
      await graph.close();
    },
  };
  return rig;
}

/** Polls `probe` until it returns a value that is not undefined (state reached over HTTP). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function history(server: { url: string }, conversationId: string): Promise<{ author: string; text: string; outcome: any }[]> {
  const res = await fetch(`${server.url}/api/chat/${encodeURIComponent(conversationId)}/messages`);
  return ((await res.json()) as { messages: { author: string; text: string; outcome: any }[] }).messages;
}
