import type { Logger } from '../logger.ts';
import type { TicketStore } from '../storage/handoff-ports.ts';
import type { CitizenOutbound } from './citizen-outbound.ts';
import { openSince, type OfficeSchedule } from './office-hours.ts';
import type { TicketBook } from './ticket-book.ts';
import { TicketRuleError, type TicketCommand } from './ticket-transitions.ts';
import type { Ticket } from './ticket.ts';

export interface SweepDeps {
  tickets: TicketStore;
  book: TicketBook;
  outbound: CitizenOutbound;
  schedule: OfficeSchedule;
  now: () => Date;
  /** A waiting ticket unclaimed this long during office hours is escalated. */
  escalateMs: number;
  /** A citizen unanswered this long by the officer holding the ticket triggers a reminder. */
  remindMs: number;
  logger: Logger;
}

export interface SweepReport {
  escalated: number;
  reminded: number;
  delivered: number;
}

const BATCH = 500;

/**
 * The periodic pass over open tickets: escalate the unclaimed, remind officers who left a citizen
 * waiting, and retry messages a channel could not take. Only office time counts towards escalation:
 * a ticket opened at night is not "late" when the office opens.
 */
export class TicketSweep {
  private running: Promise<SweepReport> | null = null;

  constructor(private readonly deps: SweepDeps) {}

  /** One pass; concurrent calls share the pass in progress. */
  run(): Promise<SweepReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs a pass every `intervalMs`; returns the function that stops it (after the pass in progress). */
  start(intervalMs: number): () => Promise<void> {
    const timer = setInterval(() => {
      this.run().catch((err) => this.deps.logger.error({ err }, 'ticket sweep failed'));
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await this.running?.catch(() => undefined);
    };
  }

  private async pass(): Promise<SweepReport> {
    const now = this.deps.now();
    const escalated = await this.apply(await this.overdueWaiting(now), { type: 'escalate' });
    const reminded = await this.apply(await this.unansweredAssigned(now), { type: 'remind' });
    const delivered = await this.deps.outbound.retryPending({ includeFresh: false });
    return { escalated, reminded, delivered };
  }

  private async overdueWaiting(now: Date): Promise<Ticket[]> {
    const since = openSince(this.deps.schedule, now);
    if (!since) return [];
    const waiting = await this.deps.tickets.list({ status: 'waiting', escalated: false, limit: BATCH });
    return waiting.filter((t) => now.getTime() - Math.max(Date.parse(t.createdAt), since.getTime()) >= this.deps.escalateMs);
  }

  private async unansweredAssigned(now: Date): Promise<Ticket[]> {
    const assigned = await this.deps.tickets.list({ status: 'assigned', limit: BATCH });
    return assigned.filter((t) => {
      if (!t.lastCitizenMessageAt) return false;
      const citizenAt = Date.parse(t.lastCitizenMessageAt);
      const answered = t.lastOfficerMessageAt !== null && Date.parse(t.lastOfficerMessageAt) >= citizenAt;
      const alreadyReminded = t.remindedAt !== null && Date.parse(t.remindedAt) >= citizenAt;
      // The officer's clock starts when they took the ticket, not when the citizen wrote overnight.
      const waitingSince = Math.max(citizenAt, Date.parse(t.assignedAt ?? t.createdAt));
      return !answered && !alreadyReminded && now.getTime() - waitingSince >= this.deps.remindMs;
    });
  }

  private async apply(tickets: Ticket[], command: TicketCommand): Promise<number> {
    let count = 0;
    for (const ticket of tickets) {
      try {
        await this.deps.book.change(ticket, command);
        count += 1;
      } catch (err) {
        // Claimed or answered in the meantime: nothing to do.
        if (!(err instanceof TicketRuleError)) throw err;
      }
    }
    return count;
  }
}
