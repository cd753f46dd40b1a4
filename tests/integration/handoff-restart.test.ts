import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';
import { startFakeConnector } from '../fakes/bot-connector.ts';
import { messageActivity } from '../fixtures/bot-activity.ts';
import { newOfficer, sessionAt, ticketDetail } from '../helpers/handoff.ts';
import type { StaffSession } from '../helpers/staff-session.ts';
import { chat, startTestServer } from '../helpers/test-server.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-handoff-restart-'));
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Bot Framework (Teams, Web Chat…) message, answered in the HTTP response. */
async function botFramework(server: { url: string }, text: string, id: string) {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      messageActivity({ serviceUrl: connector.url, conversationId: 'bf-handoff', id, text, from: 'warga-bf', extra: { deliveryMode: 'expectReplies' } }),
    ),
  });
  return (await res.json()) as { activities: { text: string; channelData: { outcome: { action: string }; ticket?: { number: string } } }[] };
}

it('keeps an open ticket and the conversation mode across a restart, and delivers an officer reply the channel refused once it is back', { timeout: 60_000 }, async () => {
  const env = { OFFICE_HOURS: 'always' };
  const first = await startTestServer(env, dir);
  let officer: StaffSession;
  let webTicket: string;
  let bfTicket: string;
  try {
    officer = await newOfficer(first.url);
    webTicket = ((await chat(first, 'restart-web', 'mau bicara dengan petugas')).ticket as { number: string }).number;
    const bf = await botFramework(first, 'mau bicara dengan petugas', 'act-1');
    expect(bf.activities[0].channelData.outcome.action).toBe('handoff');
    bfTicket = (await officer.request('GET', '/api/staff/tickets')).body.tickets.find((t: { channel: string }) => t.channel === 'botframework').number;
    // The Bot Framework channel is down: the officer's messages must wait, not vanish.
    connector.down = true;
    await officer.request('POST', `/api/staff/tickets/${bfTicket}/claim`);
    const reply = await officer.request('POST', `/api/staff/tickets/${bfTicket}/reply`, { text: 'Balasan yang belum terkirim' });
    expect(reply.status).toBe(201);
    expect(reply.body.delivered).toBe(false);
  } finally {
    await first.stop();
  }

  const storageBefore = createSqliteStorage(path.join(dir, 'layani.db'));
  try {
    // "An officer has taken your ticket" and the reply both wait for the channel.
    const pending = await storageBefore.pendingDeliveries.list();
    expect(pending.map((p) => [p.channel, (p.payload as { author: string }).author])).toEqual([
      ['botframework', 'system'],
      ['botframework', 'officer'],
    ]);
    expect(pending[1].payload).toMatchObject({ reply: { text: 'Balasan yang belum terkirim' } });
  } finally {
    storageBefore.close();
  }

  connector.down = false;
  const second = await startTestServer(env, dir);
  try {
    const relayed = await chat(second, 'restart-web', 'apakah masih ada yang membalas?');
    expect(relayed.outcome.action).toBe('relay');
    expect(relayed.ticket).toMatchObject({ number: webTicket, status: 'waiting' });

    // The officer's session survives too; the ticket is still claimable and answerable.
    officer = sessionAt(officer!, second.url);
    expect((await officer.request('POST', `/api/staff/tickets/${webTicket}/claim`)).status).toBe(200);
    expect((await officer.request('POST', `/api/staff/tickets/${webTicket}/reply`, { text: 'Masih, saya bantu.' })).status).toBe(201);
    const detail = await ticketDetail(officer, webTicket);
    expect(detail.transcript.map((m) => m.author)).toEqual(['citizen', 'bot', 'citizen', 'bot', 'system', 'officer']);

    // Back up after the restart: the waiting reply goes out to the stored conversation. (Delivery is
    // at least once: botbuilder may still be retrying the first attempt, so a copy can arrive too.)
    await expect
      .poll(() => connector.calls.filter((c) => c.url.startsWith('/v3/conversations/bf-handoff/activities')).map((c) => c.body.text as string), { timeout: 15_000 })
      .toContain('Balasan yang belum terkirim');
    await expect.poll(async () => ((await ticketDetail(officer, bfTicket!)).transcript.at(-1) as { pending?: boolean } | undefined)?.pending, { timeout: 15_000 }).not.toBe(true);
    const bf = await botFramework(second, 'halo?', 'act-2');
    expect(bf.activities).toEqual([]);
  } finally {
    await second.stop();
  }
  const storage = createSqliteStorage(path.join(dir, 'layani.db'));
  try {
    expect((await storage.pendingDeliveries.list()).filter((p) => (p.payload as { author: string }).author === 'officer')).toEqual([]);
  } finally {
    storage.close();
  }
});
