import { Router } from 'express';
import { z } from 'zod';
import { LOCALES } from '../domain.ts';
import type { AnswerFeedback } from '../runtime/answer-feedback.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import type { ConversationTokens } from '../runtime/conversation-tokens.ts';
import type { IdempotentTurns } from '../runtime/idempotent-turns.ts';
import { badRequest, notFound } from './app-error.ts';
import { presentedToken, requireToken, TOKEN_HEADER, tokenRefused } from './conversation-token.ts';
import { parseInput } from './parse-input.ts';

export const conversationId = z
  .string({ error: 'conversationId must be a string' })
  .trim()
  .min(1, 'conversationId must not be empty')
  .max(128, 'conversationId must be at most 128 characters')
  .regex(/^[\w:.-]+$/, 'conversationId may contain only letters, digits and _ : . -')
  // tg:, wa:, bf: name Telegram, WhatsApp and Bot Framework conversations: a web client must not be
  // able to read their history or write into them (and into an officer's ticket) by choosing such an id.
  .refine((id) => !/^(tg|wa|bf):/i.test(id), 'conversationId must not start with tg:, wa: or bf: (reserved for other channels)');

export function chatBodySchema(maxChars: number) {
  return z.object({
    conversationId,
    text: z
      .string({ error: 'text must be a string' })
      .refine((t) => t.trim().length > 0, 'text must not be empty')
      .refine((t) => [...t].length <= maxChars, `text must be at most ${maxChars} characters`),
    locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` }).optional(),
    faqId: z.string().max(100).optional(),
    action: z.enum(['officer', 'back-to-bot'], { error: 'action must be "officer" or "back-to-bot"' }).optional(),
    /** The language of the page the widget sits on: a hint, weaker than the citizen's own choice in `locale`. */
    localeHint: z.enum(LOCALES, { error: `localeHint must be one of ${LOCALES.join(', ')}` }).optional(),
    /** The client's own id for this message: a repeat with the same id is answered from the first turn. */
    clientMessageId: z
      .string({ error: 'clientMessageId must be a string' })
      .regex(/^[\w-]{1,64}$/, 'clientMessageId must be 1–64 letters, digits, _ or -')
      .optional(),
  });
}

const feedbackBodySchema = z.object({
  messageId: z.number({ error: 'messageId must be a number' }).int().positive(),
  rating: z.enum(['up', 'down'], { error: 'rating must be "up" or "down"' }),
  comment: z.string({ error: 'comment must be a string' }).max(500, 'comment must be at most 500 characters').optional(),
});

/** Services of the web chat API that sit beside the runtime. */
export interface WebChatServices {
  turns: IdempotentTurns;
  feedback: AnswerFeedback;
  tokens: ConversationTokens;
}

/** The public chat API used by the web widget and by integrations. */
export function chatRoutes(runtime: ConversationRuntime, maxChars: number, web: WebChatServices): Router {
  const router = Router();
  const schema = chatBodySchema(maxChars);

  router.post('/api/chat', async (req, res) => {
    if (!req.is('application/json')) throw badRequest('Send a JSON body with Content-Type: application/json.');
    const { conversationId: id, text, locale, localeHint, faqId, action, clientMessageId } = parseInput(schema, req.body);
    const presented = presentedToken(req);
    const claim = await web.tokens.claim(id, presented);
    if (claim.kind === 'refused') throw tokenRefused();
    if (claim.kind === 'malformed') throw badRequest(`${TOKEN_HEADER} must be 22–128 base64url characters (at least 128 random bits).`);
    const inbound = { conversationId: id, channel: 'web' as const, text, locale, localeHint, choiceTopicId: faqId, action };
    try {
      // The token is added here, never kept in the turn receipt: a replayed turn carries it all the same.
      res.json({ ...(await web.turns.handle(inbound, clientMessageId)), conversationToken: claim.token });
    } catch (err) {
      // Only a token the client never saw is taken back: a client's own token stays with its
      // conversation, which may already hold this turn's messages, and its retry brings it again.
      if (claim.isNew && presented === undefined) await web.tokens.release(id, claim.token);
      throw err;
    }
  });

  router.get('/api/chat/:conversationId/messages', async (req, res) => {
    const parsed = conversationId.safeParse(req.params.conversationId);
    if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
    await requireToken(web.tokens, parsed.data, req);
    const [messages, ratings] = await Promise.all([runtime.history(parsed.data), web.feedback.ratings(parsed.data)]);
    res.json({
      conversationId: parsed.data,
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        text: m.text,
        createdAt: m.createdAt,
        outcome: m.outcome,
        ...(m.extra ?? {}),
        ...(ratings.has(m.id) ? { rating: ratings.get(m.id) } : {}),
      })),
    });
  });

  router.post('/api/chat/:conversationId/feedback', async (req, res) => {
    const id = conversationId.safeParse(req.params.conversationId);
    if (!id.success) throw badRequest(id.error.issues[0].message);
    await requireToken(web.tokens, id.data, req);
    const body = parseInput(feedbackBodySchema, req.body);
    const result = await web.feedback.rate({ conversationId: id.data, ...body });
    if (result === 'no-such-message') throw notFound(`Message ${body.messageId} is not part of conversation ${id.data}.`);
    if (result === 'not-an-answer') throw badRequest('Only the assistant\'s answers can be rated.');
    res.json({ messageId: body.messageId, rating: body.rating });
  });

  return router;
}
