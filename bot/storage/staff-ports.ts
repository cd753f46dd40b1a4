/** Staff accounts and their sessions: the console's and the officer API's identity. */

export const STAFF_ROLES = ['admin', 'editor', 'officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
}

export interface StaffCredentials extends StaffUser {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

export interface StaffSession {
  /** SHA-256 of the cookie value: a stolen database does not yield usable sessions. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface StaffStore {
  count(): Promise<number>;
  list(): Promise<StaffUser[]>;
  findById(id: string): Promise<StaffUser | null>;
  findCredentials(email: string): Promise<StaffCredentials | null>;
  create(user: { email: string; name: string; role: StaffRole; passwordHash: string }): Promise<StaffUser>;
  update(id: string, changes: Partial<Pick<StaffUser, 'name' | 'role' | 'disabled'>> & { passwordHash?: string }): Promise<StaffUser | null>;
  recordLoginFailure(id: string, lockedUntil: string | null): Promise<void>;
  recordLoginSuccess(id: string): Promise<void>;
}

export interface SessionStore {
  create(session: StaffSession): Promise<void>;
  find(tokenHash: string): Promise<StaffSession | null>;
  extend(tokenHash: string, expiresAt: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}
