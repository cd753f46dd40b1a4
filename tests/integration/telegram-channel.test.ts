import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUpdate, textUpdate } from '../fixtures/telegram-updates.ts';
import { history, startChannelRig, TELEGRAM_SECRET, type ChannelRig } from '../helpers/channel-server.ts';

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig();
});
afterAll(async () => {
  await rig.dispose();
});

/** `secret` null sends no secret header at all. */
const deliver = (update: unknown, secret: string | null = TELEGRAM_SECRET) => rig.telegram.deliverUpdate(rig.telegramWebhook, update, secret ?? undefined);
const repliesTo = (chatId: number) => rig.telegram.deliveredTo(chatId);
const waitForReplies = (chatId: number, count: number) =>
  rig.telegram.waitFor(() => repliesTo(chatId).length >= count, `${count} replies in chat ${chatId}`);

describe('Telegram webhook', () => {
  it('answers a citizen’s text message in the same chat with exactly what the bot replied', async () => {
    const res = await deliver(textUpdate({ chatId: 1001, text: 'berapa biaya membuat ktp elektronik', languageCode: 'id' }));
    expect(res.status).toBe(200);
    await waitForReplies(1001, 1);
    const botMessages = (await history(rig.server, 'tg:1001')).filter((m) => m.author === 'bot');
    expect(botMessages).toHaveLength(1);
    expect(repliesTo(1001)[0].text.startsWith(botMessages[0].text)).toBe(true);
    expect(repliesTo(1001)[0].link_preview_options).toEqual({ is_disabled: true });
  });

  it('gives no second reply when Telegram delivers the same update again', async () => {
    const update = textUpdate({ chatId: 1002, text: 'ktp hilang' });
    expect((await deliver(update)).status).toBe(200);
    await waitForReplies(1002, 1);
    expect((await deliver(update)).status).toBe(200);
    // A later message in the same chat is processed after anything queued before it.
    await deliver(textUpdate({ chatId: 1002, text: 'bansos' }));
    await waitForReplies(1002, 2);
    expect(repliesTo(1002)).toHaveLength(2);
    expect((await history(rig.server, 'tg:1002')).filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['ktp hilang', 'bansos']);
  });

  it('rejects an update with a wrong or missing secret token and processes nothing from it', async () => {
    expect((await deliver(textUpdate({ chatId: 1003, text: 'forged one' }), 'not-the-secret')).status).toBe(401);
    expect((await deliver(textUpdate({ chatId: 1003, text: 'forged two' }), null)).status).toBe(401);
    await deliver(textUpdate({ chatId: 1003, text: 'vaksin anak' }));
    await waitForReplies(1003, 1);
    expect(repliesTo(1003)).toHaveLength(1);
    expect((await history(rig.server, 'tg:1003')).filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['vaksin anak']);
  });

  it('answers a tapped topic button with that topic and stops the button’s spinner', async () => {
    const update = callbackUpdate({ chatId: 1004, data: 't:ktp.fee', buttonText: 'Biaya KTP-el', languageCode: 'id' });
    const res = await deliver(update);
    expect(res.body).toEqual({ method: 'answerCallbackQuery', callback_query_id: update.callback_query.id });
    expect(rig.telegram.callsTo('answerCallbackQuery').map((c) => c.body.callback_query_id)).toContain(update.callback_query.id);
    await waitForReplies(1004, 1);
    const [citizen, bot] = await history(rig.server, 'tg:1004');
    expect(citizen.text).toBe('Biaya KTP-el');
    expect(bot.outcome).toMatchObject({ action: 'answer', faqId: 'ktp.fee' });
    const answer = rig.server.engine.topic('ktp.fee')!.content[bot.outcome.locale as 'id'].answer;
    expect(repliesTo(1004)[0].text.startsWith(answer.slice(0, 200))).toBe(true);
  });

  it('shows suggestions as an inline keyboard whose callback data fits in 64 bytes', async () => {
    await deliver(textUpdate({ chatId: 1005, text: 'resep rendang padang' }));
    await waitForReplies(1005, 1);
    const keyboard = repliesTo(1005).at(-1).reply_markup.inline_keyboard.flat();
    expect(keyboard.length).toBeGreaterThan(0);
    expect(keyboard).toContainEqual(expect.objectContaining({ callback_data: 'a:officer' }));
    for (const button of keyboard) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
  });

  it('greets /start in the language Telegram reports for the user', async () => {
    await deliver(textUpdate({ chatId: 1006, text: '/start', languageCode: 'jv' }));
    await deliver(textUpdate({ chatId: 1007, text: '/start', languageCode: 'en-US' }));
    await waitForReplies(1006, 1);
    await waitForReplies(1007, 1);
    expect(repliesTo(1006)[0].text).toMatch(/^Sugeng rawuh!/);
    expect(repliesTo(1007)[0].text).toMatch(/^Hello!/);
  });

  it('tells a citizen who sends a photo that only text can be read', async () => {
    await deliver(textUpdate({ chatId: 1008, languageCode: 'id', extra: { photo: [{ file_id: 'AgAD', file_unique_id: 'x', width: 90, height: 90 }] } }));
    await waitForReplies(1008, 1);
    expect(repliesTo(1008)[0].text).toContain('hanya bisa membaca pesan teks');
  });

  it('ignores group chats: nothing is stored or sent', async () => {
    const res = await deliver(textUpdate({ chatId: -1009, chatType: 'group', text: 'ktp hilang' }));
    expect(res.status).toBe(200);
    expect(await history(rig.server, 'tg:-1009')).toEqual([]);
    expect(repliesTo(-1009)).toEqual([]);
  });

  it('splits an officer reply over 4,096 characters into several messages, in order', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraf ${i + 1}. ${'Persyaratan dan langkah pengurusan dokumen kependudukan. '.repeat(5)}`);
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThan(8192);
    await rig.server.proactive.deliver({ conversationId: 'tg:1010', channel: 'telegram', author: 'officer', reply: { text } });
    await waitForReplies(1010, 3);
    const pieces = repliesTo(1010).map((b) => b.text as string);
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
    expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('keeps one conversation’s messages in order when a send has to be retried', async () => {
    rig.telegram.failSendsWith500(1);
    for (const n of [1, 2, 3]) {
      await rig.server.proactive.deliver({ conversationId: 'tg:1011', channel: 'telegram', author: 'officer', reply: { text: `Pesan ${n}` } });
    }
    await waitForReplies(1011, 3);
    expect(repliesTo(1011).map((b) => b.text)).toEqual(['Pesan 1', 'Pesan 2', 'Pesan 3']);
    expect(rig.telegram.callsTo('sendMessage').filter((c) => c.body.chat_id === 1011).map((c) => c.status)).toEqual([500, 200, 200, 200]);
  });

  it('delivers a reply after two 429s, each time waiting as long as Telegram asked', async () => {
    rig.telegram.throttleNext(2, 1);
    await deliver(textUpdate({ chatId: 1012, text: 'jadwal imunisasi anak' }));
    await waitForReplies(1012, 1);
    const attempts = rig.telegram.callsTo('sendMessage').filter((c) => c.body.chat_id === 1012);
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(1000);
  });

  it('delivers a reply queued while Telegram was down once it is back', async () => {
    rig.telegram.setDown(true);
    await deliver(textUpdate({ chatId: 1013, text: 'cek penerima bansos' }));
    await rig.telegram.waitFor(() => rig.telegram.callsTo('sendMessage').some((c) => c.body.chat_id === 1013 && c.status === 'dropped'), 'a failed attempt');
    rig.telegram.setDown(false);
    await waitForReplies(1013, 1);
    expect(repliesTo(1013)).toHaveLength(1);
  });
});
