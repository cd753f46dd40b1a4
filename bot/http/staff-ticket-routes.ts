import { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { TICKET_ALPHABET } from '../engine/ticket-number.ts';
import { STAFF_TOPIC, type LiveHub } from '../handoff/live-hub.ts';
import type { OfficerPresence } from '../handoff/officer-presence.ts';
import { OfficerInputError, TicketNotFoundError, type OfficerService } from '../handoff/officer-service.ts';
import { TicketRuleError, type TicketRuleCode } from '../handoff/ticket-transitions.ts';
import { TICKET_STATUSES } from '../handoff/ticket.ts';
import type { TicketStore } from '../storage/handoff-ports.ts';
import { AppError, badRequest, notFound } from './app-error.ts';
import type { RequireRole } from './staff-auth.ts';
import { streamTopic } from './sse.ts';
import { parseInput } from './parse-input.ts';

export interface StaffTicketDeps {
  officers: OfficerService;
  tickets: TicketStore;
  presence: OfficerPresence;
  hub: LiveHub;
  requireRole: RequireRole;
}

const TICKET_NUMBER = new RegExp(`^LYN-[${TICKET_ALPHABET}]{5}$`, 'i');
const text = (max: number, what: string) =>
  z.string({ error: `${what} must be a string` }).trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

const schemas = {
  queue: z.object({
    status: z.enum([...TICKET_STATUSES, 'open'], { error: `status must be open, ${TICKET_STATUSES.join(', ')}` }).optional(),
    mine: z.enum(['true', 'false']).optional(),
    escalated: z.enum(['true', 'false']).optional(),
  }),
  reply: z.object({ text: text(4000, 'text') }),
  note: z.object({ text: text(2000, 'text') }),
  transfer: z.object({ officerId: text(100, 'officerId'), note: text(2000, 'note').optional() }),
  resolve: z.object({ note: text(2000, 'note') }),
  close: z.object({ message: text(4000, 'message') }),
};


function ticketNumber(req: Request): string {
  const number = String(req.params.number ?? '');
  if (!TICKET_NUMBER.test(number)) throw notFound(`"${number}" is not a ticket number (they look like LYN-7K2Q9).`);
  return number.toUpperCase();
}

const RULE_STATUS: Partial<Record<TicketRuleCode, number>> = { not_owner: 403, invalid_rating: 400 };

/** Ticket rule violations become 409 (403 for someone else's ticket) with the rule's own explanation. */
const mapErrors: ErrorRequestHandler = (err, _req, _res, next) => {
  if (err instanceof TicketRuleError) return next(new AppError(RULE_STATUS[err.code] ?? 409, err.code, err.message));
  if (err instanceof TicketNotFoundError) return next(notFound(err.message));
  if (err instanceof OfficerInputError) return next(badRequest(err.message));
  next(err);
};

/** The officer API: queue, ticket detail, claim, reply, notes, transfer, resolve, close, and the live queue. */
export function staffTicketRoutes(deps: StaffTicketDeps): Router {
  const router = Router();
  const { officers } = deps;
  const seen: RequestHandler = (req, _res, next) => {
    deps.presence.seen(req.staff!.id);
    next();
  };
  const guard = [deps.requireRole('officer'), seen];

  router.get('/api/staff/tickets', ...guard, async (req, res) => {
    const q = parseInput(schemas.queue, req.query);
    res.json(await officers.queue({ status: q.status, mine: q.mine === 'true', escalated: q.escalated === undefined ? undefined : q.escalated === 'true' }, req.staff!));
  });
  router.get('/api/staff/tickets/:number', ...guard, async (req, res) => {
    res.json(await officers.detail(ticketNumber(req)));
  });
  router.post('/api/staff/tickets/:number/claim', ...guard, async (req, res) => {
    res.json({ ticket: await officers.claim(ticketNumber(req), req.staff!) });
  });
  router.post('/api/staff/tickets/:number/reply', ...guard, async (req, res) => {
    const { text } = parseInput(schemas.reply, req.body);
    res.status(201).json(await officers.reply(ticketNumber(req), req.staff!, text));
  });
  router.post('/api/staff/tickets/:number/notes', ...guard, async (req, res) => {
    const { text } = parseInput(schemas.note, req.body);
    res.status(201).json({ note: await officers.note(ticketNumber(req), req.staff!, text) });
  });
  router.post('/api/staff/tickets/:number/transfer', ...guard, async (req, res) => {
    const body = parseInput(schemas.transfer, req.body);
    res.json({ ticket: await officers.transfer(ticketNumber(req), req.staff!, body.officerId, body.note) });
  });
  router.post('/api/staff/tickets/:number/resolve', ...guard, async (req, res) => {
    const { note } = parseInput(schemas.resolve, req.body);
    res.json({ ticket: await officers.resolve(ticketNumber(req), req.staff!, note) });
  });
  router.post('/api/staff/tickets/:number/close', ...guard, async (req, res) => {
    const { message } = parseInput(schemas.close, req.body);
    res.json({ ticket: await officers.close(ticketNumber(req), req.staff!, message) });
  });
  router.get('/api/staff/officers', ...guard, async (_req, res) => {
    res.json({ officers: await officers.officers() });
  });
  router.get('/api/staff/events', ...guard, async (req, res) => {
    const counts = await deps.tickets.counts();
    const leave = deps.presence.connect(req.staff!.id);
    streamTopic(req, res, deps.hub, STAFF_TOPIC, [{ event: 'queue', data: { counts } }], leave);
  });
  router.use(mapErrors);
  return router;
}
