import { Router } from 'express';
import { z } from 'zod';
import { LOCALES } from '../domain.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import { badRequest } from './app-error.ts';

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
      .refine((t) => t.length <= maxChars, `text must be at most ${maxChars} characters`),
    locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` }).optional(),
    faqId: z.string().max(100).optional(),
    action: z.enum(['officer', 'back-to-bot'], { error: 'action must be "officer" or "back-to-bot"' }).optional(),
  });
}

function firstIssue(error: z.ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/** The public chat API used by the web widget and by integrations. */
export function chatRoutes(runtime: ConversationRuntime, maxChars: number): Router {
  const router = Router();
  const schema = chatBodySchema(maxChars);

  router.post('/api/chat', async (req, res) => {
    if (!req.is('application/json')) throw badRequest('Send a JSON body with Content-Type: application/json.');
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      const issues = firstIssue(parsed.error);
      throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    }
    const { conversationId: id, text, locale, faqId, action } = parsed.data;
    const result = await runtime.handle({ conversationId: id, channel: 'web', text, locale, choiceTopicId: faqId, action });
    res.json(result);
  });

  router.get('/api/chat/:conversationId/messages', async (req, res) => {
    const parsed = conversationId.safeParse(req.params.conversationId);
    if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
    const messages = await runtime.history(parsed.data);
    res.json({
      conversationId: parsed.data,
      messages: messages.map((m) => ({ id: m.id, author: m.author, text: m.text, createdAt: m.createdAt, outcome: m.outcome, ...(m.extra ?? {}) })),
    });
  });

  return router;
}
