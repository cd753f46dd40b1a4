/**
 * Registers the Telegram webhook with the secret from the environment:
 *   npm run telegram:webhook -- --url https://layani.example.go.id/webhooks/telegram [--drop-pending-updates]
 * Uses TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and TELEGRAM_API_BASE.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { registerTelegramWebhook } from '../bot/channels/telegram/telegram-webhook-setup.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, 'drop-pending-updates': { type: 'boolean', default: false } } });
if (!values.url) {
  console.error('Usage: npm run telegram:webhook -- --url https://your-host/webhooks/telegram [--drop-pending-updates]');
  process.exit(2);
}
const config = loadConfig();
if (!config.TELEGRAM_BOT_TOKEN || !config.TELEGRAM_WEBHOOK_SECRET) {
  console.error('Set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first (the secret is what the server checks on every update).');
  process.exit(2);
}
if (!values.url.endsWith('/webhooks/telegram')) console.warn(`Note: the server listens on /webhooks/telegram; ${values.url} does not end with it.`);
try {
  const { description, info } = await registerTelegramWebhook({
    apiBase: config.TELEGRAM_API_BASE,
    token: config.TELEGRAM_BOT_TOKEN,
    secret: config.TELEGRAM_WEBHOOK_SECRET,
    url: values.url,
    dropPendingUpdates: values['drop-pending-updates'],
  });
  console.log(`${description}: ${info.url}`);
  console.log(`Pending updates: ${info.pendingUpdateCount}${info.lastErrorMessage ? `; last delivery error: ${info.lastErrorMessage}` : ''}`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
