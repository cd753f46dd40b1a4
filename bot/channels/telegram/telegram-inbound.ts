import { isLocale, type Locale } from '../../domain.ts';
import type { NewInboxItem } from '../../storage/channel-ports.ts';
import { decodeSuggestion } from '../suggestion-codes.ts';
import { telegramUpdate, type TelegramCallbackQuery, type TelegramMessage } from './telegram-schema.ts';

/** What one webhook update becomes: an inbox item, or the reason it was ignored. */
export type TelegramInbound =
  | { handled: true; item: NewInboxItem; callbackQueryId?: string }
  | { handled: false; reason: string; callbackQueryId?: string };

const conversationIdOf = (chatId: number) => `tg:${chatId}`;

/** Turns a Telegram Update into the bot's inbound message, or says why it was ignored. */
export function parseTelegramUpdate(body: unknown): TelegramInbound {
  const parsed = telegramUpdate.safeParse(body);
  if (!parsed.success) return { handled: false, reason: 'not a Telegram update the bot understands' };
  const update = parsed.data;
  if (update.message) return fromMessage(update.message);
  if (update.callback_query) return fromCallbackQuery(update.callback_query);
  const kind = Object.keys(body as object).find((key) => key !== 'update_id') ?? 'empty';
  return { handled: false, reason: `${kind} update, ignored` };
}

/** Telegram's `language_code` is an IETF tag ("en", "id", "en-US"); old Android builds say "in" for Indonesian. */
export function localeHintOf(languageCode: string | undefined): Locale | undefined {
  const primary = languageCode?.split('-')[0].toLowerCase();
  const locale = primary === 'in' ? 'id' : primary;
  return isLocale(locale) ? locale : undefined;
}

function fromMessage(message: TelegramMessage): TelegramInbound {
  if (message.chat.type !== 'private') return { handled: false, reason: `${message.chat.type} chat, ignored: the bot serves private chats` };
  if (message.from?.is_bot) return { handled: false, reason: 'message from a bot, ignored' };
  const localeHint = localeHintOf(message.from?.language_code);
  const base = {
    channel: 'telegram' as const,
    externalId: `m:${message.chat.id}:${message.message_id}`,
    conversationId: conversationIdOf(message.chat.id),
    address: { chatId: message.chat.id },
    sentAt: new Date(Math.min(message.date * 1000, Date.now())).toISOString(),
  };
  const text = message.text?.trim();
  if (text === undefined) return { handled: true, item: { ...base, payload: { kind: 'notice', notice: 'unsupported', localeHint } } };
  if (!text) return { handled: false, reason: 'empty text, ignored' };
  // Every Telegram chat starts with /start (the app's Start button); /help is the other standard command.
  const command = /^\/(start|help)(?:@\w+)?(?:\s|$)/i.exec(text)?.[1]?.toLowerCase();
  if (command) {
    const notice = command === 'start' ? 'greeting' : 'help';
    return { handled: true, item: { ...base, payload: { kind: 'notice', notice, localeHint } } };
  }
  return {
    handled: true,
    item: { ...base, payload: { kind: 'message', message: { conversationId: base.conversationId, channel: 'telegram', text, localeHint } } },
  };
}

function fromCallbackQuery(query: TelegramCallbackQuery): TelegramInbound {
  const callbackQueryId = query.id;
  const choice = query.data ? decodeSuggestion(query.data) : null;
  if (!choice) return { handled: false, reason: 'button the bot did not make, ignored', callbackQueryId };
  const chatId = query.message?.chat.id ?? query.from.id;
  if (query.message && query.message.chat.type !== 'private') return { handled: false, reason: 'button in a group chat, ignored', callbackQueryId };
  // The tapped button's title is what the citizen "said"; it is in the message the keyboard hangs under.
  const title = query.message?.reply_markup?.inline_keyboard.flat().find((b) => b.callback_data === query.data)?.text;
  const conversationId = conversationIdOf(chatId);
  return {
    handled: true,
    callbackQueryId,
    item: {
      channel: 'telegram',
      externalId: `c:${query.id}`,
      conversationId,
      address: { chatId },
      sentAt: new Date().toISOString(),
      payload: {
        kind: 'message',
        message: {
          conversationId,
          channel: 'telegram',
          text: title ?? choice.fallbackText,
          localeHint: localeHintOf(query.from.language_code),
          ...(choice.choiceTopicId ? { choiceTopicId: choice.choiceTopicId } : {}),
          ...(choice.action ? { action: choice.action } : {}),
        },
      },
    },
  };
}
