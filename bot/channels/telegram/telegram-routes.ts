import express, { Router, type RequestHandler } from 'express';
import type { Logger } from '../../logger.ts';
import type { InboxGate } from '../inbox/inbox-processor.ts';
import { parseJsonBody, secretsMatch, unauthorizedWebhook } from '../webhook-security.ts';
import { parseTelegramUpdate } from './telegram-inbound.ts';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * `POST /webhooks/telegram`. The secret header is checked before the body is even read; the
 * update is stored in the inbox and acknowledged at once, and the turn runs afterwards, so a slow
 * turn can never make Telegram time out and deliver the update again. A tapped button's spinner
 * is stopped in the webhook response itself (Telegram runs a `method` found in a 2xx body).
 */
export function telegramRoutes(deps: { secret: string; inbox: InboxGate; logger: Logger }): Router {
  const log = deps.logger.child({ channel: 'telegram' });
  const verify: RequestHandler = (req, _res, next) => {
    if (!secretsMatch(req.get(SECRET_HEADER), deps.secret)) throw unauthorizedWebhook(`Missing or wrong ${SECRET_HEADER} header`);
    next();
  };
  const router = Router();
  router.post(TELEGRAM_WEBHOOK_PATH, verify, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const inbound = parseTelegramUpdate(parseJsonBody(req.body));
    if (inbound.handled) {
      const [accepted] = await deps.inbox.accept([inbound.item]);
      if (accepted.duplicate) log.info({ conversationId: accepted.conversationId }, 'redelivered update, already accepted');
    } else {
      log.info({ reason: inbound.reason }, 'update ignored');
    }
    if (inbound.callbackQueryId) {
      res.json({ method: 'answerCallbackQuery', callback_query_id: inbound.callbackQueryId });
    } else {
      res.status(200).end();
    }
  });
  return router;
}
