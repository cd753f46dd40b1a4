import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { AppError } from './app-error.ts';

export interface WidgetAssets {
  /** Folder holding the built widget.js and its precompressed .br / .gz copies. */
  distDir: string;
  /** Folder of the demo portal page served at `/`, or null to serve no demo. */
  demoDir: string | null;
}

/**
 * `widget.js` may be cached briefly only: its URL carries no version, and an agency's pages must
 * pick up a fix within minutes. Revalidation by ETag makes the repeat load a few hundred bytes.
 */
const WIDGET_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

/** Serves the embeddable widget script to any site, and the demo portal page. */
export function widgetRoutes(assets: WidgetAssets): Router {
  const router = Router();
  router.get('/widget.js', (req, res, next) => {
    const file = pickEncoding(req, res, path.join(assets.distDir, 'widget.js'));
    if (!file) throw new AppError(503, 'widget_not_built', 'The widget is not built yet: run "npm run build" (npm start does this for you).');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', WIDGET_CACHE);
    res.type('js');
    res.sendFile(file, { cacheControl: false, lastModified: true, etag: true }, (err) => err && next(err));
  });
  if (assets.demoDir) router.use(express.static(assets.demoDir, { maxAge: '5m', index: 'index.html', redirect: false }));
  return router;
}

/** Slow mobile links gain most from compression: the build writes .br and .gz next to the script. */
function pickEncoding(req: Request, res: Response, plain: string): string | null {
  res.vary('Accept-Encoding');
  const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (encoding === name && fs.existsSync(plain + ext)) {
      res.setHeader('Content-Encoding', name);
      return plain + ext;
    }
  }
  return fs.existsSync(plain) ? plain : null;
}
