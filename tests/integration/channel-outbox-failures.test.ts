import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../fixtures/telegram-updates.ts';
import { eventually, startChannelRig, TELEGRAM_SECRET, type ChannelRig } from '../helpers/channel-server.ts';
import { createStaff, type StaffSession } from '../helpers/staff-session.ts';

let rig: ChannelRig;
let officer: StaffSession;
beforeAll(async () => {
  // A short give-up time so that "the platform stayed down too long" happens within the test.
  rig = await startChannelRig({ OUTBOX_GIVE_UP_MS: '1500' });
  officer = await createStaff(rig.server.url, 'officer');
});
afterAll(async () => {
  await rig.dispose();
});

const deliver = (update: unknown) => rig.telegram.deliverUpdate(rig.telegramWebhook, update, TELEGRAM_SECRET);
const failedFor = (conversationId: string) =>
  eventually(async () => {
    const res = await officer.request('GET', '/api/staff/outbox?status=failed');
    return res.body.messages.find((m: { conversationId: string }) => m.conversationId === conversationId);
  }, `a failed message for ${conversationId}`);

describe('messages that cannot be delivered', () => {
  it('records a refused message as failed at once, with Telegram’s reason, for officers to see', async () => {
    rig.telegram.failNext(1, { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    await deliver(textUpdate({ chatId: 2001, text: 'ktp hilang' }));
    const failed = await failedFor('tg:2001');
    expect(failed).toMatchObject({ channel: 'telegram', status: 'failed', attempts: 1, lastError: 'Telegram sendMessage: Forbidden: bot was blocked by the user' });
    expect(failed.text.length).toBeGreaterThan(0);
  });

  it('gives up on a message after OUTBOX_GIVE_UP_MS of failed attempts and records why', async () => {
    rig.telegram.setDown(true);
    try {
      await deliver(textUpdate({ chatId: 2002, text: 'vaksin anak' }));
      const failed = await failedFor('tg:2002');
      expect(failed.attempts).toBeGreaterThan(1);
      expect(failed.lastError).toMatch(/^gave up after \d+ attempts: Telegram: could not reach the API/);
    } finally {
      rig.telegram.setDown(false);
    }
  });

  it('sends a failed message again when an officer asks for a retry', async () => {
    const [failed] = (await officer.request('GET', '/api/staff/outbox?status=failed&conversationId=tg:2002')).body.messages;
    const res = await officer.request('POST', `/api/staff/outbox/${failed.id}/retry`);
    expect(res.status).toBe(200);
    await rig.telegram.waitFor(() => rig.telegram.deliveredTo(2002).length === 1, 'the retried message');
    const sent = await eventually(async () => {
      const list = (await officer.request('GET', '/api/staff/outbox?status=sent&conversationId=tg:2002')).body.messages;
      return list.length ? list[0] : undefined;
    }, 'the message marked sent');
    expect(sent.id).toBe(failed.id);
    expect((await officer.request('POST', `/api/staff/outbox/${failed.id}/retry`)).status).toBe(409);
  });

  it('shows the outbox only to signed-in officers and admins', async () => {
    expect((await fetch(`${rig.server.url}/api/staff/outbox?status=failed`)).status).toBe(401);
    const editor = await createStaff(rig.server.url, 'editor');
    expect((await editor.request('GET', '/api/staff/outbox?status=failed')).status).toBe(403);
    expect((await officer.request('GET', '/api/staff/outbox?status=lost')).status).toBe(400);
  });
});
