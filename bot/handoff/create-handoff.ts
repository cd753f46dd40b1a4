import type { Config } from '../config.ts';
import type { Translate } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ProactiveDelivery } from '../runtime/proactive-delivery.ts';
import { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { Storage } from '../storage/ports.ts';
import { CitizenOutbound } from './citizen-outbound.ts';
import { HandoffDesk } from './handoff-desk.ts';
import { LiveHub } from './live-hub.ts';
import type { OfficeSchedule } from './office-hours.ts';
import { OfficerPresence } from './officer-presence.ts';
import { OfficerService } from './officer-service.ts';
import { TicketBook } from './ticket-book.ts';
import { TicketSweep } from './ticket-sweep.ts';

export interface HandoffParts {
  desk: HandoffDesk;
  officers: OfficerService;
  sweep: TicketSweep;
  outbound: CitizenOutbound;
  presence: OfficerPresence;
  hub: LiveHub;
  schedule: OfficeSchedule;
  /** The per-conversation lock the runtime must share. */
  lock: KeyedSerializer;
}

type HandoffConfig = Pick<
  Config,
  'OFFICE_HOURS' | 'PUBLIC_HOLIDAYS' | 'HANDOFF_ESCALATE_MINUTES' | 'HANDOFF_REMIND_MINUTES' | 'HANDOFF_CITIZEN_SILENT_MINUTES'
>;

/** Wires the handoff pieces together; server.ts decides the store, the clock and the delivery. */
export function createHandoff(deps: {
  storage: Storage;
  config: HandoffConfig;
  translate: Translate;
  logger: Logger;
  delivery: ProactiveDelivery;
  hub: LiveHub;
  now: () => Date;
}): HandoffParts {
  const { storage, config, hub, now, logger } = deps;
  const schedule: OfficeSchedule = { weekly: config.OFFICE_HOURS, holidays: config.PUBLIC_HOLIDAYS };
  const lock = new KeyedSerializer();
  const presence = new OfficerPresence(now);
  const citizenSilentMs = config.HANDOFF_CITIZEN_SILENT_MINUTES * 60_000;
  const outbound = new CitizenOutbound({ conversations: storage.conversations, pending: storage.pendingDeliveries, delivery: deps.delivery, hub, logger });
  const book = new TicketBook({ tickets: storage.tickets, conversations: storage.conversations, staff: storage.staff, hub, now, citizenSilentMs, logger });
  const common = { book, tickets: storage.tickets, conversations: storage.conversations, outbound, presence, hub, schedule, now };
  return {
    desk: new HandoffDesk(common),
    officers: new OfficerService({ ...common, pending: storage.pendingDeliveries, staff: storage.staff, translate: deps.translate, lock, citizenSilentMs }),
    sweep: new TicketSweep({
      tickets: storage.tickets,
      book,
      outbound,
      schedule,
      now,
      escalateMs: config.HANDOFF_ESCALATE_MINUTES * 60_000,
      remindMs: config.HANDOFF_REMIND_MINUTES * 60_000,
      logger,
    }),
    outbound,
    presence,
    hub,
    schedule,
    lock,
  };
}
