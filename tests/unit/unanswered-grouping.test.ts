import { describe, expect, it } from 'vitest';
import { groupUnanswered, jaccard, matchesOutOfScope, sortGroups, type TermedEntry } from '../../bot/console/unanswered-grouping.ts';

let id = 0;
const entry = (text: string, terms: string[], locale: TermedEntry['locale'] = 'id', createdAt = `2026-11-0${(id % 9) + 1}T10:00:00Z`): TermedEntry => ({
  id: ++id,
  conversationId: null,
  text,
  locale,
  channel: 'web',
  reason: 'fallback',
  bestTopicId: null,
  bestScore: 0,
  createdAt,
  terms,
});

describe('jaccard', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['b', 'c'], 1 / 3],
    [['a'], ['b'], 0],
    [[], [], 0],
  ])('of %j and %j is %d', (a, b, want) => {
    expect(jaccard(a, b)).toBeCloseTo(want, 5);
  });
});

describe('groupUnanswered', () => {
  it('puts an Indonesian and a Javanese question about the same concepts in one group across locales', () => {
    const groups = groupUnanswered([
      entry('paspor saya hilang', ['#passport', '#lost']),
      entry('pasporku ilang', ['#passport', '#lost'], 'jv'),
      entry('resep rendang', ['resep', 'rendang']),
    ]);
    expect(groups).toHaveLength(2);
    const passport = groups.find((g) => g.count === 2)!;
    expect(passport.locales).toEqual({ id: 1, jv: 1 });
  });

  it('groups identical wording even when it has no terms, and picks the most frequent wording as representative', () => {
    const groups = groupUnanswered([entry('??', []), entry('??', []), entry('halo', ['halo'])]);
    const same = groups.find((g) => g.count === 2)!;
    expect(same.representative.text).toBe('??');
    expect(same.examples).toEqual([{ text: '??', locale: 'id', count: 2 }]);
  });

  it('groups a short rewording with the longer question it is part of, but not a one-word overlap', () => {
    const groups = groupUnanswered([
      entry('cara perpanjang paspor yang habis', ['#method', '#renew', 'paspor', 'habis']),
      entry('perpanjang paspor gimana', ['#renew', 'paspor', '#how']),
      entry('paspor', ['paspor']),
    ]);
    expect(groups.map((g) => g.count).sort()).toEqual([1, 2]);
  });

  it('links questions transitively (single link) and keys the group by its oldest id', () => {
    const a = entry('a b', ['a', 'b']);
    const b = entry('a b c', ['a', 'b', 'c']);
    const c = entry('b c', ['b', 'c']);
    const [group] = groupUnanswered([c, b, a]);
    expect(group.count).toBe(3);
    expect(group.key).toBe(a.id);
  });
});

describe('sortGroups', () => {
  it('orders by count then recency, or by recency then count', () => {
    const groups = groupUnanswered([
      entry('old frequent', ['x'], 'id', '2026-11-01T00:00:00Z'),
      entry('old frequent', ['x'], 'id', '2026-11-01T00:00:01Z'),
      entry('new rare', ['y'], 'id', '2026-11-09T00:00:00Z'),
    ]);
    expect(sortGroups(groups, 'frequent').map((g) => g.representative.text)).toEqual(['old frequent', 'new rare']);
    expect(sortGroups(groups, 'newest').map((g) => g.representative.text)).toEqual(['new rare', 'old frequent']);
  });
});

describe('matchesOutOfScope', () => {
  it('matches a close variant of a pattern but not an unrelated question or an empty one', () => {
    const patterns = [{ terms: ['resep', 'rendang', 'padang'] }];
    expect(matchesOutOfScope(['resep', 'rendang', 'padang'], patterns)).toBe(true);
    expect(matchesOutOfScope(['resep', 'rendang'], patterns)).toBe(true);
    expect(matchesOutOfScope(['#idcard', '#lost'], patterns)).toBe(false);
    expect(matchesOutOfScope([], patterns)).toBe(false);
  });
});
