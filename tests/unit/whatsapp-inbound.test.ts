import { describe, expect, it } from 'vitest';
import { parseWhatsAppNotification } from '../../bot/channels/whatsapp/whatsapp-inbound.ts';
import { PHONE_NUMBER_ID, buttonReply, statusUpdate, textMessage } from '../fixtures/whatsapp-notifications.ts';

describe('parseWhatsAppNotification', () => {
  it('turns a text message into an inbound message keyed by the sender’s wa_id, dated by the platform', () => {
    const at = new Date('2026-05-01T08:00:00Z');
    const { id, payload } = textMessage({ from: '6281234567890', text: 'Syarat bikin KTP apa saja?', at });
    expect(parseWhatsAppNotification(payload, PHONE_NUMBER_ID).items).toEqual([
      {
        channel: 'whatsapp',
        externalId: id,
        conversationId: 'wa:6281234567890',
        address: { to: '6281234567890' },
        sentAt: at.toISOString(),
        payload: { kind: 'message', message: { conversationId: 'wa:6281234567890', channel: 'whatsapp', text: 'Syarat bikin KTP apa saja?' } },
      },
    ]);
  });

  it('keeps the business-scoped user id next to the phone number so the conversation survives a username', () => {
    const { payload } = textMessage({ from: '6281234567890', fromUserId: 'US.1349', text: 'halo' });
    expect(parseWhatsAppNotification(payload, PHONE_NUMBER_ID).items[0]).toMatchObject({ conversationId: 'wa:6281234567890', platformUserId: 'US.1349' });
  });

  it('reads a reply button as its suggestion', () => {
    const { payload } = buttonReply({ from: '6281', replyId: 't:ktp.fee', title: 'Biaya KTP' });
    expect(parseWhatsAppNotification(payload, PHONE_NUMBER_ID).items[0].payload).toMatchObject({
      kind: 'message',
      message: { text: 'Biaya KTP', choiceTopicId: 'ktp.fee' },
    });
  });

  it('keeps the good messages of a batch when one is malformed', () => {
    const good = textMessage({ from: '6281', text: 'ok' }).payload;
    const value = good.entry[0].changes[0].value as unknown as { messages: unknown[] };
    value.messages.push({ from: '6282', type: 'text' });
    const result = parseWhatsAppNotification(good, PHONE_NUMBER_ID);
    expect(result.items).toHaveLength(1);
    expect(result.ignored).toEqual(['malformed message']);
  });

  it('ignores messages to another phone number of the same account', () => {
    const { payload } = textMessage({ from: '6281', text: 'ok', phoneNumberId: '999' });
    expect(parseWhatsAppNotification(payload, PHONE_NUMBER_ID)).toEqual({ items: [], deliveryReports: [], ignored: ['for another phone number of the account'] });
  });

  it('turns statuses into delivery reports, with the error of a failed one', () => {
    const failed = statusUpdate({ messageId: 'wamid.A', status: 'failed', recipient: '6281', errors: [{ code: 131047, title: 'Re-engagement message' }] });
    expect(parseWhatsAppNotification(failed, PHONE_NUMBER_ID).deliveryReports).toEqual([
      { messageId: 'wamid.A', status: 'failed', error: 'WhatsApp #131047: Re-engagement message' },
    ]);
    const played = statusUpdate({ messageId: 'wamid.B', status: 'played', recipient: '6281' });
    expect(parseWhatsAppNotification(played, PHONE_NUMBER_ID).deliveryReports).toEqual([{ messageId: 'wamid.B', status: 'read' }]);
  });
});
