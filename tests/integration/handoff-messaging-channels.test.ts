import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../fixtures/telegram-updates.ts';
import { textMessage } from '../fixtures/whatsapp-notifications.ts';
import { eventually, startChannelRig, TELEGRAM_SECRET, type ChannelRig } from '../helpers/channel-server.ts';
import { newOfficer, ticketDetail } from '../helpers/handoff.ts';
import type { StaffSession } from '../helpers/staff-session.ts';

let rig: ChannelRig;
let officer: StaffSession;
beforeAll(async () => {
  rig = await startChannelRig({ OFFICE_HOURS: 'always' });
  officer = await newOfficer(rig.server.url);
});
afterAll(async () => {
  await rig.dispose();
});

/** The ticket a conversation opened, once the webhook's turn has run. */
const ticketOf = (channel: string) =>
  eventually(async () => {
    const res = await officer.request('GET', '/api/staff/tickets');
    return (res.body.tickets as { number: string; channel: string }[]).find((t) => t.channel === channel)?.number;
  }, `a ${channel} ticket`);

describe('an officer’s reply reaches the citizen’s own messaging channel', () => {
  const chatId = 7001;
  const sent = () => rig.telegram.deliveredTo(chatId) as { text: string; reply_markup?: any }[];
  const waitForSent = (count: number) => rig.telegram.waitFor(() => sent().length >= count, `${count} messages in chat ${chatId}`);
  const deliver = (text: string) => rig.telegram.deliverUpdate(rig.telegramWebhook, textUpdate({ chatId, text, languageCode: 'id' }), TELEGRAM_SECRET);

  it('on Telegram: ticket number, who took it, the officer’s words, silence in between, and the rating question', async () => {
    await deliver('mau bicara dengan petugas');
    await waitForSent(1);
    const number = await ticketOf('telegram');
    expect(sent()[0].text).toContain(`Nomor tiket Anda ${number}`);

    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await waitForSent(2);
    expect(sent()[1].text).toBe(`Petugas Test officer sekarang menangani tiket Anda ${number}.`);

    const reply = await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Selamat siang Bu Siti, ada yang bisa saya bantu?' });
    expect(reply.body.delivered).toBe(true);
    await waitForSent(3);
    expect(sent()[2].text).toBe('Selamat siang Bu Siti, ada yang bisa saya bantu?');

    // The citizen's answer goes to the officer; the bot sends nothing back.
    await deliver('KTP saya hilang waktu mudik, pak');
    await eventually(async () => ((await ticketDetail(officer, number)).transcript.some((m) => m.text === 'KTP saya hilang waktu mudik, pak') ? true : undefined), 'the relayed message');

    await officer.request('POST', `/api/staff/tickets/${number}/resolve`, { note: 'Dijelaskan cara mengurus KTP hilang.' });
    await waitForSent(4);
    expect(sent()).toHaveLength(4);
    expect(sent()[3].text).toContain(`menandai tiket ${number} sebagai selesai`);
    const buttons = (sent()[3].reply_markup?.inline_keyboard ?? sent()[3].reply_markup?.keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(buttons).toEqual(['1', '2', '3', '4', '5']);

    await deliver('5');
    await waitForSent(5);
    expect(sent()[4].text).toContain(`Penilaian Anda (5/5) sudah disimpan untuk tiket ${number}`);
    expect((await ticketDetail(officer, number)).ticket.satisfaction).toBe(5);
  });

  it('on WhatsApp: the officer’s reply is sent through the Cloud API to the citizen’s number', async () => {
    const waId = '6281200007002';
    const sentTo = () => rig.graph.deliveredTo(waId);
    const bodyOf = (m: any) => (m.type === 'text' ? m.text.body : m.interactive.body.text) as string;
    await rig.graph.postWebhook(rig.whatsappWebhook, textMessage({ from: waId, text: 'saya mau komplain soal pelayanan' }).payload);
    await rig.graph.waitFor(() => sentTo().length >= 1, 'the ticket message');
    const number = await ticketOf('whatsapp');
    expect(bodyOf(sentTo()[0])).toContain(number);

    await officer.request('POST', `/api/staff/tickets/${number}/claim`);
    await officer.request('POST', `/api/staff/tickets/${number}/reply`, { text: 'Mohon maaf atas pelayanannya. Di kantor mana kejadiannya?' });
    await rig.graph.waitFor(() => sentTo().some((m) => bodyOf(m) === 'Mohon maaf atas pelayanannya. Di kantor mana kejadiannya?'), 'the officer reply');
    const detail = await ticketDetail(officer, number);
    expect(detail.ticket).toMatchObject({ kind: 'complaint', channel: 'whatsapp' });
    expect(detail.transcript.some((m) => m.author === 'officer' && !('pending' in m))).toBe(true);
  });

  it('on WhatsApp: the ticket names its conversation, so the console can ask whether the 24-hour window is still open', async () => {
    const waId = '6281200007003';
    await rig.graph.postWebhook(rig.whatsappWebhook, textMessage({ from: waId, text: 'tolong sambungkan ke petugas', at: new Date(Date.now() - 25 * 3_600_000) }).payload);
    await rig.graph.waitFor(() => rig.graph.deliveredTo(waId).length >= 1, 'the ticket message');
    const tickets = (await officer.request('GET', '/api/staff/tickets?status=waiting')).body.tickets as { conversationId: string; channel: string }[];
    const ticket = tickets.find((t) => t.conversationId === `wa:${waId}`);
    expect(ticket?.channel).toBe('whatsapp');
    const status = await officer.request('GET', `/api/staff/channels/conversations/${encodeURIComponent(ticket!.conversationId)}`);
    expect(status.body.serviceWindow).toMatchObject({ open: false, outsideWindowSends: 'template' });
  });
});
