import express, { Router } from 'express';
import type { Logger } from '../../logger.ts';
import type { InboxGate } from '../inbox/inbox-processor.ts';
import { hubSignatureMatches, parseJsonBody, secretsMatch, unauthorizedWebhook } from '../webhook-security.ts';
import { parseWhatsAppNotification, type DeliveryReport } from './whatsapp-inbound.ts';

export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';

export interface WhatsAppRouteDeps {
  verifyToken: string;
  appSecret: string;
  phoneNumberId: string;
  inbox: InboxGate;
  recordDelivery(report: DeliveryReport): Promise<void>;
  logger: Logger;
}

/**
 * `GET /webhooks/whatsapp` answers Meta's verification handshake; `POST` checks the
 * X-Hub-Signature-256 over the exact bytes received before parsing anything, stores the messages
 * in the inbox and acknowledges at once (Meta expects a median under 250 ms). Delivery statuses
 * update the outbox; they never produce a reply.
 */
export function whatsappRoutes(deps: WhatsAppRouteDeps): Router {
  const log = deps.logger.child({ channel: 'whatsapp' });
  const router = Router();

  router.get(WHATSAPP_WEBHOOK_PATH, (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode !== 'subscribe' || typeof token !== 'string' || !secretsMatch(token, deps.verifyToken) || typeof challenge !== 'string') {
      res.status(403).json({ error: { code: 'forbidden', message: 'Verification failed: hub.mode must be subscribe and hub.verify_token must match.' } });
      return;
    }
    res.status(200).type('text/plain').send(challenge);
  });

  router.post(WHATSAPP_WEBHOOK_PATH, express.raw({ type: () => true, limit: '3mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!hubSignatureMatches(req.get('x-hub-signature-256'), raw, deps.appSecret)) {
      throw unauthorizedWebhook('Missing or wrong X-Hub-Signature-256');
    }
    const inbound = parseWhatsAppNotification(parseJsonBody(raw), deps.phoneNumberId);
    const accepted = inbound.items.length ? await deps.inbox.accept(inbound.items) : [];
    // The wamid itself is not logged: it encodes the citizen's phone number.
    for (const a of accepted) if (a.duplicate) log.info({ conversationId: a.conversationId }, 'redelivered message, already accepted');
    for (const report of inbound.deliveryReports) await deps.recordDelivery(report);
    for (const reason of inbound.ignored) log.info({ reason }, 'part of notification ignored');
    res.status(200).end();
  });
  return router;
}
