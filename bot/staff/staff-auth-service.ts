import { createHash, randomBytes } from 'node:crypto';
import type { SessionStore, StaffRole, StaffStore, StaffUser } from '../storage/staff-ports.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export interface AuthSettings {
  sessionTtlMs: number;
  maxFailedLogins: number;
  lockoutMs: number;
}

export type LoginResult =
  | { ok: true; user: StaffUser; token: string; csrfToken: string; expiresAt: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
// Compared against when the e-mail is unknown, so a login takes as long either way.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Logins, sessions with sliding expiry, lock-out after repeated failures. */
export class StaffAuthService {
  constructor(
    private readonly staff: StaffStore,
    private readonly sessions: SessionStore,
    private readonly settings: AuthSettings,
  ) {}

  async login(email: string, password: string, now = new Date()): Promise<LoginResult> {
    const account = await this.staff.findCredentials(email.trim().toLowerCase());
    if (!account) {
      await verifyPassword(password, DUMMY_HASH);
      return { ok: false, reason: 'invalid' };
    }
    if (account.lockedUntil && new Date(account.lockedUntil) > now) return { ok: false, reason: 'locked' };
    if (!(await verifyPassword(password, account.passwordHash))) {
      const lock = account.failedLogins + 1 >= this.settings.maxFailedLogins;
      await this.staff.recordLoginFailure(account.id, lock ? new Date(now.getTime() + this.settings.lockoutMs).toISOString() : null);
      return { ok: false, reason: lock ? 'locked' : 'invalid' };
    }
    if (account.disabled) return { ok: false, reason: 'disabled' };
    await this.staff.recordLoginSuccess(account.id);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlMs).toISOString();
    await this.sessions.create({ tokenHash: sha256(token), userId: account.id, csrfToken, createdAt: now.toISOString(), expiresAt });
    const { passwordHash: _h, failedLogins: _f, lockedUntil: _l, ...user } = account;
    return { ok: true, user, token, csrfToken, expiresAt };
  }

  /** The signed-in user for a session cookie, extending the session while it is in use. */
  async authenticate(token: string, now = new Date()): Promise<{ user: StaffUser; csrfToken: string } | null> {
    const session = await this.sessions.find(sha256(token));
    if (!session) return null;
    if (new Date(session.expiresAt) <= now) {
      await this.sessions.delete(session.tokenHash);
      return null;
    }
    const user = await this.staff.findById(session.userId);
    if (!user || user.disabled) return null;
    await this.sessions.extend(session.tokenHash, new Date(now.getTime() + this.settings.sessionTtlMs).toISOString());
    return { user, csrfToken: session.csrfToken };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(sha256(token));
  }

  async createUser(input: { email: string; name?: string; role: StaffRole; password: string }): Promise<StaffUser> {
    const problem = passwordProblem(input.password);
    if (problem) throw new StaffInputError(problem);
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new StaffInputError('Enter a valid e-mail address.');
    if (await this.staff.findCredentials(email)) throw new StaffInputError(`A staff account for ${email} already exists.`);
    return this.staff.create({ email, name: input.name?.trim() || email, role: input.role, passwordHash: await hashPassword(input.password) });
  }

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, only while no account exists. */
  async bootstrapAdmin(email: string, password: string): Promise<StaffUser | null> {
    if ((await this.staff.count()) > 0) return null;
    return this.createUser({ email, password, role: 'admin', name: 'Administrator' });
  }
}

/** Bad input for a staff account (weak password, duplicate e-mail): shown to the admin as is. */
export class StaffInputError extends Error {}
