import { postJson } from '../platform-http.ts';
import { telegramMethodUrl } from './telegram-transport.ts';

/** The update types the bot handles; everything else is never sent to it. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface WebhookRegistration {
  apiBase: string;
  token: string;
  secret: string;
  url: string;
  dropPendingUpdates?: boolean;
}

export interface WebhookInfo {
  url: string;
  pendingUpdateCount: number;
  lastErrorMessage: string | null;
}

/**
 * Points Telegram at the bot's webhook (setWebhook with the secret token and allowed updates)
 * and reads back getWebhookInfo, so the operator sees at once whether Telegram can reach it.
 */
export async function registerTelegramWebhook(options: WebhookRegistration): Promise<{ description: string; info: WebhookInfo }> {
  if (!/^https:\/\//.test(options.url)) throw new Error('Telegram only delivers webhooks to https:// URLs (ports 443, 80, 88 or 8443).');
  const set = await postJson(
    telegramMethodUrl(options, 'setWebhook'),
    {
      url: options.url,
      secret_token: options.secret,
      allowed_updates: ALLOWED_UPDATES,
      drop_pending_updates: options.dropPendingUpdates ?? false,
    },
    {},
    15_000,
  );
  if (set.json?.ok !== true) throw new Error(`Telegram refused setWebhook: ${set.json?.description ?? `HTTP ${set.status}`}`);
  const info = await postJson(telegramMethodUrl(options, 'getWebhookInfo'), {}, {}, 15_000);
  const result = info.json?.result ?? {};
  return {
    description: String(set.json.description ?? 'Webhook was set'),
    info: { url: String(result.url ?? ''), pendingUpdateCount: Number(result.pending_update_count ?? 0), lastErrorMessage: result.last_error_message ?? null },
  };
}
