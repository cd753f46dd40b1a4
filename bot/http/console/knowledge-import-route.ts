import express, { Router } from 'express';
import { fromCsv, fromJson } from '../../console/knowledge-transfer.ts';
import { AppError, badRequest } from '../app-error.ts';
import { actorOf, type ConsoleDeps } from './console-deps.ts';

/**
 * `POST /api/staff/kb/import?format=csv|json` with the file as the body. Mounted before the app's
 * 64 kB JSON parser because a whole knowledge base is bigger. All or nothing: with any bad row
 * nothing is saved and every problem comes back with its row number; good files become drafts.
 */
export function knowledgeImportRoute(d: ConsoleDeps): Router {
  const router = Router();
  const body = express.text({ type: () => true, limit: '10mb' });
  router.post('/api/staff/kb/import', d.requireRole('editor'), body, async (req, res) => {
    const text = typeof req.body === 'string' ? req.body : '';
    if (!text.trim()) throw badRequest('Send the exported file (CSV or JSON) as the request body.');
    const format = req.query.format === 'csv' || req.query.format === 'json' ? req.query.format : req.is('text/csv') ? 'csv' : 'json';
    const result = format === 'csv' ? fromCsv(text) : fromJson(text);
    if (!result.ok) {
      const first = result.errors[0];
      const where = format === 'csv' ? `row ${first.row}` : `entry ${first.row}`;
      throw new AppError(422, 'invalid_import', `${result.errors.length} problem(s) in the file, nothing was imported. First: ${where}: ${first.message}`, { errors: result.errors });
    }
    res.json(await d.editor.importTopics(actorOf(req), result.topics));
  });
  return router;
}
