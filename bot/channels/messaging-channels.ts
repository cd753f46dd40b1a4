import type { Router } from 'express';
import type { Config } from '../config.ts';
import type { Translate } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ProactiveDelivery } from '../runtime/proactive-delivery.ts';
import type { MessagingChannelName } from '../storage/channel-ports.ts';
import type { Storage } from '../storage/ports.ts';
import { ChannelDelivery } from './channel-delivery.ts';
import { InboxProcessor, type InboxProcessorDeps } from './inbox/inbox-processor.ts';
import type { MessagingChannel } from './messaging-channel.ts';
import { OutboxWorker } from './outbox/outbox-worker.ts';
import { createTelegramChannel } from './telegram/telegram-channel.ts';
import { telegramRoutes } from './telegram/telegram-routes.ts';
import { createWhatsAppChannel } from './whatsapp/whatsapp-channel.ts';
import { whatsappRoutes } from './whatsapp/whatsapp-routes.ts';

export interface MessagingChannels {
  /** Webhook routers; they read the raw body themselves, so mount them before the JSON parser. */
  routers: Router[];
  delivery: ChannelDelivery;
  /** Resumes unfinished inbox updates and starts the outbox worker. */
  start(): Promise<void>;
  /** Lets in-flight turns and sends finish; call before closing the store. */
  stop(): Promise<void>;
}

export interface MessagingDeps {
  config: Config;
  storage: Storage;
  runtime: InboxProcessorDeps['runtime'];
  translate: Translate;
  logger: Logger;
  proactive: ProactiveDelivery;
}

// WhatsApp redelivers for up to 7 days; a handled update's id is kept a day longer than that.
const INBOX_KEEP_MS = 8 * 24 * 3_600_000;
// Delivery reports stop after the 30-day message lifetime; sent messages are kept that long.
const SENT_KEEP_MS = 30 * 24 * 3_600_000;
const HOUSEKEEPING_EVERY_MS = 6 * 3_600_000;

/**
 * Composes Telegram and WhatsApp: each is mounted only when its credentials are configured (the
 * log says why one is not), and both share the inbox processor, the delivery path and the outbox.
 */
export function createMessagingChannels(deps: MessagingDeps): MessagingChannels {
  const { config, storage, logger } = deps;
  const channels = configuredChannels(config, logger);
  const worker = new OutboxWorker({
    outbox: storage.outbox,
    channels,
    settings: { baseMs: config.OUTBOX_RETRY_BASE_MS, maxMs: config.OUTBOX_RETRY_MAX_MS, concurrency: config.OUTBOX_CONCURRENCY },
    logger: logger.child({ component: 'outbox' }),
  });
  const onQueued = () => worker.kick();
  const delivery = new ChannelDelivery({
    storage,
    channels,
    translate: deps.translate,
    giveUpMs: config.OUTBOX_GIVE_UP_MS,
    hasWhatsAppTemplate: config.WHATSAPP_TEMPLATE_NAME !== '',
    onQueued,
  });
  const processor = new InboxProcessor({
    storage,
    runtime: deps.runtime,
    channels,
    delivery,
    translate: deps.translate,
    logger: logger.child({ component: 'inbox' }),
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    onQueued,
  });

  const routers: Router[] = [];
  if (channels.has('telegram')) routers.push(telegramRoutes({ secret: config.TELEGRAM_WEBHOOK_SECRET, inbox: processor, logger }));
  if (channels.has('whatsapp')) {
    routers.push(
      whatsappRoutes({
        verifyToken: config.WHATSAPP_VERIFY_TOKEN,
        appSecret: config.WHATSAPP_APP_SECRET,
        phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
        inbox: processor,
        recordDelivery: async (report) => void (await storage.outbox.recordDelivery(report.messageId, report.status, report.error)),
        logger,
      }),
    );
  }
  for (const name of channels.keys()) deps.proactive.register(name, delivery.sender(name));

  let housekeeping: NodeJS.Timeout | null = null;
  const tidy = async () => {
    const now = Date.now();
    await storage.inbox.prune(new Date(now - INBOX_KEEP_MS).toISOString());
    await storage.outbox.prune(new Date(now - SENT_KEEP_MS).toISOString());
  };
  return {
    routers,
    delivery,
    async start() {
      if (channels.size === 0) return;
      await tidy();
      housekeeping = setInterval(() => void tidy().catch((err) => logger.error({ err }, 'channel housekeeping failed')), HOUSEKEEPING_EVERY_MS);
      housekeeping.unref();
      worker.start();
      await processor.resume();
    },
    async stop() {
      if (housekeeping) clearInterval(housekeeping);
      await processor.stop();
      await worker.stop();
    },
  };
}

function configuredChannels(config: Config, logger: Logger): Map<MessagingChannelName, MessagingChannel> {
  const channels = new Map<MessagingChannelName, MessagingChannel>();
  const timeoutMs = config.OUTBOX_SEND_TIMEOUT_MS;
  const telegramMissing = missing({ TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: config.TELEGRAM_WEBHOOK_SECRET });
  if (telegramMissing.length === 0) {
    channels.set('telegram', createTelegramChannel({ apiBase: config.TELEGRAM_API_BASE, token: config.TELEGRAM_BOT_TOKEN, timeoutMs }));
  }
  logMounting(logger, 'telegram', '/webhooks/telegram', telegramMissing, 2);

  const whatsappMissing = missing({
    WHATSAPP_VERIFY_TOKEN: config.WHATSAPP_VERIFY_TOKEN,
    WHATSAPP_APP_SECRET: config.WHATSAPP_APP_SECRET,
    WHATSAPP_ACCESS_TOKEN: config.WHATSAPP_ACCESS_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: config.WHATSAPP_PHONE_NUMBER_ID,
  });
  if (whatsappMissing.length === 0) {
    const api = {
      apiBase: config.WHATSAPP_API_BASE,
      version: config.WHATSAPP_API_VERSION,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      timeoutMs,
    };
    const template = config.WHATSAPP_TEMPLATE_NAME
      ? { name: config.WHATSAPP_TEMPLATE_NAME, language: config.WHATSAPP_TEMPLATE_LANGUAGE, bodyParameter: config.WHATSAPP_TEMPLATE_BODY_PARAMETER }
      : null;
    channels.set('whatsapp', createWhatsAppChannel(api, template));
    if (!template) logger.warn('WHATSAPP_TEMPLATE_NAME is not set: messages after the 24-hour window cannot be delivered');
  }
  logMounting(logger, 'whatsapp', '/webhooks/whatsapp', whatsappMissing, 4);
  return channels;
}

const missing = (values: Record<string, string>) => Object.entries(values).filter(([, v]) => !v).map(([k]) => k);

function logMounting(logger: Logger, channel: string, path: string, missingKeys: string[], total: number): void {
  if (missingKeys.length === 0) logger.info({ channel, path }, `${channel} channel mounted`);
  else if (missingKeys.length === total) logger.info({ channel }, `${channel} channel not configured`);
  // A half-configured channel is a mistake worth a warning: a webhook without its secret would accept forgeries.
  else logger.warn({ channel, missing: missingKeys }, `${channel} channel not mounted: set ${missingKeys.join(', ')}`);
}
