import { randomUUID } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';
import { errorMiddleware, notFoundHandler } from './error-middleware.ts';
import { maskConversationId } from '../privacy-mask.ts';
import { rateLimits } from './rate-limits.ts';

export interface AppParts {
  logger: Logger;
  trustProxy: boolean;
  rateLimitPerMinute: number | null;
  /** Routes open to anyone (health, static pages). */
  open: Router[];
  /** Public endpoints that take citizen messages: rate-limited. */
  limited: Router[];
  /** Routes that need the raw body (signed webhooks) are mounted before the JSON parser sees it. */
  raw?: Router[];
}

/** Builds the Express app: security headers, request ids, JSON parsing, limits, routes, one error handler. */
export function createApp(parts: AppParts): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', parts.trustProxy);
  app.use(
    pinoHttp({
      logger: parts.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Bodies hold citizens' words; the turn log records decisions instead.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }), res: (res) => ({ statusCode: res.statusCode }) },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          // Upgrading would send every asset of a page served over plain http (a LAN address while
          // trying the widget from a phone) to https that is not there, and break the page.
          // Production runs behind TLS, where the directive has nothing to do.
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  for (const r of parts.raw ?? []) app.use(r);
  app.use(express.json({ limit: '64kb', verify: keepRawBody }));
  for (const r of parts.open) app.use(r);
  // Mounted once, on the citizen-facing paths only, so each request is counted once.
  const limits: RequestHandler[] = rateLimits(parts.rateLimitPerMinute);
  if (limits.length) app.use(LIMITED_PATHS, ...limits);
  for (const r of parts.limited) app.use(r);
  app.use(notFoundHandler);
  app.use(errorMiddleware(parts.logger));
  return app;
}

const LIMITED_PATHS = ['/api/chat', '/api/messages'];

/**
 * Meta's webhook verification handshake carries the verify token in the query string, the widget's
 * live stream a conversation token (`?token=`), and WhatsApp conversation ids (the citizen's phone
 * number) appear in staff URLs: none of them reaches the log.
 */
export const redactUrl = (url: string) =>
  url
    .replace(/([?&](?:hub\.verify_token|token)=)[^&#]*/gi, '$1[REDACTED]')
    .replace(/wa(:|%3A)\+?\d+/gi, (id) => maskConversationId(decodeURIComponent(id)));

/** Signed webhooks are verified over the exact bytes received, not re-serialised JSON. */
const keepRawBody = (req: express.Request, _res: unknown, buf: Buffer) => {
  (req as express.Request & { rawBody?: Buffer }).rawBody = buf;
};
