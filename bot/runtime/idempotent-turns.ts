import type { TurnReceiptStore } from '../storage/web-chat-ports.ts';
import type { ConversationRuntime } from './conversation-runtime.ts';
import { KeyedSerializer } from './serialize-by-key.ts';
import type { InboundMessage, TurnResult } from './types.ts';

/**
 * Makes a client's retry harmless. The widget queues a message while offline and sends it again
 * until it gets an answer; a request that reached us but whose response was lost must not become
 * a second turn. Each client message id is handled once and its result replayed afterwards.
 */
export class IdempotentTurns {
  /** Two copies of one message racing in (a retry while the first is still running) wait for each other. */
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly runtime: Pick<ConversationRuntime, 'handle'>,
    private readonly receipts: TurnReceiptStore,
  ) {}

  handle(inbound: InboundMessage, clientMessageId?: string): Promise<TurnResult> {
    if (!clientMessageId) return this.runtime.handle(inbound);
    const { conversationId } = inbound;
    return this.serializer.run(`${conversationId}\n${clientMessageId}`, async () => {
      const earlier = await this.receipts.find(conversationId, clientMessageId);
      if (earlier) return earlier as TurnResult;
      const result = await this.runtime.handle(inbound);
      await this.receipts.save(conversationId, clientMessageId, result);
      return result;
    });
  }
}
