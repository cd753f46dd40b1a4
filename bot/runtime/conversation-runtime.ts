import type { Locale } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import type { Decision, EngineInput, EngineResult } from '../engine/types.ts';
import type { HandoffDesk } from '../handoff/handoff-desk.ts';
import type { TicketInfo } from '../handoff/handoff-replies.ts';
import type { HandoffReason } from '../handoff/ticket.ts';
import type { Translate } from '../i18n.ts';
import type { TurnAssist } from '../llm/turn-assist.ts';
import type { Logger } from '../logger.ts';
import type { ConversationState, Storage } from '../storage/ports.ts';
import { handoffModeTurn, openTicketTurn, ratingThanks, ticketStatusReplies } from './handoff-turn.ts';
import { renderReply } from './render-reply.ts';
import { KeyedSerializer } from './serialize-by-key.ts';
import type { InboundMessage, Outcome, Reply, TurnResult } from './types.ts';

export interface RuntimeDeps {
  storage: Storage;
  engine: Engine;
  translate: Translate;
  logger: Logger;
  /** Questions staff marked out of scope: still declined, but not logged as new unanswered ones. */
  isKnownOutOfScope?: (terms: string[]) => boolean;
  /** Optional language-model help; absent, the turn is purely lexical. */
  assist?: TurnAssist;
  desk: HandoffDesk;
  /** Shared with the officer side, so a resolve and a citizen's turn never interleave on one conversation. */
  lock?: KeyedSerializer;
}

/** Two fallbacks in a row mean the bot cannot help: hand the citizen to a person. */
const FALLBACKS_BEFORE_HANDOFF = 2;

/**
 * One turn: load the conversation, run the engine, render, persist everything, log what went
 * unanswered. Channels call `handle`; none of them sees the engine or the store.
 */
export class ConversationRuntime {
  private readonly serializer: KeyedSerializer;

  constructor(private readonly deps: RuntimeDeps) {
    this.serializer = deps.lock ?? new KeyedSerializer();
  }

  handle(inbound: InboundMessage): Promise<TurnResult> {
    return this.serializer.run(inbound.conversationId, () => this.turn(inbound));
  }

  async history(conversationId: string) {
    return this.deps.storage.conversations.listMessages(conversationId);
  }

  private async turn(inbound: InboundMessage): Promise<TurnResult> {
    const { storage, engine } = this.deps;
    const state = (await storage.conversations.find(inbound.conversationId)) ?? newConversation(inbound);
    const input: EngineInput = {
      text: inbound.text,
      conversation: { locale: state.locale, lastTopicId: state.lastTopicId, pendingChoices: state.pendingChoices },
      locale: inbound.locale,
      localeHint: inbound.localeHint,
      choiceTopicId: inbound.choiceTopicId,
    };
    const lexical = engine.run(input);
    // While an officer owns the conversation the bot only listens for "back to the bot": no model is asked.
    const openTicket = state.mode === 'handoff' ? await this.deps.desk.openTicketOf(state.id) : null;
    if (openTicket) {
      const turn = await handoffModeTurn(this.deps, inbound, state, openTicket, lexical.decision, lexical.trace.locale);
      return this.finish(inbound, turn.state, turn.replies, turn.outcome, { citizenStored: true, ticket: turn.ticket });
    }
    // A handoff that ended while the conversation was idle leaves nothing to relay to: back to the bot.
    const botState: ConversationState = { ...state, mode: 'bot' };
    const rated = inbound.action ? null : await this.deps.desk.takeRating(state.id, inbound.text);
    if (rated) {
      const locale = lexical.trace.locale;
      const outcome: Outcome = { action: 'smalltalk', faqId: null, intent: 'satisfaction-rating', confidence: 1, locale };
      return this.finish(inbound, { ...botState, locale }, [ratingThanks(this.deps.translate, locale, rated.ticket, rated.score)], outcome, {});
    }
    return this.botTurn(inbound, botState, input, lexical);
  }

  private async botTurn(inbound: InboundMessage, state: ConversationState, input: EngineInput, lexical: EngineResult): Promise<TurnResult> {
    const { assist, engine } = this.deps;
    const result = assist ? await assist.understand(inbound, input, lexical) : lexical;
    const phrased = assist ? await assist.phrase(inbound, result) : null;
    const locale = result.trace.locale;
    const { decision, handoffReason } = choose(inbound, phrased?.decision ?? result.decision, state);
    const outcome = toOutcome(decision, result, locale);
    let replies: Reply[];
    let ticket: TicketInfo | undefined;
    if (decision.action === 'handoff') {
      await this.deps.storage.conversations.save({ ...state, locale }); // the ticket refers to the stored conversation
      ({ replies, ticket } = await openTicketTurn(this.deps, state, handoffReason ?? decision.reason, locale));
    } else if (decision.action === 'ticket-status') {
      replies = await ticketStatusReplies(this.deps, decision.ticketNumber, state.id, locale);
    } else {
      replies = renderReply(decision, locale, this.deps.translate, (id) => engine.topic(id));
      if (phrased?.text && decision.action === 'answer') replies[0] = { ...replies[0], text: phrased.text };
    }
    await this.recordUnanswered(inbound, decision, result, locale);
    return this.finish(inbound, nextState(state, decision, locale), replies, outcome, { ticket });
  }

