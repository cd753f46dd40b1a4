import type { Locale } from '../domain.ts';
import type { Translate } from '../i18n.ts';
import type { Reply } from '../runtime/types.ts';
import type { ChannelAddress, ChoiceMenu, MessagingChannelName, OutboundAuthor, OutboundRequest } from '../storage/channel-ports.ts';

/** What a renderer needs besides the replies: the conversation's language and whether free text can reach it. */
export interface RenderContext {
  locale: Locale;
  translate: Translate;
  author: OutboundAuthor;
  /** WhatsApp only: false once 24 hours have passed since the citizen last wrote. */
  serviceWindowOpen: boolean;
}

export interface RenderedMessage {
  request: OutboundRequest;
  preview: string;
}

export interface RenderedReplies {
  messages: RenderedMessage[];
  /** The choices offered, numbered from 1, so that a typed number can pick one; null when none. */
  menu: ChoiceMenu;
}

/** How one send attempt ended. "Refused" (permanent) is kept apart from "unreachable or busy" (retry). */
export type SendOutcome =
  | { ok: true; externalMessageId: string | null }
  | { ok: false; retryable: true; error: string; retryAfterMs?: number }
  | { ok: false; retryable: false; error: string; outsideServiceWindow?: boolean };

/**
 * A messaging platform as the inbox processor and the outbox see it: a thin translator from the
 * bot's replies to platform requests, and one way to send a request.
 */
export interface MessagingChannel {
  name: MessagingChannelName;
  render(address: ChannelAddress, replies: Reply[], context: RenderContext): RenderedReplies;
  send(request: OutboundRequest): Promise<SendOutcome>;
  /** Where a conversation's messages go when no inbound message has told us yet. */
  addressFor(conversationId: string): ChannelAddress | null;
  /** Whether free-form messages can reach a citizen who last wrote at `lastInboundAt`. */
  isServiceWindowOpen(lastInboundAt: string | null, now: number): boolean;
  /** A message the platform refused because the service window had closed, rewritten as a template. */
  outsideWindowFallback?(request: OutboundRequest): RenderedMessage | null;
}
