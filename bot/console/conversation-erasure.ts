import { createHash } from 'node:crypto';
import { AppError, badRequest, notFound } from '../http/app-error.ts';
import { maskPersonalData } from '../privacy-mask.ts';
import { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { Actor, AuditStore } from '../storage/console-ports.ts';
import { ERASED_CONVERSATION_PREFIX, isNothingErased, OpenTicketError, type ConversationErasureStore, type ErasureCounts } from '../storage/privacy-ports.ts';

export interface ConversationErasureDeps {
  erasure: ConversationErasureStore;
  audit: AuditStore;
  /** The runtime's per-conversation lock, so a turn in flight never writes into a half-erased conversation. */
  lock?: KeyedSerializer;
}

/**
 * A citizen's request to delete their data (UU 27/2022), carried out by an admin: erases the
 * conversation and records who did it, when, why and how much was removed — never what.
 */
export class ConversationErasure {
  private readonly lock: KeyedSerializer;

  constructor(private readonly deps: ConversationErasureDeps) {
    this.lock = deps.lock ?? new KeyedSerializer();
  }

  async erase(actor: Actor, conversationId: string, reason: string): Promise<ErasureCounts> {
    if (conversationId.startsWith(ERASED_CONVERSATION_PREFIX)) {
      throw badRequest('This conversation was already erased: its tickets are kept without anything that names the citizen.');
    }
    const counts = await this.lock.run(conversationId, () => this.deps.erasure.erase(conversationId)).catch((err: unknown) => {
      if (!(err instanceof OpenTicketError)) throw err;
      throw new AppError(409, 'ticket_open', `Ticket ${err.ticketNumber} of this conversation is still open: resolve or close it first, then erase.`);
    });
    if (isNothingErased(counts)) {
      // No id in the message: it is logged, and a WhatsApp or Telegram id names the citizen.
      throw notFound('Nothing is stored for this conversation: check the id (a ticket shows it), or it was already erased.');
    }
    await this.deps.audit.append([
      {
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: 'conversation',
        entityId: erasureReference(conversationId),
        action: 'erase',
        before: null,
        after: { reason: maskPersonalData(reason), ...counts },
      },
    ]);
    return counts;
  }
}

/**
 * How the audit log names an erased conversation: its channel and a fingerprint of its id. A
 * WhatsApp id is a phone number and a Telegram id a user id, which must not outlive the erasure;
 * an admin who still has the id can compute the same fingerprint to find the record.
 */
export function erasureReference(conversationId: string): string {
  const channel = /^(tg|wa|bf):/.exec(conversationId)?.[1] ?? 'web';
  return `${channel}:#${createHash('sha256').update(conversationId).digest('hex').slice(0, 12)}`;
}
