import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusUpdate, textMessage } from '../fixtures/whatsapp-notifications.ts';
import { eventually, startChannelRig, WHATSAPP_TEMPLATE, type ChannelRig } from '../helpers/channel-server.ts';
import { createStaff, type StaffSession } from '../helpers/staff-session.ts';

let rig: ChannelRig;
let officer: StaffSession;
beforeAll(async () => {
  rig = await startChannelRig();
  officer = await createStaff(rig.server.url, 'officer');
});
afterAll(async () => {
  await rig.dispose();
});

const HOUR = 3_600_000;
const post = (payload: unknown) => rig.graph.postWebhook(rig.whatsappWebhook, payload);
const sentTo = (waId: string) => rig.graph.deliveredTo(waId);
const waitForSends = (waId: string, count: number) => rig.graph.waitFor(() => sentTo(waId).length >= count, `${count} messages to ${waId}`);
const officerReply = (waId: string, text: string) =>
  rig.server.proactive.deliver({ conversationId: `wa:${waId}`, channel: 'whatsapp', author: 'officer', reply: { text } });
const channelStatus = async (conversationId: string) => (await officer.request('GET', `/api/staff/channels/conversations/${conversationId}`)).body;

describe('the 24-hour customer-service window', () => {
  it('sends an officer reply as free text while the citizen wrote within 24 hours, and the console can tell', async () => {
    await post(textMessage({ from: '6281300000001', text: 'ktp hilang', at: new Date(Date.now() - 2 * HOUR) }).payload);
    await waitForSends('6281300000001', 1);
    expect(await channelStatus('wa:6281300000001')).toMatchObject({ channel: 'whatsapp', serviceWindow: { open: true, outsideWindowSends: 'template' } });
    await officerReply('6281300000001', 'Silakan datang ke Disdukcapil dengan membawa KK.');
    await waitForSends('6281300000001', 2);
    expect(sentTo('6281300000001')[1]).toMatchObject({ type: 'text', text: { body: 'Silakan datang ke Disdukcapil dengan membawa KK.' } });
  });

  it('sends an officer reply as the configured template once 24 hours have passed', async () => {
    await post(textMessage({ from: '6281300000002', text: 'ktp hilang', at: new Date(Date.now() - 25 * HOUR) }).payload);
    await waitForSends('6281300000002', 1);
    const status = await channelStatus('wa:6281300000002');
    expect(status.serviceWindow.open).toBe(false);
    await officerReply('6281300000002', 'Maaf baru kami balas.\nSilakan datang ke Disdukcapil.');
    await waitForSends('6281300000002', 2);
    const template = sentTo('6281300000002')[1];
    expect(template.type).toBe('template');
    expect(template.template).toEqual({
      name: WHATSAPP_TEMPLATE,
      language: { code: 'id' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maaf baru kami balas. · Silakan datang ke Disdukcapil.' }] }],
    });
  });

  it('resends a message as the template when WhatsApp refuses it as outside the window', async () => {
    await post(textMessage({ from: '6281300000003', text: 'bansos' }).payload);
    await waitForSends('6281300000003', 1);
    rig.graph.closeWindow('6281300000003');
    await officerReply('6281300000003', 'Data Anda sudah kami periksa.');
    await waitForSends('6281300000003', 2);
    const calls = rig.graph.calls.filter((c) => c.body?.to === '+6281300000003');
    expect(calls.at(-2)).toMatchObject({ status: 400, body: { type: 'text' } });
    expect(calls.at(-1)).toMatchObject({ status: 200, body: { type: 'template' } });
  });
});

describe('WhatsApp delivery statuses', () => {
  it('records statuses without replying, never moving a message backwards', async () => {
    await post(textMessage({ from: '6281300000004', text: 'vaksin anak' }).payload);
    await waitForSends('6281300000004', 1);
    const call = rig.graph.calls.find((c) => c.body?.to === '+6281300000004' && c.status === 200)!;
    const wamid = (call.response as { messages: { id: string }[] }).messages[0].id;
    const listed = () => eventually(async () => {
      const res = await officer.request('GET', '/api/staff/outbox?conversationId=wa:6281300000004&status=sent');
      return res.body.messages.length ? res.body.messages[0] : undefined;
    }, 'the sent message');
    // "read" can arrive before "delivered"; the late "delivered" must not overwrite it.
    expect((await post(statusUpdate({ messageId: wamid, status: 'read', recipient: '6281300000004' }))).status).toBe(200);
    expect((await post(statusUpdate({ messageId: wamid, status: 'delivered', recipient: '6281300000004' }))).status).toBe(200);
    expect((await listed()).deliveryStatus).toBe('read');
    expect(sentTo('6281300000004')).toHaveLength(1);
  });

  it('lists a message WhatsApp later reports as failed among the failures staff see', async () => {
    await post(textMessage({ from: '6281300000005', text: 'ktp rusak' }).payload);
    await waitForSends('6281300000005', 1);
    const call = rig.graph.calls.find((c) => c.body?.to === '+6281300000005' && c.status === 200)!;
    const wamid = (call.response as { messages: { id: string }[] }).messages[0].id;
    const errors = [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' }];
    await post(statusUpdate({ messageId: wamid, status: 'failed', recipient: '6281300000005', errors }));
    const failed = (await officer.request('GET', '/api/staff/outbox?status=failed')).body.messages;
    expect(failed).toContainEqual(expect.objectContaining({ conversationId: 'wa:6281300000005', deliveryStatus: 'failed', lastError: 'WhatsApp #131026: Message undeliverable' }));
  });
});
