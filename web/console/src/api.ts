/** The console talks to the server only through the documented JSON API under /api/staff. */
import type { StaffRole } from '../../../bot/storage/staff-ports.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
}

let csrfToken = '';
/** Called when any request finds the session gone, so the shell can show the sign-in form. */
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string) {
  csrfToken = token;
}
export function whenSignedOut(handler: () => void) {
  onUnauthenticated = handler;
}

export async function api<T = any>(method: string, path: string, body?: unknown, options: { raw?: string; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: string | undefined;
  if (options.raw !== undefined) {
    payload = options.raw;
    headers['content-type'] = options.contentType ?? 'text/plain';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error ?? {};
    if (res.status === 401 && !path.endsWith('/login')) onUnauthenticated();
    throw new ApiError(res.status, err.code ?? 'error', err.message ?? res.statusText, err.details);
  }
  return data as T;
}

export const can = {
  editKnowledge: (u: StaffUser | null) => u?.role === 'admin' || u?.role === 'editor',
  review: (u: StaffUser | null) => u?.role === 'admin' || u?.role === 'editor',
  admin: (u: StaffUser | null) => u?.role === 'admin',
  /** The officers' inbox: officers, and admins who supervise the queue. */
  handleTickets: (u: StaffUser | null) => u?.role === 'admin' || u?.role === 'officer',
};
