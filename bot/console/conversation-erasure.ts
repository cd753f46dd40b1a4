import { AppError, notFound } from '../http/app-error.ts';
import { maskConversationId, maskPersonalData } from '../privacy-mask.ts';
import { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { Actor, AuditStore } from '../storage/console-ports.ts';
import { isNothingErased, OpenTicketError, type ConversationErasureStore, type ErasureCounts } from '../storage/privacy-ports.ts';

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
    const counts = await this.lock.run(conversationId, () => this.deps.erasure.erase(conversationId)).catch((err: unknown) => {
      if (!(err instanceof OpenTicketError)) throw err;
      throw new AppError(409, 'ticket_open', `Ticket ${err.ticketNumber} of this conversation is still open: resolve or close it first, then erase.`);
    });
    if (isNothingErased(counts)) {
      throw notFound(`Nothing is stored for conversation "${conversationId}": check the id (a ticket shows it), or it was already erased.`);
    }
    await this.deps.audit.append([
      {
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: 'conversation',
        // As the logs show it: a WhatsApp id is the citizen's phone number, which must not outlive the erasure.
        entityId: maskConversationId(conversationId),
        action: 'erase',
        before: null,
        after: { reason: maskPersonalData(reason), ...counts },
      },
    ]);
    return counts;
  }
}
