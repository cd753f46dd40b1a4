/**
 * Adds a staff account from the shell:
 *   npm run staff:add -- --email officer@dukcapil.example --role officer [--name "Siti"]
 * The password comes from STAFF_PASSWORD or is asked for (not echoed).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { STAFF_ROLES, type StaffRole } from '../bot/storage/staff-ports.ts';
import { createSqliteStorage } from '../bot/storage/sqlite/sqlite-storage.ts';
import { StaffAuthService, StaffInputError } from '../bot/staff/staff-auth-service.ts';
import { readSecret } from './read-secret.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.role || !(STAFF_ROLES as readonly string[]).includes(values.role)) {
  console.error(`Usage: npm run staff:add -- --email someone@agency.go.id --role ${STAFF_ROLES.join('|')} [--name "Full Name"]`);
  process.exit(2);
}
const config = loadConfig();
const password = process.env.STAFF_PASSWORD || (await readSecret(`Password for ${values.email}: `));
const storage = createSqliteStorage(config.databaseFile);
const service = new StaffAuthService(storage.staff, storage.sessions, { sessionTtlMs: 0, maxFailedLogins: 1, lockoutMs: 0 });
try {
  const user = await service.createUser({ email: values.email, name: values.name, role: values.role as StaffRole, password });
  console.log(`Added ${user.role} ${user.email} to ${config.databaseFile}`);
} catch (err) {
  if (err instanceof StaffInputError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  storage.close();
}
