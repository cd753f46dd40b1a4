import type { Locale } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import type { Decision, EngineInput, EngineResult } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { maskPersonalData } from '../privacy-mask.ts';
import type { InboundMessage } from '../runtime/types.ts';
import type { EmbeddingCacheStore, LlmEffect, LlmPurpose, LlmUsageStore } from '../storage/llm-ports.ts';
import type { Assistant, CallReport } from './assistant.ts';
import { needsUnderstanding, type CodeMixDetector } from './needs-understanding.ts';
import { pickUnderstood } from './pick-understood.ts';
import type { PromptEntry } from './prompts.ts';
import { SemanticIndex, type SemanticHit } from './semantic-index.ts';

export interface TurnAssistDeps {
  engine: Engine;
  assistant: Assistant;
  usage: LlmUsageStore;
  embeddings: EmbeddingCacheStore;
  codeMix: CodeMixDetector;
  logger: Logger;
  /** The embedding model's name, the key of the cached vectors. */
  embeddingModel: string;
}

/** A composed answer, or the model's verdict that the entries do not answer (a fallback). */
export interface Phrased {
  decision: Decision;
  text: string | null;
}

/** At most this many knowledge-base entries go into a phrasing prompt. */
const PHRASING_ENTRIES = 3;
/** Other candidates join the answered entry when they score this close to it. */
const PHRASING_SCORE_GAP = 0.15;
/** The understanding prompt lists at most this many topics (candidates first). */
const TOPIC_MENU = 60;

/**
 * The runtime's optional hook into the language model. Both steps resolve within the model's
 * time limit and fall back to the lexical result on any failure; only masked citizen text and
 * curated entries are sent; the decision rules still decide.
 */
export class TurnAssist {
  private readonly semantic: SemanticIndex;

  constructor(private readonly deps: TurnAssistDeps) {
    this.semantic = new SemanticIndex({
      assistant: deps.assistant,
      cache: deps.embeddings,
      model: deps.embeddingModel,
      onCall: (purpose, call, effect) => this.record(purpose, call, effect, null),
    });
  }

  /** Starts indexing the knowledge base's phrasings when embeddings are on. */
  warmUp(): Promise<void> {
    if (!this.deps.assistant.features.embeddings) return Promise.resolve();
    return this.semantic.refresh(this.deps.engine.topics).catch((err: unknown) => {
      this.deps.logger.warn({ err }, 'could not index the knowledge base for embeddings; trying again on a later turn');
    });
  }

  /** Lets background indexing save what it has embedded; call before the store closes. */
  stop(): Promise<void> {
    return this.semantic.stop();
  }

  /** After `engine.run`: for unsure or hard messages, re-run the engine on the model's restatement. */
  async understand(inbound: InboundMessage, input: EngineInput, first: EngineResult): Promise<EngineResult> {
    const { features } = this.deps.assistant;
    if (!features.understanding && !features.embeddings) return first;
    if (inbound.action || input.choiceTopicId || !needsUnderstanding(input.text, first, this.deps.codeMix)) return first;
    void this.warmUp();
    const masked = maskPersonalData(input.text);
    const locale = first.trace.locale;
    const [understood, nearest] = await Promise.all([
      features.understanding ? this.deps.assistant.understand({ text: masked, locale, topics: this.topicMenu(first) }, this.knownTopicIds()) : null,
      features.embeddings ? this.semantic.nearest(masked) : null,
    ]);
    const restated = understood?.value ? this.deps.engine.run({ ...input, text: understood.value.restated, locale }) : null;
    const topicId = understood?.value?.topicId ?? semanticTopic(nearest?.hits ?? [], [first, restated]);
    const picked = pickUnderstood(first, restated, topicId);
    const effect: LlmEffect = picked.source === 'restated' ? 'restated' : picked.hinted ? 'hinted' : 'kept';
    if (understood) this.record('understanding', understood.call, understood.value ? effect : 'none', inbound.conversationId);
    if (nearest) this.record('embedding', nearest.call, nearest.hits.length ? effect : 'none', inbound.conversationId);
    this.deps.logger.debug({ conversationId: inbound.conversationId, effect, topicId, action: picked.result.decision.action }, 'llm understanding');
    return picked.result;
  }

