import { createStaff, type StaffSession } from './staff-session.ts';

/** `LYN-` and five characters from the unambiguous alphabet (no 0/O, 1/I/L). */
export const TICKET_NUMBER = /^LYN-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;

let officers = 0;

/** A new officer account (display name "Test officer"), signed in. */
export function newOfficer(baseUrl: string): Promise<StaffSession> {
  officers += 1;
  return createStaff(baseUrl, 'officer', `officer-${process.pid}-${officers}@layani.test`);
}

/** The ticket as officers see it, fetched through the officer API. */
export async function ticketDetail(officer: StaffSession, number: string) {
  const res = await officer.request('GET', `/api/staff/tickets/${number}`);
  if (res.status !== 200) throw new Error(`GET ticket ${number} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    ticket: Record<string, any>;
    transcript: { id: number; author: string; text: string; officerName?: string }[];
    notes: { text: string; officerName: string | null }[];
    events: { type: string; actor: string; fromStatus: string | null; toStatus: string }[];
  };
}

/** The same signed-in session (cookie and CSRF token) used against another server address, e.g. after a restart. */
export function sessionAt(session: StaffSession, baseUrl: string): StaffSession {
  return {
    ...session,
    async request(method, path, payload) {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
    },
  };
}
