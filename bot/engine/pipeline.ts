import type { IntentSet, Locale, Topic } from '../domain.ts';
import { LOCALES } from '../domain.ts';
import { calibrate, type CalibrationModel } from './confidence.ts';
import { DomainClassifier } from './domain-classifier.ts';
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
  /** Fitted by `npm run calibrate`; without it candidates keep their raw retrieval score. */
  calibration?: CalibrationModel;
}

/** Weight of words that appear only in the background sentences of a long message. */
const STORY_BACKGROUND_WEIGHT = 0.5;
/** What is left of a topic's confidence when the question names a service we do not cover. */
const OUT_OF_SCOPE_PENALTY = 0.35;
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
  private domain!: DomainClassifier;
  private topicsById = new Map<string, Topic>();
  private readonly detector: LanguageDetector;
  private readonly switchPhrases: Record<Locale, string[]>;
  private readonly outOfScopeWords: Set<string>;

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
    this.outOfScopeWords = new Set(deps.language.outOfScopeWords);
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
    this.domain = new DomainClassifier(topics, LOCALES.flatMap((l) => this.deps.language.corpus[l]), this.analyzer);
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
    // A bare number outside a choice ("1", "2024") says nothing about any topic.
    const digitsOnly = text.tokens.length > 0 && text.tokens.every((t) => /^\d+$/.test(t));
    const terms = digitsOnly ? [] : this.analyzer.termsOf(text.tokens, locale.locale);
    const intent = this.classifier.classify(this.analyzer.intentTermsOf(text.tokens, locale.locale));
    const unknownTerms = terms.filter((t) => !this.index.has(t)).length;
    const domain = this.domain.serviceLikelihood(terms);
    const retrieved = this.retrieve(terms, unknownTerms, domain, input.conversation.lastTopicId, this.storyEmphasis(input.text, locale.locale));
    const candidates = this.penaliseOutOfScope(retrieved.candidates, text.tokens, terms);
    const followUp = retrieved.followUp;
    const tapped = input.choiceTopicId && this.topicsById.has(input.choiceTopicId) ? input.choiceTopicId : null;
    const choice = tapped ?? pickChoice(text.tokens, input.conversation.pendingChoices, this.topicsById, locale.locale);
    const decision = decide(
      { candidates, intent, ticketNumber: findTicketNumber(text.masked), locale, choice, termCount: terms.length, tokenCount: text.tokens.length, followUp },
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
        unknownTerms,
        domain: round(domain),
        candidates: candidates.slice(0, 3).map((c) => ({ ...c, bm25: round(c.bm25), coverage: round(c.coverage), phrasing: round(c.phrasing), area: round(c.area), bayes: round(c.bayes), score: round(c.score) })),
      },
    };
  }

  /**
   * Long WhatsApp-style messages tell a story and ask at the end: words only in the earlier
   * sentences weigh half as much as the question's own words.
   */
  private storyEmphasis(text: string, locale: Locale): Map<string, number> | undefined {
    const sentences = text.split(/[.!?\n]+/).map((s) => s.trim()).filter((s) => s.length > 0);
    if (sentences.length < 2) return undefined;
    const question = new Set(this.analyzer.analyze(sentences[sentences.length - 1], locale));
    const emphasis = new Map<string, number>();
    for (const t of this.analyzer.analyze(sentences.slice(0, -1).join(' '), locale)) if (!question.has(t)) emphasis.set(t, STORY_BACKGROUND_WEIGHT);
    return emphasis;
  }

  /**
   * "cara bikin SIM" shares "cara bikin" with the KTP topics; the word that names the service
   * decides. A topic keeps its score only if one of its own phrasings uses that word next to
   * another word of the message: "vaksin meningitis buat umrah" is the certificate topic's,
   * "cara daftar umrah" is not.
   */
  private penaliseOutOfScope(candidates: Candidate[], tokens: string[], queryTerms: string[]): Candidate[] {
    const notBefore = this.deps.language.outOfScopeNotBefore;
    const named = tokens.filter((t, i) => this.outOfScopeWords.has(t) && !(notBefore[t] ?? []).includes(tokens[i + 1]));
    if (named.length === 0) return candidates;
    const terms = this.analyzer.termsOf(named);
    return candidates
      .map((c) => (terms.every((t) => this.index.phrasesAlongside(c.topicId, t, queryTerms)) ? c : { ...c, score: c.score * OUT_OF_SCOPE_PENALTY }))
      .sort((a, b) => b.score - a.score);
  }

  private retrieve(terms: string[], unknown: number, domain: number, lastTopicId: string | null, emphasis?: Map<string, number>): { candidates: Candidate[]; followUp: boolean } {
    const raw = this.index.search(terms, 6, emphasis);
    const candidates = this.deps.calibration
      ? calibrate(this.deps.calibration, raw, { termCount: terms.length, unknownShare: terms.length ? unknown / terms.length : 0, domain })
      : raw;
    const lastArea = lastTopicId ? this.topicsById.get(lastTopicId)?.area : undefined;
    if (!lastArea || terms.length > FOLLOW_UP_MAX_TERMS || candidates.length === 0) return { candidates, followUp: false };
    const before = candidates[0].topicId;
    const boosted = candidates
      .map((c) => (c.areaId === lastArea ? { ...c, score: Math.min(1, c.score * FOLLOW_UP_BOOST) } : c))
      .sort((a, b) => b.score - a.score);
    return { candidates: boosted, followUp: boosted[0].topicId !== before || boosted[0].areaId === lastArea };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
