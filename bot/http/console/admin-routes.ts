import { Router } from 'express';
import { z } from 'zod';
import { STAFF_ROLES } from '../../storage/staff-ports.ts';
import { actorOf, type ConsoleDeps } from './console-deps.ts';
import { parseInput } from '../parse-input.ts';

const userChanges = z
  .object({ name: z.string().max(100).optional(), role: z.enum(STAFF_ROLES).optional(), disabled: z.boolean().optional() })
  .strict();
const passwordBody = z.object({ password: z.string().max(200) });
const auditQuery = z.object({
  entityType: z.enum(['entry', 'revision', 'user', 'setting', 'unanswered']).optional(),
  entityId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
});


/** Admin only: staff accounts, the audit log and the bot's tunable settings. */
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

  return router;
}
