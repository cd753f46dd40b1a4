import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../fixtures/telegram-updates.ts';
import { buttonReply, imageMessage, listReply, textMessage } from '../fixtures/whatsapp-notifications.ts';
import { history, startChannelRig, TELEGRAM_SECRET, WHATSAPP_VERIFY_TOKEN, type ChannelRig } from '../helpers/channel-server.ts';

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig();
});
afterAll(async () => {
  await rig.dispose();
});

const post = (payload: unknown, signing: 'valid' | 'forged' | 'none' = 'valid') => rig.graph.postWebhook(rig.whatsappWebhook, payload, signing);
const sentTo = (waId: string) => rig.graph.deliveredTo(waId);
const waitForSends = (waId: string, count: number) => rig.graph.waitFor(() => sentTo(waId).length >= count, `${count} messages to ${waId}`);
const citizenTexts = async (conversationId: string) => (await history(rig.server, conversationId)).filter((m) => m.author === 'citizen').map((m) => m.text);

describe('WhatsApp verification handshake', () => {
  it('answers the hub.challenge when the verify token matches', async () => {
    const res = await rig.graph.verify(rig.whatsappWebhook, { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': WHATSAPP_VERIFY_TOKEN });
    expect(res).toEqual({ status: 200, body: '1158201444' });
  });

  it('refuses a wrong verify token or another mode with 403', async () => {
    expect((await rig.graph.verify(rig.whatsappWebhook, { 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'guess' })).status).toBe(403);
    expect((await rig.graph.verify(rig.whatsappWebhook, { 'hub.mode': 'unsubscribe', 'hub.challenge': '1', 'hub.verify_token': WHATSAPP_VERIFY_TOKEN })).status).toBe(403);
  });
});

describe('WhatsApp webhook', () => {
  it('answers a signed text message through the Cloud API with the bearer token', async () => {
    const message = textMessage({ from: '6281200000001', text: 'berapa biaya membuat ktp elektronik' });
    expect((await post(message.payload)).status).toBe(200);
    await waitForSends('6281200000001', 1);
    const call = rig.graph.calls.find((c) => c.status === 200 && c.body.to === '+6281200000001')!;
    expect(call.path).toBe('/v25.0/106540352242922/messages');
    expect(call.headers.authorization).toBe('Bearer EAAtest');
    expect(call.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual' });
    const [bot] = (await history(rig.server, 'wa:6281200000001')).filter((m) => m.author === 'bot');
    const body = call.body.type === 'text' ? call.body.text.body : call.body.interactive.body.text;
    expect(body.startsWith(bot.text.slice(0, 500))).toBe(true);
  });

  it('rejects a forged or missing signature with 401 and processes nothing from it', async () => {
    expect((await post(textMessage({ from: '6281200000002', text: 'forged' }).payload, 'forged')).status).toBe(401);
    expect((await post(textMessage({ from: '6281200000002', text: 'unsigned' }).payload, 'none')).status).toBe(401);
    await post(textMessage({ from: '6281200000002', text: 'ktp hilang' }).payload);
    await waitForSends('6281200000002', 1);
    expect(await citizenTexts('wa:6281200000002')).toEqual(['ktp hilang']);
    expect(sentTo('6281200000002')).toHaveLength(1);
  });

  it('gives no second reply when Meta delivers the same message again', async () => {
    const first = textMessage({ from: '6281200000003', text: 'ktp rusak' });
    await post(first.payload);
    await waitForSends('6281200000003', 1);
    expect((await post(first.payload)).status).toBe(200);
    await post(textMessage({ from: '6281200000003', text: 'vaksin anak' }).payload);
    await waitForSends('6281200000003', 2);
    expect(sentTo('6281200000003')).toHaveLength(2);
    expect(await citizenTexts('wa:6281200000003')).toEqual(['ktp rusak', 'vaksin anak']);
  });

  it('answers a tapped reply button and a list pick with the chosen topics', async () => {
    await post(buttonReply({ from: '6281200000004', replyId: 't:ktp.fee', title: 'Biaya KTP-el' }).payload);
    await waitForSends('6281200000004', 1);
    await post(listReply({ from: '6281200000004', replyId: 't:vaksin.location', title: 'Tempat vaksinasi' }).payload);
    await waitForSends('6281200000004', 2);
    const bots = (await history(rig.server, 'wa:6281200000004')).filter((m) => m.author === 'bot');
    expect(bots.map((m) => m.outcome.faqId)).toEqual(['ktp.fee', 'vaksin.location']);
  });

  it('tells a citizen who sends a photo that only text can be read', async () => {
    await post(imageMessage({ from: '6281200000005' }).payload);
    await waitForSends('6281200000005', 1);
    expect(sentTo('6281200000005')[0].text.body).toContain('hanya bisa membaca pesan teks');
  });

  it('answers a user known only by a business-scoped user id through `recipient`', async () => {
    await post(textMessage({ fromUserId: 'US.13491208655302741918', text: 'cek bansos' }).payload);
    await rig.graph.waitFor(() => rig.graph.delivered.some((b) => b.recipient === 'US.13491208655302741918'), 'a reply by BSUID');
    const reply = rig.graph.delivered.find((b) => b.recipient === 'US.13491208655302741918');
    expect(reply.to).toBeUndefined();
  });

  it('keeps the same person on Telegram and WhatsApp as two conversations', async () => {
    await post(textMessage({ from: '6281200000006', text: 'ktp hilang' }).payload);
    await rig.telegram.deliverUpdate(rig.telegramWebhook, textUpdate({ chatId: 6281200000006, text: 'vaksin anak' }), TELEGRAM_SECRET);
    await waitForSends('6281200000006', 1);
    await rig.telegram.waitFor(() => rig.telegram.deliveredTo(6281200000006).length === 1, 'the Telegram reply');
    expect(await citizenTexts('wa:6281200000006')).toEqual(['ktp hilang']);
    expect(await citizenTexts('tg:6281200000006')).toEqual(['vaksin anak']);
  });

  it('delivers a reply after two 429 rate-limit answers', async () => {
    rig.graph.throttleNext(2);
    await post(textMessage({ from: '6281200000007', text: 'jadwal imunisasi anak' }).payload);
    await waitForSends('6281200000007', 1);
    const attempts = rig.graph.calls.filter((c) => c.body?.to === '+6281200000007');
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 200]);
  });
});

describe('WhatsApp suggestions within the platform limits', () => {
  const topics = () => rig.server.engine.topics.map((t) => ({ faqId: t.id, label: t.content.id.title }));
  const offer = (waId: string, suggestions: { faqId?: string; label: string; action?: 'officer' }[]) =>
    rig.server.proactive.deliver({ conversationId: `wa:${waId}`, channel: 'whatsapp', author: 'officer', reply: { text: 'Silakan pilih:', suggestions } });

  it('sends up to three suggestions as reply buttons with titles of at most 20 characters', async () => {
    await post(textMessage({ from: '6281200000010', text: 'halo' }).payload);
    await waitForSends('6281200000010', 1);
    await offer('6281200000010', [...topics().slice(0, 2), { label: 'Bicara dengan petugas layanan', action: 'officer' }]);
    await waitForSends('6281200000010', 2);
    const message = sentTo('6281200000010')[1];
    expect(message.interactive.type).toBe('button');
    const buttons = message.interactive.action.buttons;
    expect(buttons).toHaveLength(3);
    expect(buttons[2].reply).toEqual({ id: 'a:officer', title: 'Bicara dengan petug…' });
  });

  it('sends four to ten suggestions as a list of at most ten rows, the full label kept in the description', async () => {
    await post(textMessage({ from: '6281200000011', text: 'halo' }).payload);
    await waitForSends('6281200000011', 1);
    await offer('6281200000011', [...topics().slice(0, 9), { label: 'Bicara dengan petugas layanan publik', action: 'officer' }]);
    await waitForSends('6281200000011', 2);
    const message = sentTo('6281200000011')[1];
    expect(message.interactive.type).toBe('list');
    const rows = message.interactive.action.sections.flatMap((s: { rows: unknown[] }) => s.rows);
    expect(rows).toHaveLength(10);
    expect(rows[9]).toEqual({ id: 'a:officer', title: 'Bicara dengan petugas l…', description: 'Bicara dengan petugas layanan publik' });
  });

  it('writes more than ten suggestions as a numbered menu the citizen answers by typing the number', async () => {
    const eleven = topics().slice(0, 11);
    await post(textMessage({ from: '6281200000012', text: 'halo' }).payload);
    await waitForSends('6281200000012', 1);
    await offer('6281200000012', eleven);
    await waitForSends('6281200000012', 2);
    const menu = sentTo('6281200000012')[1];
    expect(menu.type).toBe('text');
    expect(menu.text.body).toContain(`11. ${eleven[10].label}`);
    await post(textMessage({ from: '6281200000012', text: '11' }).payload);
    await waitForSends('6281200000012', 3);
    const last = (await history(rig.server, 'wa:6281200000012')).at(-1)!;
    expect(last.outcome).toMatchObject({ action: 'answer', faqId: eleven[10].faqId });
  });
});
