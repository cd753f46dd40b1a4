/**
 * Where a Bot Framework conversation can be reached later (serviceUrl, ids): saved from each
 * inbound activity so an officer's reply can be sent proactively, also after a restart.
 */
export interface BotFrameworkReferenceStore {
  save(conversationId: string, reference: Record<string, unknown>): Promise<void>;
  find(conversationId: string): Promise<Record<string, unknown> | null>;
}
