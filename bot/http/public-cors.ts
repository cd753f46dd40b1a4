import type { RequestHandler } from 'express';

/**
 * CORS for the public chat API only, so the widget works when an agency embeds it on its own
 * site. No credentials are ever allowed: a conversation is opened by its id and its token (a
 * header), not by cookies. Staff APIs never pass through here.
 */
export function publicCors(allowed: '*' | string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (allowed === '*') {
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else {
      res.vary('Origin');
      if (origin && allowed.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    }
    // The widget reads Retry-After to wait out a rate limit before sending again.
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Last-Event-ID, X-Conversation-Token');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
