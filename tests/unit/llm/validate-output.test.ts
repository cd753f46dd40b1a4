import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../bot/domain.ts';
import type { PromptEntry } from '../../../bot/llm/prompts.ts';
import { checkPhrasing, checkUnderstanding, linksIn, numbersIn } from '../../../bot/llm/validate-output.ts';
import { loadKnowledgeDir } from '../../../knowledge/load-knowledge.ts';

const entries: PromptEntry[] = [
  {
    id: 'ktp.lost',
    title: 'KTP-el hilang',
    answer: 'Bawa surat kehilangan dari polisi dan fotokopi KK ke Disdukcapil. Gratis, selesai 1–4 hari kerja. Info: https://dukcapil.kemendagri.go.id/layanan',
    sourceUrl: 'https://dukcapil.kemendagri.go.id/blog/read/ktp-hilang',
  },
  { id: 'ktp.fee', title: 'Biaya KTP', answer: 'Gratis. Pungli bisa dipidana 6 tahun atau denda Rp75.000.000. Lapor ke lapor.go.id atau SMS 1708.', sourceUrl: 'https://www.lapor.go.id' },
];
const reply = (o: Record<string, unknown>) => JSON.stringify(o);
const lostText = 'Bawa surat kehilangan polisi dan fotokopi KK ke Disdukcapil, gratis, 1–4 hari kerja. https://dukcapil.kemendagri.go.id/layanan';

describe('checking a composed reply against the entries it was given', () => {
  const table: [string, string, { ok: boolean; reason?: string }][] = [
    ['accepts a reply that keeps the facts and link of the entry it cites', reply({ answerable: true, text: lostText, citedTopicIds: ['ktp.lost'] }), { ok: true }],
    ['accepts "the entries do not answer"', reply({ answerable: false, text: '', citedTopicIds: [] }), { ok: true }],
    ['accepts JSON wrapped in a Markdown fence, as local models often send', '```json\n' + reply({ answerable: false }) + '\n```', { ok: true }],
    ['accepts an amount written with its groups and a bare official host', reply({ answerable: true, text: 'Gratis; pungli didenda sampai Rp75 juta. Lapor: www.lapor.go.id', citedTopicIds: ['ktp.fee'] }), { ok: true }],
    ['rejects a reply that cites an entry it was not given', reply({ answerable: true, text: lostText, citedTopicIds: ['bansos.pkh'] }), { ok: false, reason: 'cites an entry that was not provided' }],
    ['rejects a reply that cites nothing', reply({ answerable: true, text: lostText, citedTopicIds: [] }), { ok: false, reason: 'cites no entry' }],
    ['rejects a link that is in no entry', reply({ answerable: true, text: `${lostText} Atau daftar di http://ktp-cepat.example.com`, citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'contains a link not in the entries' }],
    ['rejects a bare unknown domain', reply({ answerable: true, text: `${lostText} Lihat juga dukcapil-online.net`, citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'contains a link not in the entries' }],
    ['rejects a new path on an official host', reply({ answerable: true, text: `${lostText} https://dukcapil.kemendagri.go.id/daftar-online`, citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'contains a link not in the entries' }],
    ['rejects a number the entries do not contain', reply({ answerable: true, text: `${lostText} Biaya cetak Rp50.000.`, citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'contains a number not in the entries' }],
    ['rejects a reply that drops the link of the entry it cites', reply({ answerable: true, text: 'Bawa surat kehilangan polisi dan fotokopi KK, gratis, 1–4 hari kerja.', citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'dropped a link of a cited entry' }],
    ['rejects free text that is not JSON', 'Tentu! KTP hilang bisa diurus di Disdukcapil.', { ok: false, reason: 'not the requested JSON' }],
    ['rejects an answerable reply with no text', reply({ answerable: true, text: ' ', citedTopicIds: ['ktp.lost'] }), { ok: false, reason: 'empty text' }],
  ];
  for (const [name, content, expected] of table) {
    it(name, () => {
      const checked = checkPhrasing(content, entries);
      expect(checked.ok).toBe(expected.ok);
      if (!checked.ok) expect(checked.reason).toBe(expected.reason);
    });
  }

  it('treats list numbering as numbering, not as a fact', () => {
    expect(numbersIn('1. Bawa KK\n2. Datang sendiri\n10) Selesai')).toEqual([]);
    expect(numbersIn('denda Rp75.000.000')).toEqual(['75000000', '75', '0', '0']);
  });

  it('compares links without scheme, "www." or trailing punctuation', () => {
    expect(linksIn('Buka https://www.Lapor.go.id/. atau lapor.go.id')).toEqual(['lapor.go.id', 'lapor.go.id']);
  });
});

describe('checking a restatement', () => {
  const known = new Set(['ktp.lost', 'ktp.fee']);

  it('keeps the restated question and a known topic', () => {
    expect(checkUnderstanding(reply({ restated: 'Bagaimana  mengurus KTP yang hilang?', topicId: 'ktp.lost' }), known)).toEqual({
      ok: true,
      value: { restated: 'Bagaimana mengurus KTP yang hilang?', topicId: 'ktp.lost' },
    });
  });

  it('drops a topic id that is not in the knowledge base instead of trusting it', () => {
    expect(checkUnderstanding(reply({ restated: 'Tampilkan kunci API', topicId: 'admin.secrets' }), known)).toMatchObject({ ok: true, value: { topicId: null } });
  });

  it('rejects output without a restated question', () => {
    expect(checkUnderstanding(reply({ topicId: 'ktp.lost' }), known)).toEqual({ ok: false, reason: 'not the requested JSON' });
  });
});

describe('the curated knowledge base itself', () => {
  it('passes the check when a model returns any entry verbatim, in every locale', () => {
    const topics = loadKnowledgeDir(path.resolve('knowledge'));
    const rejected: string[] = [];
    for (const t of topics) {
      for (const l of LOCALES) {
        const entry = { id: t.id, title: t.content[l].title, answer: t.content[l].answer, sourceUrl: t.sourceUrl };
        const checked = checkPhrasing(JSON.stringify({ answerable: true, text: entry.answer, citedTopicIds: [t.id] }), [entry]);
        if (!checked.ok) rejected.push(`${t.id}/${l}: ${checked.reason}`);
      }
    }
    expect(rejected).toEqual([]);
  });
});
