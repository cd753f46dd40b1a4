import { conversationTopic, type LiveHub } from '../../handoff/live-hub.ts';
import type { ChannelSender } from '../../runtime/proactive-delivery.ts';
import type { ConversationStore } from '../../storage/ports.ts';

/**
 * The web widget's sender: an out-of-turn message becomes a `message` event on the conversation's
 * live stream (SSE). The message is in the transcript either way, so a widget that was closed
 * finds it in its history or gets it replayed on reconnect; delivery to the hub always succeeds.
 */
export function webLiveSender(hub: LiveHub, conversations: ConversationStore): ChannelSender {
  return async (message) => {
    let id = message.messageId;
    let createdAt = message.createdAt;
    if (id === undefined || createdAt === undefined) {
      const [stored] = await conversations.appendMessages([
        {
          conversationId: message.conversationId,
          author: message.author,
          text: message.reply.text,
          extra: { suggestions: message.reply.suggestions ?? null, sourceUrl: message.reply.sourceUrl ?? null, proactive: true },
        },
      ]);
      id = stored.id;
      createdAt = stored.createdAt;
    }
    hub.publish(conversationTopic(message.conversationId), {
      event: 'message',
      id,
      data: {
        id,
        author: message.author,
        text: message.reply.text,
        ...(message.reply.suggestions?.length ? { suggestions: message.reply.suggestions } : {}),
        createdAt,
        ...(message.officerName ? { officerName: message.officerName } : {}),
      },
    });
  };
}
