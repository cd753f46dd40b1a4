import { z } from 'zod';

/**
 * The parts of a WhatsApp Cloud API webhook notification the bot reads
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages).
 * Messages and statuses are parsed one by one, so one malformed item never drops the others.
 */

export const whatsappNotification = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export const whatsappChangeValue = z.object({
  metadata: z.object({ phone_number_id: z.string() }),
  // Since 2026 a contact may carry a business-scoped user id (BSUID) and no wa_id.
  contacts: z.array(z.object({ wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});

const reply = z.object({ id: z.string(), title: z.string() });

export const whatsappMessage = z.object({
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  id: z.string().min(1),
  // Unix seconds, sent as a string.
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: reply.optional(),
      list_reply: reply.extend({ description: z.string().optional() }).optional(),
    })
    .optional(),
  // A quick-reply button on a template message.
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
});

export const whatsappStatus = z.object({
  id: z.string(),
  status: z.string(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});

export type WhatsAppMessage = z.infer<typeof whatsappMessage>;
export type WhatsAppChangeValue = z.infer<typeof whatsappChangeValue>;
