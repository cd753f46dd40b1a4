import type { IntentSet, Locale, Topic } from '../domain.ts';
import { LOCALES } from '../domain.ts';
import { IntentClassifier } from './intent-classifier.ts';
import { KnowledgeIndex, type Candidate } from './knowledge-index.ts';
import { Analyzer } from './lang/analyzer.ts';
import { LanguageDetector } from './lang/detect-language.ts';
import type { LanguageData } from './lang/language-data.ts';
import { chooseLocale } from './stages/choose-locale.ts';
import { decide } from './stages/decide.ts';
import { normalise } from './stages/normalise.ts';
import { pickChoice } from './stages/pick-choice.ts';
import { findTicketNumber } from './ticket-number.ts';
import type { EngineInput, EngineResult, Thresholds } from './types.ts';

export interface EngineDeps {
  topics: Topic[];
  intents: IntentSet[];
  language: LanguageData;
  thresholds: Thresholds;
}

/** How much a short follow-up ("kalau rusak?") favours the area of the previous answer. */
const FOLLOW_UP_BOOST = 1.25;
const FOLLOW_UP_MAX_TERMS = 2;

/**
 * The turn pipeline: normalise → choose locale → classify intent → retrieve → decide.
 * Pure over its inputs; `reload` swaps in a newly published knowledge base.
 */
export class Engine {
  private analyzer!: Analyzer;
  private index!: KnowledgeIndex;
  private classifier!: IntentClassifier;
  private topicsById = new Map<string, Topic>();
  private readonly detector: LanguageDetector;
  private readonly switchPhrases: Record<Locale, string[]>;

  constructor(private readonly deps: EngineDeps) {
    const markers = Object.fromEntries(LOCALES.map((l) => [l, deps.language.locales[l].functionWords])) as Record<Locale, string[]>;
    const training = Object.fromEntries(
      LOCALES.map((l) => [
        l,
        [
          ...deps.language.corpus[l],
          ...deps.topics.flatMap((t) => [...t.content[l].questions, t.content[l].answer]),
          ...deps.intents.filter((s) => s.locale === l).flatMap((s) => Object.values(s.intents).flat() as string[]),
        ],
      ]),
    ) as Record<Locale, string[]>;
    this.detector = new LanguageDetector(training, markers);
    this.switchPhrases = Object.fromEntries(LOCALES.map((l) => [l, deps.language.locales[l].switchPhrases])) as Record<Locale, string[]>;
    this.reload(deps.topics);
  }

  reload(topics: Topic[]): void {
    const vocabulary = [
      ...topics.flatMap((t) => LOCALES.flatMap((l) => [t.content[l].title, t.content[l].answer, ...t.content[l].questions])),
      ...this.deps.intents.flatMap((s) => Object.values(s.intents).flat() as string[]),
    ];
    this.analyzer = new Analyzer(this.deps.language, vocabulary);
    this.index = new KnowledgeIndex(topics, this.analyzer);
    this.classifier = new IntentClassifier(this.deps.intents, topics, this.analyzer);
    this.topicsById = new Map(topics.map((t) => [t.id, t]));
  }

  /** A separate engine over other topics (unpublished drafts) with the same language data: "try it" before publishing. */
  withTopics(topics: Topic[]): Engine {
    return new Engine({ ...this.deps, topics });
  }

  /** Thresholds are an admin setting: changed at run time without a restart. */
  setThresholds(thresholds: Thresholds): void {
    this.deps.thresholds = thresholds;
  }

  get thresholds(): Thresholds {
    return { ...this.deps.thresholds };
  }

  /** The index terms of a text, as retrieval sees them: used to group and match unanswered questions. */
  termsFor(text: string, locale?: Locale): string[] {
    return this.analyzer.termsOf(normalise(text).tokens, locale);
  }

  topic(id: string): Topic | undefined {
    return this.topicsById.get(id);
  }

  get topics(): Topic[] {
    return [...this.topicsById.values()];
  }

  run(input: EngineInput): EngineResult {
    const text = normalise(input.text);
    const locale = chooseLocale(
      { normalized: text.normalized, explicit: input.locale, hint: input.localeHint, conversationLocale: input.conversation.locale },
      this.detector,
      this.switchPhrases,
    );
    const terms = this.analyzer.termsOf(text.tokens, locale.locale);
    const intent = this.classifier.classify(terms);
    const { candidates, followUp } = this.retrieve(terms, input.conversation.lastTopicId);
    const tapped = input.choiceTopicId && this.topicsById.has(input.choiceTopicId) ? input.choiceTopicId : null;
    const choice = tapped ?? pickChoice(text.tokens, input.conversation.pendingChoices, this.topicsById, locale.locale);
    const decision = decide(
      { candidates, intent, ticketNumber: findTicketNumber(text.masked), locale, choice, termCount: terms.length, followUp },
      this.deps.thresholds,
    );
    return {
      decision,
      trace: {
        locale: locale.locale,
        localeReason: locale.reason,
        intent: intent.intent,
        intentConfidence: round(intent.confidence),
        terms,
        candidates: candidates.slice(0, 3).map((c) => ({ ...c, bm25: round(c.bm25), coverage: round(c.coverage), phrasing: round(c.phrasing), score: round(c.score) })),
      },
    };
  }

  private retrieve(terms: string[], lastTopicId: string | null): { candidates: Candidate[]; followUp: boolean } {
    const candidates = this.index.search(terms, 6);
    const lastArea = lastTopicId ? this.topicsById.get(lastTopicId)?.area : undefined;
    if (!lastArea || terms.length > FOLLOW_UP_MAX_TERMS || candidates.length === 0) return { candidates, followUp: false };
    const before = candidates[0].topicId;
    const boosted = candidates
      .map((c) => (c.area === lastArea ? { ...c, score: Math.min(1, c.score * FOLLOW_UP_BOOST) } : c))
      .sort((a, b) => b.score - a.score);
    return { candidates: boosted, followUp: boosted[0].topicId !== before || boosted[0].area === lastArea };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
