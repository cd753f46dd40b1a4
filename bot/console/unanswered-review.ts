import { LOCALES, type Locale, type Topic } from '../domain.ts';
import type { Engine } from '../engine/pipeline.ts';
import { badRequest, notFound } from '../http/app-error.ts';
import type { Actor, ReviewAction } from '../storage/console-ports.ts';
import type { Storage, UnansweredEntry } from '../storage/ports.ts';
import type { KnowledgeEditor } from './knowledge-editor.ts';
import { emptyContent } from './knowledge-validation.ts';
import type { KnowledgePublisher } from './knowledge-publisher.ts';
import type { OutOfScopeList } from './out-of-scope-list.ts';
import { groupUnanswered, sortGroups, type UnansweredGroup } from './unanswered-grouping.ts';

/** How many open questions the review looks at: months of traffic for one agency. */
const OPEN_LIMIT = 2000;

export interface BestGuess {
  topicId: string;
  title: string;
  score: number;
}

export type ReviewedGroup = UnansweredGroup & { bestGuess: BestGuess | null };

const distinctPhrasings = (entries: UnansweredEntry[]) => {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.locale}:${e.text.trim().toLowerCase()}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
};

/**
 * The active-learning loop: what citizens asked that the bot could not answer, grouped, with the
 * bot's best guess, and the four things an editor can do about each group.
 */
export class UnansweredReview {
  constructor(
    private readonly storage: Storage,
    private readonly engine: Engine,
    private readonly editor: KnowledgeEditor,
    private readonly publisher: KnowledgePublisher,
    private readonly outOfScope: OutOfScopeList,
  ) {}

  async groups(order: 'frequent' | 'newest' = 'frequent'): Promise<ReviewedGroup[]> {
    const open = await this.storage.review.listOpen(OPEN_LIMIT);
    const termed = open.map((e) => ({ ...e, terms: this.engine.termsFor(e.text, e.locale) }));
    return sortGroups(groupUnanswered(termed), order).map((g) => ({ ...g, bestGuess: this.bestGuess(g.representative.text, g.representative.locale) }));
  }

  /** What the bot, as published now, thinks the question is closest to. */
  bestGuess(text: string, locale: Locale): BestGuess | null {
    const top = this.engine.run({ text, locale, conversation: { locale, lastTopicId: null, pendingChoices: [] } }).trace.candidates[0];
    const topic = top && this.engine.topic(top.topicId);
    return top && topic ? { topicId: top.topicId, title: topic.content[locale].title, score: top.score } : null;
  }

  /** Adds the group's wordings as phrasings of a live entry and publishes at once: the bot answers them from now on. */
  async addVariants(actor: Actor, ids: number[], topicId: string, chosen?: { text: string; locale: Locale }[]) {
    const entries = await this.entries(ids);
    const phrasings = (chosen ?? distinctPhrasings(entries)).map((p) => ({ text: p.text.trim(), locale: p.locale })).filter((p) => p.text.length >= 2);
    if (phrasings.length === 0) throw badRequest('Choose at least one phrasing to add.');
    const edit = (topic: Topic): Topic => {
      const content = structuredClone(topic.content);
      for (const p of phrasings) {
        const questions = content[p.locale].questions;
        if (!questions.some((q) => q.trim().toLowerCase() === p.text.toLowerCase())) questions.push(p.text);
      }
      return { ...topic, content };
    };
    const result = await this.publisher.editLive(actor, topicId, edit, {
      message: `Added ${phrasings.length} phrasing${phrasings.length === 1 ? '' : 's'} to ${topicId} from unanswered questions`,
      regressions: phrasings.map((p) => ({ ...p, label: topicId })),
    });
    await this.resolve(actor, entries, 'variant', topicId, { phrasings });
    return { revision: result.revision, phrasings };
  }

  /** Starts a new entry as a draft with the group's wordings as its phrasings; an editor writes the answers. */
  async createEntry(actor: Actor, ids: number[], id: string, area: string) {
    const entries = await this.entries(ids);
    const content = emptyContent();
    for (const e of distinctPhrasings(entries)) content[e.locale].questions.push(e.text.trim());
    const now = new Date();
    const reviewBy = new Date(now.getTime() + 182 * 86_400_000);
    const topic: Topic = { id, area, sourceUrl: '', lastReviewed: now.toISOString().slice(0, 10), reviewBy: reviewBy.toISOString().slice(0, 10), content };
    const draft = await this.editor.saveDraft(actor, id, topic, { mustBeNew: true });
    const pendingRegressions = LOCALES.flatMap((l) => content[l].questions.map((text) => ({ text, locale: l })));
    const saved = await this.storage.revisions.saveDraft({ ...draft, pendingRegressions });
    await this.resolve(actor, entries, 'new-entry', id, { draft: id });
    return saved;
  }

  /** The bot keeps declining these, and questions like them stop appearing as new. */
  async markOutOfScope(actor: Actor, ids: number[]) {
    const entries = await this.entries(ids);
    await this.outOfScope.add(
      distinctPhrasings(entries).map((e) => ({ terms: this.engine.termsFor(e.text, e.locale), example: e.text, locale: e.locale, createdBy: actor.email })),
    );
    await this.resolve(actor, entries, 'out-of-scope', null, {});
  }

  async dismiss(actor: Actor, ids: number[]) {
    await this.resolve(actor, await this.entries(ids), 'dismissed', null, {});
  }

  private async entries(ids: number[]): Promise<UnansweredEntry[]> {
    const entries = await this.storage.review.findEntries([...new Set(ids)]);
    if (entries.length === 0) throw notFound('None of those unanswered questions exist any more; reload the list.');
    return entries;
  }

  private async resolve(actor: Actor, entries: UnansweredEntry[], action: ReviewAction, topicId: string | null, detail: Record<string, unknown>) {
    const ids = entries.map((e) => e.id);
    await this.storage.review.resolve(ids, { action, topicId, actor: actor.email });
    await this.storage.audit.append([
      {
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: 'unanswered',
        entityId: String(Math.min(...ids)),
        action,
        before: { ids, texts: entries.map((e) => ({ text: e.text, locale: e.locale })) },
        after: { topicId, ...detail },
      },
    ]);
  }
}
