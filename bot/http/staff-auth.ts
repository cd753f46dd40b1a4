import { Router, type Request, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '../storage/staff-ports.ts';
import { StaffInputError, type StaffAuthService } from '../staff/staff-auth-service.ts';
import { AppError, badRequest } from './app-error.ts';

export const SESSION_COOKIE = 'layani_session';
/** State-changing staff requests must echo the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    staff?: StaffUser;
  }
}

export type RequireRole = (...roles: StaffRole[]) => RequestHandler;

export interface StaffAuth {
  /** Middleware: 401 without a valid session, 403 for a role not listed (admins pass every check). */
  requireRole: RequireRole;
  /** Login, logout, "who am I", and user management for admins. */
  router: Router;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const loginSchema = z.object({ email: z.string().min(3).max(200), password: z.string().min(1).max(200) });
const newUserSchema = z.object({
  email: z.string().max(200),
  name: z.string().max(100).optional(),
  role: z.enum(STAFF_ROLES),
  password: z.string().max(200),
});

export interface StaffAuthOptions {
  loginAttemptsPerWindow?: number;
  /** Called after an admin adds an account, to audit it. */
  onUserCreated?: (actor: StaffUser, user: StaffUser) => Promise<void>;
}

export function createStaffAuth(service: StaffAuthService, options: StaffAuthOptions = {}): StaffAuth {
  const requireRole: RequireRole =
    (...roles) =>
    async (req, _res, next) => {
      const token = sessionToken(req);
      const session = token ? await service.authenticate(token) : null;
      if (!session) throw new AppError(401, 'unauthenticated', 'Please sign in to the staff console.');
      if (session.user.role !== 'admin' && !roles.includes(session.user.role)) {
        throw new AppError(403, 'forbidden', `This needs the ${roles.join(' or ')} role.`);
      }
      if (!SAFE_METHODS.has(req.method) && req.get(CSRF_HEADER) !== session.csrfToken) {
        throw new AppError(403, 'csrf', `Missing or wrong ${CSRF_HEADER} header; reload the console and try again.`);
      }
      req.staff = session.user;
      next();
    };

  const router = Router();
  const loginLimit = rateLimit({
    windowMs: 15 * 60_000,
    limit: options.loginAttemptsPerWindow ?? 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    message: { error: { code: 'rate_limited', message: 'Too many sign-in attempts. Wait 15 minutes and try again.' } },
  });

  router.post('/api/staff/login', loginLimit, async (req, res) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) throw badRequest('Send {"email", "password"}.');
    const result = await service.login(parsed.data.email, parsed.data.password);
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? 'Too many wrong passwords: this account is locked for a while. Try again later or ask an admin.'
          : 'Wrong e-mail or password.';
      throw new AppError(401, result.reason === 'locked' ? 'locked' : 'invalid_credentials', message);
    }
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: new Date(result.expiresAt),
    });
    res.json({ user: result.user, csrfToken: result.csrfToken });
  });

  router.post('/api/staff/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await service.logout(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/api/staff/me', async (req, res) => {
    const token = sessionToken(req);
    const session = token ? await service.authenticate(token) : null;
    if (!session) throw new AppError(401, 'unauthenticated', 'Please sign in to the staff console.');
    res.json({ user: session.user, csrfToken: session.csrfToken });
  });

  router.post('/api/staff/users', requireRole('admin'), async (req, res) => {
    const parsed = newUserSchema.safeParse(req.body);
    if (!parsed.success) throw badRequest('Send {"email", "role": "admin"|"editor"|"officer", "password", "name"?}.');
    try {
      const user = await service.createUser(parsed.data);
      await options.onUserCreated?.(req.staff!, user);
      res.status(201).json({ user });
    } catch (err) {
      if (err instanceof StaffInputError) throw badRequest(err.message);
      throw err;
    }
  });

  return { requireRole, router };
}
