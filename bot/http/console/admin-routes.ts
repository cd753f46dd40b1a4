import { Router } from 'express';
import { z } from 'zod';
import { AUDIT_ENTITIES } from '../../storage/console-ports.ts';
import { STAFF_ROLES } from '../../storage/staff-ports.ts';
import { actorOf, type ConsoleDeps } from './console-deps.ts';
import { parseInput } from '../parse-input.ts';

const userChanges = z
  .object({ name: z.string().max(100).optional(), role: z.enum(STAFF_ROLES).optional(), disabled: z.boolean().optional() })
  .strict();
const passwordBody = z.object({ password: z.string().max(200) });
const auditQuery = z.object({
  entityType: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
});
const eraseBody = z.object({
  conversationId: z
    .string({ error: 'conversationId must be a string: the id a ticket shows' })
    .trim()
    .min(1, 'conversationId must not be empty: copy it from the ticket')
    .max(128, 'conversationId must be at most 128 characters'),
  reason: z
    .string({ error: 'reason must be a string' })
    .trim()
    .min(5, 'reason must say why (at least 5 characters), e.g. "citizen asked by e-mail on 2 May, ref. 12/2026"')
    .max(500, 'reason must be at most 500 characters'),
});

/** Admin only: staff accounts, the audit log, the bot's tunable settings, and erasing a citizen's data. */
export function adminRoutes(d: ConsoleDeps): Router {
  const router = Router();
  const admin = d.requireRole('admin');

  router.get('/api/staff/users', admin, async (_req, res) => {
    res.json({ users: await d.staffAdmin.list() });
  });
  router.patch('/api/staff/users/:id', admin, async (req, res) => {
    res.json({ user: await d.staffAdmin.update(actorOf(req), String(req.params.id), parseInput(userChanges, req.body)) });
  });
  router.post('/api/staff/users/:id/password', admin, async (req, res) => {
    await d.staffAdmin.resetPassword(actorOf(req), String(req.params.id), parseInput(passwordBody, req.body).password);
    res.status(204).end();
  });

  router.get('/api/staff/audit', admin, async (req, res) => {
    const q = parseInput(auditQuery, req.query);
    res.json({ records: await d.storage.audit.list({ ...q, limit: q.limit ?? 100 }) });
  });

  router.get('/api/staff/settings', admin, (_req, res) => {
    res.json({ settings: d.settings.get() });
  });
  router.put('/api/staff/settings', admin, async (req, res) => {
    res.json({ settings: await d.settings.update(actorOf(req), req.body ?? {}) });
  });

  router.post('/api/staff/privacy/erase', admin, async (req, res) => {
    const { conversationId, reason } = parseInput(eraseBody, req.body);
    res.json({ conversationId, ...(await d.erasure.erase(actorOf(req), conversationId, reason)) });
  });

  return router;
}
