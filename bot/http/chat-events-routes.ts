import { Router } from 'express';
import type { HandoffDesk } from '../handoff/handoff-desk.ts';
import { conversationTopic, type LiveEvent, type LiveHub } from '../handoff/live-hub.ts';
import type { ConversationTokens } from '../runtime/conversation-tokens.ts';
import type { ConversationStore, StoredMessage } from '../storage/ports.ts';
import { badRequest } from './app-error.ts';
import { conversationId } from './chat-routes.ts';
import { requireToken } from './conversation-token.ts';
import { admitStream, lastEventId, streamTopic } from './sse.ts';

/** How many missed out-of-turn messages a reconnecting widget gets replayed. */
const REPLAY_LIMIT = 200;
/** Tabs and devices one conversation may listen from at once. */
const STREAMS_PER_CONVERSATION = 4;

export function messageEvent(m: StoredMessage): LiveEvent {
  const suggestions = Array.isArray(m.extra?.suggestions) && m.extra.suggestions.length ? { suggestions: m.extra.suggestions } : {};
  const officerName = typeof m.extra?.officerName === 'string' ? { officerName: m.extra.officerName } : {};
  return { event: 'message', id: m.id, data: { id: m.id, author: m.author, text: m.text, ...suggestions, createdAt: m.createdAt, ...officerName } };
}

/**
 * `GET /api/chat/:conversationId/events`: the widget's live stream (SSE) of officer messages and
 * handoff status. A reconnecting client sends `Last-Event-ID` (or `?after=`) and gets the
 * out-of-turn messages it missed, so an officer's reply is never lost to a dropped connection.
 * The conversation's token may come as `?token=`: EventSource cannot send headers.
 */
export function chatEventRoutes(deps: {
  hub: LiveHub;
  conversations: ConversationStore;
  desk: HandoffDesk;
  tokens: ConversationTokens;
  streamLimit: number;
}): Router {
  const router = Router();
  router.get('/api/chat/:conversationId/events', async (req, res) => {
    const parsed = conversationId.safeParse(req.params.conversationId);
    if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
    const id = parsed.data;
    await requireToken(deps.tokens, id, req, { query: true });
    const after = lastEventId(req);
    const initial: LiveEvent[] = [];
    if (after !== null) {
      const missed = (await deps.conversations.listMessages(id, REPLAY_LIMIT)).filter((m) => m.id > after && m.extra?.proactive === true);
      initial.push(...missed.map(messageEvent));
    }
    const status = await deps.desk.statusEvent(id);
    if (status) initial.push({ event: 'handoff', data: status });
    // Checked right before subscribing, with nothing awaited in between, so parallel opens cannot overshoot.
    admitStream(deps.hub, conversationTopic(id), { total: deps.streamLimit, perTopic: STREAMS_PER_CONVERSATION });
    streamTopic(req, res, deps.hub, conversationTopic(id), initial);
  });
  return router;
}
