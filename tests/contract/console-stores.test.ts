import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';
import { loadKnowledgeDir } from '../../knowledge/load-knowledge.ts';

const topics = loadKnowledgeDir(path.resolve(import.meta.dirname, '../../knowledge'));
let storage: ReturnType<typeof createSqliteStorage>;
beforeEach(async () => {
  storage = createSqliteStorage(':memory:');
  await storage.knowledge.replaceTopics(topics);
});
afterEach(() => storage.close());

describe('knowledge revision store', () => {
  it('publishes a snapshot as a numbered revision, makes it the live topics, and consumes only the named drafts', async () => {
    const edited = { ...topics[0], sourceUrl: 'https://example.go.id/new' };
    await storage.revisions.saveDraft({ topicId: edited.id, topic: edited, deleted: false, pendingRegressions: [{ text: 'q', locale: 'id' }], updatedBy: 'e@x' });
    await storage.revisions.saveDraft({ topicId: topics[1].id, topic: topics[1], deleted: true, pendingRegressions: [], updatedBy: 'e@x' });
    const rev = await storage.revisions.publish({ snapshot: [edited, ...topics.slice(1)], message: 'm', createdBy: 'e@x', rollbackOf: null, consumedDrafts: [edited.id] });
    expect(rev).toMatchObject({ id: 1, message: 'm', topicCount: topics.length, rollbackOf: null });
    expect((await storage.knowledge.listTopics())[0].sourceUrl).toBe('https://example.go.id/new');
    expect((await storage.revisions.listDrafts()).map((d) => d.topicId)).toEqual([topics[1].id]);
    expect((await storage.revisions.latestRevision())!.snapshot[0]).toEqual(edited);
  });

  it('keeps a draft\'s pending regressions and deletion flag across saves', async () => {
    const saved = await storage.revisions.saveDraft({ topicId: 'ktp.x', topic: topics[0], deleted: true, pendingRegressions: [{ text: 'a b', locale: 'jv' }], updatedBy: 'e@x' });
    expect(saved).toMatchObject({ deleted: true, pendingRegressions: [{ text: 'a b', locale: 'jv' }], updatedBy: 'e@x' });
    expect(await storage.revisions.discardDraft('ktp.x')).toBe(true);
    expect(await storage.revisions.discardDraft('ktp.x')).toBe(false);
  });
});

describe('audit store', () => {
  it('lists newest first, filters by entity, and pages with beforeId', async () => {
    for (const id of ['a', 'b', 'c']) await storage.audit.append([{ actorId: 'u', actorEmail: 'u@x', entityType: 'entry', entityId: id, action: 'update', before: { v: 1 }, after: { v: 2 } }]);
    await storage.audit.append([{ actorId: 'u', actorEmail: 'u@x', entityType: 'user', entityId: 'z', action: 'create', before: null, after: null }]);
    const entries = await storage.audit.list({ entityType: 'entry', limit: 2 });
    expect(entries.map((r) => r.entityId)).toEqual(['c', 'b']);
    expect(entries[0]).toMatchObject({ before: { v: 1 }, after: { v: 2 } });
    expect((await storage.audit.list({ entityType: 'entry', beforeId: entries[1].id })).map((r) => r.entityId)).toEqual(['a']);
  });
});

describe('unanswered review store', () => {
  it('lists only open questions, and resolving is idempotent', async () => {
    for (const text of ['satu', 'dua']) await storage.unanswered.record({ conversationId: null, text, locale: 'id', channel: 'web', reason: 'fallback', bestTopicId: null, bestScore: 0 });
    const open = await storage.review.listOpen(10);
    expect(open.map((u) => u.text)).toEqual(['dua', 'satu']);
    expect(await storage.review.resolve([open[0].id, 9999], { action: 'dismissed', topicId: null, actor: 'e@x' })).toBe(1);
    expect(await storage.review.resolve([open[0].id], { action: 'variant', topicId: 'ktp.lost', actor: 'e@x' })).toBe(0);
    expect((await storage.review.listOpen(10)).map((u) => u.text)).toEqual(['satu']);
  });

  it('stores out-of-scope patterns with their terms', async () => {
    await storage.review.addOutOfScope([{ terms: ['resep', 'rendang'], example: 'resep rendang', locale: 'id', createdBy: 'e@x' }]);
    expect(await storage.review.listOutOfScope()).toEqual([expect.objectContaining({ terms: ['resep', 'rendang'], example: 'resep rendang' })]);
  });
});
