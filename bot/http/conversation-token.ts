import type { Request } from 'express';
import type { ConversationTokens } from '../runtime/conversation-tokens.ts';
import { AppError } from './app-error.ts';

/** The header that carries a web conversation's token on every request after its first turn. */
export const TOKEN_HEADER = 'X-Conversation-Token';

export const tokenRefused = () =>
  new AppError(
    401,
    'conversation_token',
    `This chat belongs to another browser or device; start a new chat. (Send the conversationToken of this conversation in the ${TOKEN_HEADER} header.)`,
  );

/**
 * The token a request presents: the header, or for the live stream also `?token=`, because a
 * browser's EventSource cannot set headers. The query is masked in every log (see create-app.ts).
 */
export function presentedToken(req: Request, options: { query?: boolean } = {}): string | undefined {
  const header = req.get(TOKEN_HEADER);
  if (header) return header;
  const query = options.query ? req.query.token : undefined;
  return typeof query === 'string' && query ? query : undefined;
}

/** Throws 401 unless the request may read this conversation. */
export async function requireToken(tokens: ConversationTokens, conversationId: string, req: Request, options: { query?: boolean } = {}): Promise<void> {
  if (!(await tokens.admits(conversationId, presentedToken(req, options)))) throw tokenRefused();
}
