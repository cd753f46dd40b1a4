import type { Locale } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import type { Decision, EngineResult } from '../engine/types.ts';
import type { Translate } from '../i18n.ts';
import type { TurnAssist } from '../llm/turn-assist.ts';
import type { Logger } from '../logger.ts';
import type { ConversationState, Storage } from '../storage/ports.ts';
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
}

/** Two fallbacks in a row mean the bot cannot help: hand the citizen to a person. */
const FALLBACKS_BEFORE_HANDOFF = 2;

/**
 * One turn: load the conversation, run the engine, render, persist everything, log what went
 * unanswered. Channels call `handle`; none of them sees the engine or the store.
 */
export class ConversationRuntime {
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly deps: RuntimeDeps) {}

  handle(inbound: InboundMessage): Promise<TurnResult> {
    return this.serializer.run(inbound.conversationId, () => this.turn(inbound));
  }

  async history(conversationId: string) {
    return this.deps.storage.conversations.listMessages(conversationId);
  }

  private async turn(inbound: InboundMessage): Promise<TurnResult> {
    const { storage, engine, translate } = this.deps;
    const state = (await storage.conversations.find(inbound.conversationId)) ?? newConversation(inbound);
    const input = {
      text: inbound.text,
      conversation: { locale: state.locale, lastTopicId: state.lastTopicId, pendingChoices: state.pendingChoices },
      locale: inbound.locale,
      localeHint: inbound.localeHint,
      choiceTopicId: inbound.choiceTopicId,
    };
    const lexical = engine.run(input);
    const result = this.deps.assist ? await this.deps.assist.understand(inbound, input, lexical) : lexical;
    const phrased = this.deps.assist ? await this.deps.assist.phrase(inbound, result) : null;
    const locale = result.trace.locale;
    const decision = escalate(actionDecision(inbound) ?? phrased?.decision ?? result.decision, state);
    const replies = renderReply(decision, locale, translate, (id) => engine.topic(id));
    if (phrased?.text && decision.action === 'answer') replies[0] = { ...replies[0], text: phrased.text };
    const outcome = toOutcome(decision, result, locale);

    await storage.conversations.save(nextState(state, decision, locale));
    await storage.conversations.appendMessages([
      { conversationId: state.id, author: 'citizen', text: inbound.text },
      ...replies.map((r) => ({
        conversationId: state.id,
        author: 'bot' as const,
        text: r.text,
        outcome: outcome as unknown as Record<string, unknown>,
        extra: { suggestions: r.suggestions ?? null, sourceUrl: r.sourceUrl ?? null },
      })),
    ]);
    await this.recordUnanswered(inbound, decision, result, locale);
    this.deps.logger.info(
      { conversationId: state.id, channel: inbound.channel, action: outcome.action, faqId: outcome.faqId, intent: outcome.intent, confidence: outcome.confidence, locale },
      'turn',
    );
    return { conversationId: state.id, replies, outcome };
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

function escalate(decision: Decision, state: ConversationState): Decision {
  if (decision.action === 'fallback' && state.consecutiveFallbacks + 1 >= FALLBACKS_BEFORE_HANDOFF) {
    return { action: 'handoff', reason: 'requested', confidence: decision.confidence };
  }
  return decision;
}

function nextState(state: ConversationState, decision: Decision, locale: Locale): ConversationState {
  return {
    ...state,
    locale,
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