  /** After an answer decision: compose the reply from the top entries, or learn they do not answer. */
  async phrase(inbound: InboundMessage, result: EngineResult): Promise<Phrased | null> {
    const d = result.decision;
    if (!this.deps.assistant.features.phrasing || inbound.action || d.action !== 'answer' || d.via === 'choice') return null;
    const locale = result.trace.locale;
    const entries = this.entriesFor(d.topicId, result, locale);
    const phrased = await this.deps.assistant.phrase({ question: maskPersonalData(inbound.text), locale, entries });
    const value = phrased.value;
    this.record('phrasing', phrased.call, !value ? 'kept' : value.answerable ? 'phrased' : 'fell-back', inbound.conversationId);
    if (!value) return null;
    if (!value.answerable) {
      this.deps.logger.info({ conversationId: inbound.conversationId, topicId: d.topicId }, 'llm: entries do not answer the question, falling back');
      return { decision: { action: 'fallback', confidence: d.confidence, bestGuess: d.topicId }, text: null };
    }
    const topicId = value.citedTopicIds.includes(d.topicId) ? d.topicId : value.citedTopicIds[0];
    return { decision: { ...d, topicId }, text: value.text };
  }

  private entriesFor(topicId: string, result: EngineResult, locale: Locale): PromptEntry[] {
    const top = result.trace.candidates.find((c) => c.topicId === topicId)?.score ?? 1;
    const ids = [topicId, ...result.trace.candidates.filter((c) => c.topicId !== topicId && c.score >= top - PHRASING_SCORE_GAP).map((c) => c.topicId)];
    return ids.slice(0, PHRASING_ENTRIES).flatMap((id) => {
      const topic = this.deps.engine.topic(id);
      return topic ? [{ id, title: topic.content[locale].title, answer: topic.content[locale].answer, sourceUrl: topic.sourceUrl }] : [];
    });
  }

  private topicMenu(first: EngineResult): { id: string; title: string }[] {
    const topics = this.deps.engine.topics;
    const lexical = new Set(first.trace.candidates.map((c) => c.topicId));
    const ordered = [...topics.filter((t) => lexical.has(t.id)), ...topics.filter((t) => !lexical.has(t.id))];
    // Indonesian titles with one example question: the restatement is in Indonesian too.
    return ordered.slice(0, TOPIC_MENU).map((t) => ({ id: t.id, title: `${t.content.id.title}: ${t.content.id.questions[0] ?? ''}`.trim() }));
  }

  private knownTopicIds(): ReadonlySet<string> {
    return new Set(this.deps.engine.topics.map((t) => t.id));
  }

  private record(purpose: LlmPurpose, call: CallReport, effect: LlmEffect, conversationId: string | null): void {
    this.deps.usage.record({ purpose, ...call, effect, conversationId }).catch((err: unknown) => {
      this.deps.logger.warn({ err }, 'could not record a language-model call');
    });
    if (call.outcome !== 'ok' && call.outcome !== 'skipped') {
      this.deps.logger.warn({ purpose, outcome: call.outcome, detail: call.detail, breaker: call.breaker }, 'language-model call failed; lexical answer used');
    }
  }
}

/**
 * Embeddings alone never pick a topic: the nearest topic counts only when the lexical engine also
 * has it among its candidates (a hybrid agreement), and then acts like the model's topic hint.
 */
function semanticTopic(hits: SemanticHit[], results: (EngineResult | null)[]): string | null {
  const lexical = new Set(results.flatMap((r) => r?.trace.candidates.map((c) => c.topicId) ?? []));
  return hits.find((h) => lexical.has(h.topicId))?.topicId ?? null;
}
