import type { Locale } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import type { Decision } from '../engine/types.ts';
import type { HandoffDesk } from '../handoff/handoff-desk.ts';
import { relayAckReply, ticketOpenedReply, ticketStatusReply, type TicketInfo } from '../handoff/handoff-replies.ts';
import type { HandoffReason, Ticket } from '../handoff/ticket.ts';
import type { Translate } from '../i18n.ts';
import type { ConversationState, Storage } from '../storage/ports.ts';
import type { InboundMessage, Outcome, Reply } from './types.ts';

/** What the runtime needs to run a turn that involves a handoff ticket. */
export interface HandoffTurnDeps {
  storage: Storage;
  engine: Engine;
  translate: Translate;
  desk: HandoffDesk;
}

export interface HandoffTurnResult {
  replies: Reply[];
  outcome: Outcome;
  state: ConversationState;
  ticket?: TicketInfo;
}

/**
 * A turn while an officer owns the conversation: the bot stays silent. The message goes to the
 * ticket; only "back to the bot" (typed or tapped) ends the handoff. While nobody has picked the
 * ticket up yet, a short acknowledgement says where the citizen stands; it never answers the question.
 */
export async function handoffModeTurn(
  deps: HandoffTurnDeps,
  inbound: InboundMessage,
  state: ConversationState,
  ticket: Ticket,
  engineDecision: Decision,
  locale: Locale,
): Promise<HandoffTurnResult> {
  const { storage, translate: t, desk } = deps;
  const base = { faqId: null, confidence: 1, locale };
  const wantsBot = inbound.action === 'back-to-bot' || (inbound.action === undefined && engineDecision.action === 'back-to-bot');
  if (wantsBot) {
    const closed = await desk.returnToBot(ticket);
    const text = `${t(locale, 'handoff.returned', { number: closed.number })}\n\n${t(locale, 'greeting')}`;
    await storage.conversations.appendMessages([{ conversationId: state.id, author: 'citizen', text: inbound.text }]);
    return {
      replies: [{ text }],
      outcome: { ...base, action: 'smalltalk', intent: 'back-to-bot' },
      state: { ...state, locale, mode: 'bot', pendingChoices: [], consecutiveFallbacks: 0 },
      ticket: { number: closed.number, status: closed.status, officersOnline: (await desk.info(closed)).officersOnline },
    };
  }
  const [stored] = await storage.conversations.appendMessages([{ conversationId: state.id, author: 'citizen', text: inbound.text }]);
  await desk.relay(ticket, stored);
  const info = await desk.info(ticket);
  return {
    replies: ticket.status === 'waiting' ? [relayAckReply(info, locale, t)] : [],
    outcome: { ...base, action: 'relay', intent: 'relay' },
    state: { ...state, locale },
    ticket: info,
  };
}

/** A handoff decision in bot mode: open (or join) the ticket and tell the citizen what happens next. */
export async function openTicketTurn(
  deps: HandoffTurnDeps,
  state: ConversationState,
  reason: HandoffReason,
  locale: Locale,
): Promise<{ replies: Reply[]; ticket: TicketInfo }> {
  const { ticket, info } = await deps.desk.open({ conversationId: state.id, channel: state.channel, locale, reason, topicId: state.lastTopicId });
  return { replies: [ticketOpenedReply(reason, info, locale, deps.translate)], ticket: info };
}

/** "status tiket LYN-7K2Q9": details for the conversation that opened it, status only for anyone else. */
export async function ticketStatusReplies(deps: HandoffTurnDeps, number: string | null, conversationId: string, locale: Locale): Promise<Reply[]> {
  const t = deps.translate;
  const found = await deps.desk.lookup(number, conversationId);
  if (!found) return [{ text: number ? t(locale, 'ticket.notFound', { number }) : t(locale, 'ticketUnknown') }];
  const { ticket } = found;
  const topicTitle = ticket.topicId ? deps.engine.topic(ticket.topicId)?.content[locale].title : undefined;
  const subject = ticket.kind === 'complaint' ? t(locale, 'ticket.subjectComplaint') : (topicTitle ?? t(locale, 'ticket.subjectAssistance'));
  return [ticketStatusReply({ ...found, subject }, locale, t)];
}

/** The reply to a 1–5 rating after a resolved ticket. */
export function ratingThanks(t: Translate, locale: Locale, ticket: Ticket, score: number): Reply {
  return { text: t(locale, 'rating.thanks', { score, number: ticket.number }) };
}
