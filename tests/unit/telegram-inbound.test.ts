import { describe, expect, it } from 'vitest';
import { localeHintOf, parseTelegramUpdate } from '../../bot/channels/telegram/telegram-inbound.ts';
import { callbackUpdate, textUpdate } from '../fixtures/telegram-updates.ts';

describe('parseTelegramUpdate', () => {
  it('turns a private text message into an inbound message keyed by chat id, with the language hint', () => {
    const update = textUpdate({ chatId: 234140659, text: ' ktp hilang ', languageCode: 'jv', messageId: 698 });
    expect(parseTelegramUpdate(update)).toMatchObject({
      handled: true,
      item: {
        channel: 'telegram',
        externalId: 'm:234140659:698',
        conversationId: 'tg:234140659',
        address: { chatId: 234140659 },
        payload: { kind: 'message', message: { conversationId: 'tg:234140659', channel: 'telegram', text: 'ktp hilang', localeHint: 'jv' } },
      },
    });
  });

  it('turns a tapped button into the suggestion it stands for, said with the button’s title', () => {
    const update = callbackUpdate({ chatId: 77, data: 'a:officer', buttonText: 'Bicara dengan petugas' });
    expect(parseTelegramUpdate(update)).toMatchObject({
      handled: true,
      callbackQueryId: update.callback_query.id,
      item: { externalId: `c:${update.callback_query.id}`, payload: { message: { text: 'Bicara dengan petugas', action: 'officer' } } },
    });
  });

  it.each([
    ['an edited message', { update_id: 1, edited_message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'x' } }, 'edited_message update, ignored'],
    ['a group message', textUpdate({ chatId: -100, chatType: 'supergroup', text: 'halo' }), 'supergroup chat, ignored: the bot serves private chats'],
    ['a message from another bot', { ...textUpdate({ chatId: 5, text: 'x' }), message: { ...textUpdate({ chatId: 5, text: 'x' }).message, from: { id: 5, is_bot: true, first_name: 'B' } } }, 'message from a bot, ignored'],
    ['something that is not an update', { hello: 'world' }, 'not a Telegram update the bot understands'],
  ])('ignores %s and says why', (_what, update, reason) => {
    expect(parseTelegramUpdate(update)).toEqual({ handled: false, reason });
  });

  it('answers /start (also addressed to the bot) with the greeting and media with the "text only" note', () => {
    expect(parseTelegramUpdate(textUpdate({ chatId: 9, text: '/start@LayaniBot promo' }))).toMatchObject({ item: { payload: { kind: 'notice', notice: 'greeting' } } });
    expect(parseTelegramUpdate(textUpdate({ chatId: 9, extra: { voice: { file_id: 'v', duration: 3 } } }))).toMatchObject({
      item: { payload: { kind: 'notice', notice: 'unsupported' } },
    });
  });

  it('still stops the spinner of a button it did not make', () => {
    const update = callbackUpdate({ chatId: 9, data: 'order:Espresso', buttonText: 'Espresso' });
    expect(parseTelegramUpdate(update)).toEqual({ handled: false, reason: 'button the bot did not make, ignored', callbackQueryId: update.callback_query.id });
  });
});

describe('localeHintOf', () => {
  it.each([
    ['id', 'id'],
    ['en-US', 'en'],
    ['in', 'id'],
    ['jv', 'jv'],
    ['su', 'su'],
    ['pt-br', undefined],
    [undefined, undefined],
  ])('maps language_code %s to %s', (code, locale) => {
    expect(localeHintOf(code)).toBe(locale);
  });
});
