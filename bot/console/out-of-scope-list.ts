import type { OutOfScopePattern, UnansweredReviewStore } from '../storage/console-ports.ts';
import { matchesOutOfScope } from './unanswered-grouping.ts';

/**
 * Questions staff marked out of scope, held in memory because the runtime asks on every
 * fallback: the bot still declines them, but they no longer show up as new in the review.
 */
export class OutOfScopeList {
  private patterns: OutOfScopePattern[] = [];

  constructor(private readonly store: UnansweredReviewStore) {}

  async load(): Promise<void> {
    this.patterns = await this.store.listOutOfScope();
  }

  async add(patterns: Omit<OutOfScopePattern, 'id' | 'createdAt'>[]): Promise<void> {
    await this.store.addOutOfScope(patterns);
    await this.load();
  }

  matches(terms: string[]): boolean {
    return matchesOutOfScope(terms, this.patterns);
  }
}
