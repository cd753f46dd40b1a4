import { randomUUID } from 'node:crypto';
import type { SessionStore, StaffCredentials, StaffStore, StaffUser } from '../staff-ports.ts';
import type { Db } from './open-database.ts';

const toUser = (row: Record<string, unknown>): StaffUser => ({
  id: row.id as string,
  email: row.email as string,
  name: row.name as string,
  role: row.role as StaffUser['role'],
  disabled: row.disabled === 1,
  createdAt: row.created_at as string,
});

export function sqliteStaffStore(db: Db): StaffStore {
  const byId = db.prepare('SELECT * FROM staff_users WHERE id = ?');
  return {
    async count() {
      return (db.prepare('SELECT COUNT(*) AS n FROM staff_users').get() as { n: number }).n;
    },
    async list() {
      return (db.prepare('SELECT * FROM staff_users ORDER BY email').all() as Record<string, unknown>[]).map(toUser);
    },
    async findById(id) {
      const row = byId.get(id) as Record<string, unknown> | undefined;
      return row ? toUser(row) : null;
    },
    async findCredentials(email) {
      const row = db.prepare('SELECT * FROM staff_users WHERE email = ?').get(email.toLowerCase()) as Record<string, unknown> | undefined;
      if (!row) return null;
      return {
        ...toUser(row),
        passwordHash: row.password_hash as string,
        failedLogins: row.failed_logins as number,
        lockedUntil: (row.locked_until as string | null) ?? null,
      } satisfies StaffCredentials;
    },
    async create(user) {
      const id = randomUUID();
      db.prepare(
        'INSERT INTO staff_users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, user.email.toLowerCase(), user.name, user.role, user.passwordHash, new Date().toISOString());
      return toUser(byId.get(id) as Record<string, unknown>);
    },
    async update(id, changes) {
      const sets: string[] = [];
      const values: unknown[] = [];
      if (changes.name !== undefined) sets.push('name = ?') && values.push(changes.name);
      if (changes.role !== undefined) sets.push('role = ?') && values.push(changes.role);
      if (changes.disabled !== undefined) sets.push('disabled = ?') && values.push(changes.disabled ? 1 : 0);
      if (changes.passwordHash !== undefined) sets.push('password_hash = ?') && values.push(changes.passwordHash);
      if (sets.length) db.prepare(`UPDATE staff_users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      const row = byId.get(id) as Record<string, unknown> | undefined;
      return row ? toUser(row) : null;
    },
    async recordLoginFailure(id, lockedUntil) {
      db.prepare('UPDATE staff_users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?').run(lockedUntil, id);
    },
    async recordLoginSuccess(id) {
      db.prepare('UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
    },
  };
}

export function sqliteSessionStore(db: Db): SessionStore {
  return {
    async create(s) {
      db.prepare('INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        s.tokenHash,
        s.userId,
        s.csrfToken,
        s.createdAt,
        s.expiresAt,
      );
    },
    async find(tokenHash) {
      const row = db.prepare('SELECT * FROM staff_sessions WHERE token_hash = ?').get(tokenHash) as Record<string, string> | undefined;
      return row
        ? { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at }
        : null;
    },
    async extend(tokenHash, expiresAt) {
      db.prepare('UPDATE staff_sessions SET expires_at = ? WHERE token_hash = ?').run(expiresAt, tokenHash);
    },
    async delete(tokenHash) {
      db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
    },
    async deleteForUser(userId) {
      db.prepare('DELETE FROM staff_sessions WHERE user_id = ?').run(userId);
    },
  };
}
