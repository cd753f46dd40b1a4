import { badRequest, notFound, AppError } from '../http/app-error.ts';
import type { Actor, AuditStore } from '../storage/console-ports.ts';
import type { SessionStore, StaffRole, StaffStore, StaffUser } from '../storage/staff-ports.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/** User management for admins: every change is audited and ends the user's open sessions where it matters. */
export class StaffAdmin {
  constructor(
    private readonly staff: StaffStore,
    private readonly sessions: SessionStore,
    private readonly audit: AuditStore,
  ) {}

  list(): Promise<StaffUser[]> {
    return this.staff.list();
  }

  async recordCreated(actor: Actor, user: StaffUser): Promise<void> {
    await this.log(actor, user.id, 'create', null, user);
  }

  async update(actor: Actor, id: string, changes: { name?: string; role?: StaffRole; disabled?: boolean }): Promise<StaffUser> {
    const before = await this.staff.findById(id);
    if (!before) throw notFound('There is no such staff account.');
    const losesAdmin = before.role === 'admin' && !before.disabled && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && (await this.activeAdmins()) <= 1) {
      throw new AppError(409, 'last_admin', 'This is the only active admin: make another admin first.');
    }
    const name = changes.name?.trim();
    if (changes.name !== undefined && !name) throw badRequest('The name must not be empty.');
    const after = (await this.staff.update(id, { ...changes, ...(name ? { name } : {}) }))!;
    // A new role or a disabled account takes effect now, not when the old session expires.
    if (changes.disabled === true || (changes.role && changes.role !== before.role)) await this.sessions.deleteForUser(id);
    await this.log(actor, id, changes.disabled === true ? 'disable' : changes.disabled === false ? 'enable' : 'update', before, after);
    return after;
  }

  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const user = await this.staff.findById(id);
    if (!user) throw notFound('There is no such staff account.');
    const problem = passwordProblem(password);
    if (problem) throw badRequest(problem);
    await this.staff.update(id, { passwordHash: await hashPassword(password) });
    await this.staff.recordLoginSuccess(id); // also lifts a lock-out
    await this.sessions.deleteForUser(id);
    await this.log(actor, id, 'reset-password', { email: user.email }, { email: user.email, passwordChanged: true });
  }

  private async activeAdmins(): Promise<number> {
    return (await this.staff.list()).filter((u) => u.role === 'admin' && !u.disabled).length;
  }

  private log(actor: Actor, id: string, action: string, before: unknown, after: unknown) {
    return this.audit.append([{ actorId: actor.id, actorEmail: actor.email, entityType: 'user', entityId: id, action, before, after }]);
  }
}
