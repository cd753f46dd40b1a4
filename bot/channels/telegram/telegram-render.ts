import type { Reply, Suggestion } from '../../runtime/types.ts';
import type { ChannelAddress } from '../../storage/channel-ports.ts';
import type { RenderContext, RenderedMessage, RenderedReplies } from '../messaging-channel.ts';
import { splitText } from '../split-text.ts';
import { encodeSuggestion } from '../suggestion-codes.ts';

/** sendMessage `text`: 1–4,096 characters. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** InlineKeyboardButton `callback_data`: 1–64 bytes. */
export const CALLBACK_DATA_BYTES = 64;

/**
 * Replies as sendMessage requests: plain text (no parse_mode, so a citizen's asterisks never
 * break a message), split at 4,096, suggestions as an inline keyboard under the last piece, one
 * button per row so long Indonesian titles stay readable on a narrow phone. Link previews are
 * off: they cost data and the source link is a government page the citizen does not need to see.
 */
export function renderTelegram(address: ChannelAddress, replies: Reply[], context: RenderContext): RenderedReplies {
  const chatId = address.chatId;
  const messages: RenderedMessage[] = [];
  let menu: Suggestion[] | null = null;
  for (const reply of replies) {
    const text = reply.sourceUrl ? `${reply.text}\n\n${context.translate(context.locale, 'source', { url: reply.sourceUrl })}` : reply.text;
    const pieces = splitText(text, TELEGRAM_TEXT_LIMIT);
    const keyboard = inlineKeyboard(reply.suggestions ?? []);
    pieces.forEach((piece, i) => {
      const isLast = i === pieces.length - 1;
      const body: Record<string, unknown> = { chat_id: chatId, text: piece, link_preview_options: { is_disabled: true } };
      if (isLast && keyboard) body.reply_markup = keyboard;
      messages.push({ request: { method: 'sendMessage', body }, preview: piece });
    });
    if (reply.suggestions?.length) menu = reply.suggestions;
  }
  return { messages, menu };
}

function inlineKeyboard(suggestions: Suggestion[]) {
  const rows = suggestions
    .map((s) => ({ text: s.label, callback_data: encodeSuggestion(s) }))
    // A code over 64 bytes would make Telegram refuse the whole message; the button is dropped instead.
    .filter((b) => Buffer.byteLength(b.callback_data, 'utf8') <= CALLBACK_DATA_BYTES)
    .map((button) => [button]);
  return rows.length ? { inline_keyboard: rows } : null;
}
