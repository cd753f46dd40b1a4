import { Router } from 'express';
import { z } from 'zod';
import type { ChannelDelivery } from '../channels/channel-delivery.ts';
import type { OutboxEntry, OutboxStore } from '../storage/channel-ports.ts';
import { AppError, badRequest, notFound } from './app-error.ts';
import type { RequireRole } from './staff-auth.ts';

const listQuery = z.object({
  status: z.enum(['pending', 'sent', 'failed'], { error: 'status must be pending, sent or failed' }).optional(),
  conversationId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const view = (e: OutboxEntry) => ({
  id: e.id,
  channel: e.channel,
  conversationId: e.conversationId,
  author: e.author,
  text: e.preview,
  status: e.status,
  deliveryStatus: e.deliveryStatus,
  attempts: e.attempts,
  lastError: e.lastError,
  createdAt: e.createdAt,
  sentAt: e.sentAt,
  failedAt: e.failedAt,
  nextAttemptAt: e.status === 'pending' ? new Date(e.nextAttemptAt).toISOString() : null,
});

/**
 * Staff view of Telegram/WhatsApp delivery: messages that could not be delivered (and why),
 * a retry button, and whether a WhatsApp conversation is still inside its 24-hour window.
 */
export function outboxRoutes(deps: { outbox: OutboxStore; delivery: ChannelDelivery; requireRole: RequireRole; giveUpMs: number }): Router {
  const router = Router();
  const staff = deps.requireRole('officer', 'admin');

  router.get('/api/staff/outbox', staff, async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join('; '));
    const entries = await deps.outbox.list(parsed.data);
    res.json({ messages: entries.map(view) });
  });

  router.post('/api/staff/outbox/:id/retry', staff, async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id < 1) throw badRequest('The message id must be a positive whole number.');
    const entry = await deps.outbox.retry(id, Date.now() + deps.giveUpMs);
    if (!entry) {
      if (await deps.outbox.find(id)) throw new AppError(409, 'not_failed', 'Only a message that failed can be sent again.');
      throw notFound('No outgoing message with that id.');
    }
    deps.delivery.wake();
    res.json({ message: view(entry) });
  });

  router.get('/api/staff/channels/conversations/:conversationId', staff, async (req, res) => {
    const status = await deps.delivery.status(String(req.params.conversationId));
    if (!status) throw notFound('No Telegram or WhatsApp conversation with that id.');
    res.json(status);
  });

  return router;
}
