/**
 * Erasing one citizen's conversation on request (UU 27/2022 on personal data protection: the right
 * to have one's data deleted). Kept apart from the aggregates' own ports because it cuts across all
 * of them: it must reach every table that holds something of the conversation, in one transaction.
 */

/**
 * Tickets outlive an erasure for service statistics. Their conversation id is itself an identifier
 * (a WhatsApp id is the phone number), so they move to a fresh conversation id with this prefix
 * that nothing else refers to.
 */
export const ERASED_CONVERSATION_PREFIX = 'erased:';

/** Rows deleted outright, per kind. */
export interface ErasedRows {
  conversations: number;
  messages: number;
  unanswered: number;
  answerFeedback: number;
  turnReceipts: number;
  conversationTokens: number;
  pendingDeliveries: number;
  channelInbox: number;
  channelOutbox: number;
  channelContacts: number;
  botFrameworkReferences: number;
}

/** Rows kept for statistics with the citizen's words and identifiers taken out, per kind. */
export interface AnonymisedRows {
  /** Moved to an `erased:` conversation id; resolution note removed. */
  tickets: number;
  /** Officers' notes, and transfer/resolve notes, removed from the tickets' history. */
  ticketNotes: number;
  /** Language-model usage rows no longer linked to the conversation. */
  llmCalls: number;
  /** Audit records of the unanswered review that quoted the conversation's questions. */
  auditRecords: number;
}

/** What one erasure did: counts only, never content. */
export interface ErasureCounts {
  erased: ErasedRows;
  anonymised: AnonymisedRows;
}

export interface ConversationErasureStore {
  /**
   * Removes everything stored about one conversation, in one transaction. Throws
   * OpenTicketError (and changes nothing) while the conversation has a waiting or assigned
   * ticket: an officer is still talking to the citizen. All counts 0: nothing was stored.
   */
  erase(conversationId: string): Promise<ErasureCounts>;
}

export class OpenTicketError extends Error {
  constructor(readonly ticketNumber: string) {
    super(`Ticket ${ticketNumber} of this conversation is still open.`);
  }
}

/** True when the erasure found nothing at all to remove or anonymise. */
export function isNothingErased(counts: ErasureCounts): boolean {
  return [...Object.values(counts.erased), ...Object.values(counts.anonymised)].every((n) => n === 0);
}
