import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCsv, fromJson, toCsv, toJson } from '../../bot/console/knowledge-transfer.ts';
import { diffKnowledge } from '../../bot/console/topic-diff.ts';
import { loadKnowledgeDir } from '../../knowledge/load-knowledge.ts';

const topics = loadKnowledgeDir(path.resolve(import.meta.dirname, '../../knowledge'));

describe('knowledge CSV and JSON', () => {
  it('round-trips the whole curated knowledge base through CSV unchanged, with a UTF-8 byte-order mark', () => {
    const csv = toCsv(topics);
    expect(csv.startsWith('\uFEFFid,area,')).toBe(true);
    const back = fromCsv(csv);
    expect(back.ok && back.topics).toEqual(topics);
  });

  it('round-trips through JSON unchanged', () => {
    const back = fromJson(toJson(topics));
    expect(back.ok && back.topics).toEqual(topics);
  });

  it('keeps commas, quotes, line breaks and non-Latin text inside cells', () => {
    const tricky = structuredClone(topics.slice(0, 1));
    tricky[0].content.jv.answer = 'Baris siji, "kutipan"\n\n1. Langkah; ꦗꦮ é';
    const back = fromCsv(toCsv(tricky));
    expect(back.ok && back.topics[0].content.jv.answer).toBe(tricky[0].content.jv.answer);
  });

  it('reports each bad row by number and entry: unknown locale, missing answer, missing locale row', () => {
    const lines = toCsv(topics.slice(0, 2)).replace(/^\uFEFF/, '').split('\r\n');
    // Rows: 1 header, 2-5 first entry (id, en, jv, su), 6-9 second entry.
    lines[2] = lines[2].replace(',en,', ',xx,');
    const result = fromCsv(lines.join('\r\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ row: 3, entryId: topics[0].id, message: 'locale "xx" is not one of id, en, jv, su' });
    expect(result.errors).toContainEqual({ row: 2, entryId: topics[0].id, message: 'no row for locale "en"' });
    expect(result.errors.every((e) => e.entryId === topics[0].id)).toBe(true);
  });

  it('points a field problem at the row of its locale', () => {
    const broken = structuredClone(topics.slice(0, 1));
    broken[0].content.su.answer = '';
    const result = fromCsv(toCsv(broken));
    expect(result.ok ? [] : result.errors).toEqual([{ row: 5, entryId: topics[0].id, message: 'content.su.answer: answer is missing' }]);
  });

  it('refuses a CSV whose header lacks columns, and a JSON file that is not an export', () => {
    expect(fromCsv('id,locale\nktp.lost,id')).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(fromJson('{"nope": true}')).toMatchObject({ ok: false, errors: [{ row: 0 }] });
  });
});

describe('diffKnowledge', () => {
  it('lists added, removed and changed entries with per-field before and after', () => {
    const changed = structuredClone(topics);
    changed[0].content.en.answer = 'New answer';
    changed[0].reviewBy = '2030-01-01';
    const removed = changed.pop()!;
    const diffs = diffKnowledge(topics, changed);
    expect(diffs).toContainEqual({
      topicId: topics[0].id,
      change: 'changed',
      fields: [
        { field: 'reviewBy', before: topics[0].reviewBy, after: '2030-01-01' },
        { field: 'content.en.answer', before: topics[0].content.en.answer, after: 'New answer' },
      ],
    });
    expect(diffs).toContainEqual(expect.objectContaining({ topicId: removed.id, change: 'removed' }));
    expect(diffKnowledge(changed, topics).find((d) => d.topicId === removed.id)?.change).toBe('added');
  });
});
