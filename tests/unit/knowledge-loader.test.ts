import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir, parseArea } from '../../knowledge/load-knowledge.ts';

const content = (extra: Record<string, unknown> = {}) => ({
  id: { title: 'KTP-el hilang', questions: ['ktp hilang'], answer: 'Bawa surat kehilangan dari polisi.' },
  en: { title: 'Lost KTP-el', questions: ['lost ktp'], answer: 'Bring a police loss report.' },
  jv: { title: 'KTP-el ilang', questions: ['ktp ilang'], answer: 'Gawa layang kelangan saka polisi.' },
  su: { title: 'KTP-el leungit', questions: ['ktp leungit'], answer: 'Bawa serat kaleungitan ti pulisi.' },
  ...extra,
});
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'ktp.lost',
  sourceUrl: 'https://dukcapil.kemendagri.go.id/',
  lastReviewed: '2026-11-23',
  reviewBy: '2027-05-23',
  content: content(),
  ...over,
});

describe('knowledge validation', () => {
  it('loads the repository knowledge base: every topic of the spec in all four locales', () => {
    const topics = loadKnowledgeDir(path.resolve('knowledge'));
    const spec = JSON.parse(fs.readFileSync(path.resolve('../shared/spec/kb-topics.json'), 'utf8')) as { topics: { id: string }[] };
    expect(topics.map((t) => t.id).sort()).toEqual(spec.topics.map((t) => t.id).sort());
    for (const t of topics) for (const l of ['id', 'en', 'jv', 'su'] as const) expect(t.content[l].answer.length).toBeGreaterThan(20);
  });

  it('names the file and entry of an unknown locale', () => {
    expect(() => parseArea({ area: 'ktp', entries: [entry({ content: content({ fr: { title: 'x', questions: ['x'], answer: 'x' } }) })] }, 'ktp.json')).toThrow(
      /ktp\.json, entry ktp\.lost: content\.fr: unknown locale "fr"/,
    );
  });

  it('names the missing answer', () => {
    const c = content();
    (c.su as { answer: string }).answer = '';
    expect(() => parseArea({ area: 'ktp', entries: [entry({ content: c })] }, 'ktp.json')).toThrow(/entry ktp\.lost: content\.su\.answer: answer is missing/);
  });

  it('refuses a duplicate id across files, naming both', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ area: 'ktp', entries: [entry()] }));
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ area: 'ktp', entries: [entry()] }));
    expect(() => loadKnowledgeDir(dir)).toThrow(/b\.json, entry ktp\.lost: duplicate id \(also in .*a\.json\)/);
    fs.rmSync(dir, { recursive: true });
  });
});
