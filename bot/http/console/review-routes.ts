import { Router } from 'express';
import { z } from 'zod';
import { LOCALES } from '../../domain.ts';
import { actorOf, type ConsoleDeps } from './console-deps.ts';
import { parseInput } from '../parse-input.ts';

const ids = z.array(z.number().int().positive()).min(1).max(2000);
const actionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add-variants'),
    ids,
    topicId: z.string().min(1).max(100),
    phrasings: z.array(z.object({ text: z.string().trim().min(2).max(500), locale: z.enum(LOCALES) })).max(200).optional(),
  }),
  z.object({ action: z.literal('create-entry'), ids, id: z.string().max(100), area: z.string().max(40) }),
  z.object({ action: z.literal('out-of-scope'), ids }),
  z.object({ action: z.literal('dismiss'), ids }),
]);

/** The unanswered review: groups of questions the bot could not answer, and what editors do with them. */
export function reviewRoutes(d: ConsoleDeps): Router {
  const router = Router();
  const editor = d.requireRole('editor');

  router.get('/api/staff/unanswered', editor, async (req, res) => {
    const groups = await d.review.groups(req.query.sort === 'newest' ? 'newest' : 'frequent');
    res.json({ groups, total: groups.reduce((s, g) => s + g.count, 0) });
  });

  router.post('/api/staff/unanswered/actions', editor, async (req, res) => {
    const a = parseInput(actionSchema, req.body);
    const actor = actorOf(req);
    switch (a.action) {
      case 'add-variants':
        return void res.json(await d.review.addVariants(actor, a.ids, a.topicId, a.phrasings));
      case 'create-entry':
        return void res.status(201).json({ draft: await d.review.createEntry(actor, a.ids, a.id, a.area) });
      case 'out-of-scope':
        await d.review.markOutOfScope(actor, a.ids);
        return void res.json({ ok: true });
      case 'dismiss':
        await d.review.dismiss(actor, a.ids);
        return void res.json({ ok: true });
    }
  });

  return router;
}
