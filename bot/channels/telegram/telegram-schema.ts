import { z } from 'zod';

/**
 * The parts of a Telegram Bot API Update the bot reads (core.telegram.org/bots/api#update).
 * Unknown fields are dropped; a missing required field makes the update "ignored", never a crash.
 */

const chat = z.object({
  // At most 52 significant bits: a JS number holds it exactly.
  id: z.number().int(),
  type: z.string(),
});

const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().default(false),
  language_code: z.string().optional(),
});

const inlineKeyboard = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))),
});

export const telegramMessage = z.object({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  reply_markup: inlineKeyboard.optional(),
});

export const telegramCallbackQuery = z.object({
  id: z.string(),
  from: user,
  // Absent for inline-mode messages; an InaccessibleMessage still has chat and message_id (date 0).
  message: z
    .object({ message_id: z.number().int(), chat, reply_markup: inlineKeyboard.optional() })
    .optional(),
  data: z.string().optional(),
});

export const telegramUpdate = z.object({
  update_id: z.number().int(),
  message: telegramMessage.optional(),
  callback_query: telegramCallbackQuery.optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdate>;
export type TelegramMessage = z.infer<typeof telegramMessage>;
export type TelegramCallbackQuery = z.infer<typeof telegramCallbackQuery>;
