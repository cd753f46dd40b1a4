import type { MessagingChannel } from '../messaging-channel.ts';
import { renderTelegram } from './telegram-render.ts';
import { telegramSender, type TelegramApiSettings } from './telegram-transport.ts';

/** The Telegram Bot API channel. Telegram has no service window: a bot may write whenever the chat exists. */
export function createTelegramChannel(api: TelegramApiSettings): MessagingChannel {
  return {
    name: 'telegram',
    render: renderTelegram,
    send: telegramSender(api),
    addressFor(conversationId) {
      const match = /^tg:(-?\d+)$/.exec(conversationId);
      return match ? { chatId: Number(match[1]) } : null;
    },
    isServiceWindowOpen: () => true,
  };
}
