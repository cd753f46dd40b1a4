import { Router } from 'express';
import { z } from 'zod';
import { toCsv, toJson } from '../../console/knowledge-transfer.ts';
import { LOCALES } from '../../domain.ts';
import { renderReply } from '../../runtime/render-reply.ts';
import { actorOf, type ConsoleDeps } from './console-deps.ts';
import { parseInput } from '../parse-input.ts';

const filterSchema = z.object({
  q: z.string().max(200).optional(),
  area: z.string().max(40).optional(),
  missing: z.enum([...LOCALES, 'any']).optional(),
  stale: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  status: z.enum(['published', 'draft', 'new', 'deleted']).optional(),
});
const publishSchema = z.object({ message: z.string().max(300).optional(), topicIds: z.array(z.string().max(100)).max(500).optional() });
const trySchema = z.object({ text: z.string().trim().min(1).max(1000), locale: z.enum(LOCALES).optional(), drafts: z.boolean().optional() });
const revisionId = z.coerce.number().int().positive();


/** Knowledge-base curation: entries and drafts, publishing, revisions, export and "try it". */
export function knowledgeRoutes(d: ConsoleDeps): Router {
  const router = Router();
  const read = d.requireRole('editor', 'officer');
  const write = d.requireRole('editor');

  router.get('/api/staff/kb/entries', read, async (req, res) => {
    res.json({ entries: await d.editor.listEntries(parseInput(filterSchema, req.query)) });
  });
  router.post('/api/staff/kb/entries', write, async (req, res) => {
    const id = typeof req.body?.id === 'string' ? req.body.id : '';
    res.status(201).json({ draft: await d.editor.saveDraft(actorOf(req), id, req.body, { mustBeNew: true }) });
  });
  router.get('/api/staff/kb/entries/:id', read, async (req, res) => {
    res.json(await d.editor.getEntry(String(req.params.id)));
  });
  router.put('/api/staff/kb/entries/:id/draft', write, async (req, res) => {
    res.json({ draft: await d.editor.saveDraft(actorOf(req), String(req.params.id), req.body) });
  });
  router.delete('/api/staff/kb/entries/:id/draft', write, async (req, res) => {
    await d.editor.discardDraft(actorOf(req), String(req.params.id));
    res.status(204).end();
  });
  router.delete('/api/staff/kb/entries/:id', write, async (req, res) => {
    res.json({ draft: await d.editor.deleteEntry(actorOf(req), String(req.params.id)) });
  });

  router.post('/api/staff/kb/publish', write, async (req, res) => {
    res.json(await d.publisher.publishDrafts(actorOf(req), parseInput(publishSchema, req.body ?? {})));
  });
  router.get('/api/staff/kb/revisions', read, async (_req, res) => {
    res.json({ revisions: await d.storage.revisions.listRevisions(200) });
  });
  router.get('/api/staff/kb/revisions/:id', read, async (req, res) => {
    res.json(await d.editor.revisionDetail(parseInput(revisionId, req.params.id)));
  });
  router.post('/api/staff/kb/revisions/:id/rollback', write, async (req, res) => {
    res.json(await d.publisher.rollback(actorOf(req), parseInput(revisionId, req.params.id)));
  });

  router.get('/api/staff/kb/export', read, async (req, res) => {
    const topics = await d.storage.knowledge.listTopics();
    const stamp = new Date().toISOString().slice(0, 10);
    if (req.query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`layani-knowledge-${stamp}.csv`).send(toCsv(topics));
    } else {
      res.type('application/json; charset=utf-8').attachment(`layani-knowledge-${stamp}.json`).send(toJson(topics));
    }
  });

  router.post('/api/staff/try', read, async (req, res) => {
    const { text, locale, drafts } = parseInput(trySchema, req.body);
    const engine = drafts ? d.engine.withTopics(await d.editor.previewTopics()) : d.engine;
    const { decision, trace } = engine.run({ text, locale, conversation: { locale: locale ?? null, lastTopicId: null, pendingChoices: [] } });
    const replies = renderReply(decision, trace.locale, d.translate, (id) => engine.topic(id));
    const candidates = trace.candidates.map((c) => ({ ...c, title: engine.topic(c.topicId)?.content[trace.locale].title ?? c.topicId }));
    res.json({ decision, trace: { ...trace, candidates }, replies, thresholds: engine.thresholds });
  });

  return router;
}
