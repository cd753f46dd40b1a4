import { Router } from 'express';
import { z } from 'zod';
import { analyticsCsv, buildAnalytics } from '../../console/analytics-report.ts';
import { LOCALES } from '../../domain.ts';
import { badRequest } from '../app-error.ts';
import { type ConsoleDeps } from './console-deps.ts';
import { parseInput } from '../parse-input.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23');
const querySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  channel: z.enum(['web', 'telegram', 'whatsapp', 'botframework']).optional(),
  locale: z.enum(LOCALES).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** Default range: the last 30 days up to today (UTC). */
function range(q: z.infer<typeof querySchema>) {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 29);
  const from = q.from ?? start.toISOString().slice(0, 10);
  if (from > to) throw badRequest('from must not be after to.');
  return { from, to, channel: q.channel, locale: q.locale };
}

export function analyticsRoutes(d: ConsoleDeps): Router {
  const router = Router();
  router.get('/api/staff/analytics', d.requireRole('editor'), async (req, res) => {
    const query = parseInput(querySchema, req.query);
    const report = await buildAnalytics(d.storage, d.engine, () => d.review.groups('frequent'), range(query));
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`layani-analytics-${report.from}-${report.to}.csv`).send(analyticsCsv(report));
    } else res.json(report);
  });
  return router;
}