  /** Persists the turn (state, citizen message unless already stored, replies), logs its decision. */
  private async finish(
    inbound: InboundMessage,
    state: ConversationState,
    replies: Reply[],
    outcome: Outcome,
    options: { citizenStored?: boolean; ticket?: TicketInfo },
  ): Promise<TurnResult> {
    const { storage } = this.deps;
    await storage.conversations.save(state);
    const stored = await storage.conversations.appendMessages([
      ...(options.citizenStored ? [] : [{ conversationId: state.id, author: 'citizen' as const, text: inbound.text }]),
      ...replies.map((r) => ({
        conversationId: state.id,
        author: 'bot' as const,
        text: r.text,
        outcome: outcome as unknown as Record<string, unknown>,
        extra: { suggestions: r.suggestions ?? null, sourceUrl: r.sourceUrl ?? null },
      })),
    ]);
    this.deps.logger.info(
      {
        conversationId: state.id,
        channel: inbound.channel,
        action: outcome.action,
        faqId: outcome.faqId,
        intent: outcome.intent,
        confidence: outcome.confidence,
        locale: outcome.locale,
        ...(options.ticket ? { ticket: options.ticket.number } : {}),
      },
      'turn',
    );
    const replyRows = stored.filter((m) => m.author === 'bot');
    return {
      conversationId: state.id,
      replies: replies.map((r, i) => ({ ...r, messageId: replyRows[i]?.id })),
      outcome,
      ...(options.ticket ? { ticket: options.ticket } : {}),
    };
  }

  private async recordUnanswered(inbound: InboundMessage, decision: Decision, result: EngineResult, locale: Locale) {
    if (decision.action !== 'fallback' && decision.action !== 'clarify') return;
    if (decision.action === 'fallback' && result.trace.terms.length === 0) return;
    if (decision.action === 'fallback' && this.deps.isKnownOutOfScope?.(result.trace.terms)) return;
    const best = result.trace.candidates[0];
    await this.deps.storage.unanswered.record({
      conversationId: inbound.conversationId,
      text: inbound.text,
      locale,
      channel: inbound.channel,
      reason: decision.action,
      bestTopicId: best?.topicId ?? null,
      bestScore: best?.score ?? 0,
    });
  }
}

function newConversation(inbound: InboundMessage): ConversationState {
  const now = new Date().toISOString();
  return {
    id: inbound.conversationId,
    channel: inbound.channel,
    locale: null,
    mode: 'bot',
    lastTopicId: null,
    pendingChoices: [],
    consecutiveFallbacks: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** A tapped action button is an explicit request: it outranks whatever the text would mean. */
function actionDecision(inbound: InboundMessage): Decision | null {
  if (inbound.action === 'officer') return { action: 'handoff', reason: 'requested', confidence: 1 };
  if (inbound.action === 'back-to-bot') return { action: 'back-to-bot', confidence: 1 };
  return null;
}

/** The turn's decision: a tapped button first, then two fallbacks in a row, then the engine's. */
function choose(inbound: InboundMessage, engineDecision: Decision, state: ConversationState): { decision: Decision; handoffReason?: HandoffReason } {
  const tapped = actionDecision(inbound);
  if (tapped) return { decision: tapped };
  if (engineDecision.action === 'fallback' && state.consecutiveFallbacks + 1 >= FALLBACKS_BEFORE_HANDOFF) {
    return { decision: { action: 'handoff', reason: 'requested', confidence: engineDecision.confidence }, handoffReason: 'repeated-fallback' };
  }
  return { decision: engineDecision };
}

function nextState(state: ConversationState, decision: Decision, locale: Locale): ConversationState {
  return {
    ...state,
    locale,
    mode: decision.action === 'handoff' ? 'handoff' : 'bot',
    lastTopicId: decision.action === 'answer' ? decision.topicId : state.lastTopicId,
    pendingChoices: decision.action === 'clarify' ? decision.topicIds : [],
    consecutiveFallbacks: decision.action === 'fallback' ? state.consecutiveFallbacks + 1 : 0,
  };
}

function toOutcome(decision: Decision, result: EngineResult, locale: Locale): Outcome {
  const base = {
    confidence: Math.round(decision.confidence * 1000) / 1000,
    locale,
    candidates: result.trace.candidates.map((c) => ({ faqId: c.topicId, score: c.score })),
  };
  switch (decision.action) {
    case 'answer':
      return { ...base, action: 'answer', faqId: decision.topicId, intent: 'faq' };
    case 'clarify':
      return { ...base, action: 'clarify', faqId: null, intent: 'faq' };
    case 'fallback':
      return { ...base, action: 'fallback', faqId: null, intent: 'out-of-scope' };
    case 'smalltalk':
      return { ...base, action: 'smalltalk', faqId: null, intent: decision.intent };
    case 'language-switch':
      return { ...base, action: 'smalltalk', faqId: null, intent: 'language-switch' };
    case 'back-to-bot':
      return { ...base, action: 'smalltalk', faqId: null, intent: 'back-to-bot' };
    case 'ticket-status':
      return { ...base, action: 'ticket', faqId: null, intent: 'ticket-status' };
    case 'handoff':
      return { ...base, action: 'handoff', faqId: null, intent: decision.reason === 'complaint' ? 'complaint' : 'handoff' };
  }
}
