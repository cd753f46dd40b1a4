import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConversationTokenStore } from '../storage/web-chat-ports.ts';

/** base64url of at least 16 random bytes (128 bits); the widget sends 32. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;

/** A turn may go ahead with this token (the client keeps it), or is refused. */
export type TokenClaim =
  | { kind: 'admitted'; token: string; isNew: boolean }
  | { kind: 'refused' }
  /** Not yet protected, but the token offered is too short or not base64url to protect it with. */
  | { kind: 'malformed' };

/**
 * The secret that opens a web conversation (docs/decisions/0010-conversation-token.md). A web
 * conversation id is chosen by the client and shows up in URLs; the token is what proves the
 * request comes from the browser that started the conversation. Only its SHA-256 hash is stored.
 */
export class ConversationTokens {
  constructor(private readonly store: ConversationTokenStore) {}

  /** Reads (history, live events, ratings): a protected conversation needs its token; any other is open. */
  async admits(conversationId: string, presented: string | undefined): Promise<boolean> {
    const stored = await this.store.find(conversationId);
    return stored === null || matches(stored, presented);
  }

  /**
   * A turn. The first turn of a conversation with no token yet (a new one, or one from before
   * tokens existed) sets it: the token the client offers, so that its retries carry the same one,
   * or else a new random one. Every later turn must present it.
   */
  async claim(conversationId: string, presented: string | undefined): Promise<TokenClaim> {
    const stored = await this.store.find(conversationId);
    if (stored) return matches(stored, presented) ? { kind: 'admitted', token: presented!, isNew: false } : { kind: 'refused' };
    if (presented !== undefined && !TOKEN_SHAPE.test(presented)) return { kind: 'malformed' };
    const token = presented ?? randomBytes(32).toString('base64url');
    const kept = await this.store.claim(conversationId, hashOf(token));
    // Another first turn with another token got there first.
    return matches(kept, token) ? { kind: 'admitted', token, isNew: true } : { kind: 'refused' };
  }

  /** Undoes a claim whose turn failed: the client never learnt a server-made token. */
  release(conversationId: string, token: string): Promise<void> {
    return this.store.release(conversationId, hashOf(token));
  }
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

function matches(stored: Buffer, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const hash = hashOf(presented);
  return hash.length === stored.length && timingSafeEqual(hash, stored);
}
