import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { AppError } from './app-error.ts';

/** Unknown routes answer JSON too, so a client never has to parse an HTML error page. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
};

/** The one error handler: maps errors to JSON, logs bugs with their stack, never leaks internals. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.isOperational) req.log?.info({ code: appError.code }, appError.message);
    else (req.log ?? logger).error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (e?.type === 'entity.too.large') return new AppError(413, 'too_large', 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError(415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new AppError(e.status, 'bad_request', e.message ?? 'Bad request.');
  return new AppError(500, 'internal', 'Something went wrong on our side. Please try again.');
}
