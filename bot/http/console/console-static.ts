import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built console (web/console/dist) under /console, with the single-page app's
 * index.html for every deep link. Hashed assets are cached for a year; index.html never.
 */
export function consoleStatic(distDir: string): Router {
  // Strict routing, so that "/console" (redirected) and "/console/" (the app) are different paths.
  const router = Router({ strict: true });
  const index = path.join(distDir, 'index.html');
  router.get('/console', (_req, res) => res.redirect(301, '/console/'));
  router.use('/console', express.static(distDir, { index: false, immutable: true, maxAge: '365d', fallthrough: true }));
  router.get('/console/{*rest}', (req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The staff console has not been built yet: run "npm run build" (npm start does it for you).');
      return;
    }
    // A missing hashed asset is a 404; every other path (entry ids contain dots) is a page of the app.
    if (req.path.startsWith('/console/assets/')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
