import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

const tooMany = { error: { code: 'rate_limited', message: 'Too many messages. Please wait a minute and try again.' } };

/**
 * Abuse limits for public endpoints: per client address, and per conversation so one noisy chat
 * cannot starve others behind the same mobile carrier NAT. `perMinute` null turns both off.
 */
export function rateLimits(perMinute: number | null): RequestHandler[] {
  if (perMinute === null) return [];
  const common = { windowMs: 60_000, standardHeaders: 'draft-8' as const, legacyHeaders: false, message: tooMany };
  return [
    // A whole village may share one carrier address, so the address limit is several conversations' worth.
    rateLimit({ ...common, limit: perMinute * 5, keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown') }),
    rateLimit({
      ...common,
      limit: perMinute,
      keyGenerator: (req) => {
        // The conversation is in the body for a message, in the path for history, events and feedback.
        const fromBody = (req.body as { conversationId?: unknown } | undefined)?.conversationId;
        const fromPath = /^\/api\/chat\/([^/]+)/.exec(req.originalUrl)?.[1];
        const id = typeof fromBody === 'string' ? fromBody : fromPath;
        return id ? `conversation:${id}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
      },
    }),
  ];
}
