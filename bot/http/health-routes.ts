import { Router } from 'express';

export interface Readiness {
  databaseOpen(): boolean;
  knowledgeLoaded(): boolean;
}

export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    let database = false;
    try {
      database = readiness.databaseOpen();
    } catch {
      database = false;
    }
    const knowledge = readiness.knowledgeLoaded();
    res.status(database && knowledge ? 200 : 503).json({ status: database && knowledge ? 'ready' : 'not ready', database, knowledge });
  });
  return router;
}
