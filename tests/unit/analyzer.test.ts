import { describe, expect, it } from 'vitest';
import { buildEngineFromFiles } from '../../scripts/lib/build-engine.ts';
import { Analyzer } from '../../bot/engine/lang/analyzer.ts';
import { loadLanguageData } from '../../bot/engine/lang/language-data.ts';

const engine = buildEngineFromFiles();
const analyzer = new Analyzer(loadLanguageData(), engine.topics.flatMap((t) => Object.values(t.content).flatMap((c) => [...c.questions, c.answer])));
const terms = (text: string, locale?: 'id' | 'en' | 'jv' | 'su') => analyzer.analyze(text, locale);

describe('Analyzer', () => {
  it('makes "ngurus", "diurus", "mengurus" and "ngurusin" meet', () => {
    const forms = ['ngurus', 'diurus', 'mengurus', 'ngurusin'].map((w) => terms(w)[0]);
    expect(new Set(forms).size).toBe(1);
  });

  it('maps lost in four languages to one concept', () => {
    const forms = [terms('hilang', 'id'), terms('ilang', 'jv'), terms('leungit', 'su'), terms('lost', 'en')].map((t) => t[0]);
    expect(new Set(forms).size).toBe(1);
    expect(forms[0].startsWith('#')).toBe(true);
  });

  it('expands chat abbreviations of the message language', () => {
    expect(terms('gmn cr bkin ktp sy ilang', 'id')).toEqual(terms('bagaimana cara buat ktp saya hilang', 'id'));
  });

  it('does not read English "can" as Sundanese "acan" (not yet)', () => {
    expect(terms('can i', 'en')).toEqual([]);
  });

  it('corrects a one-letter typo to a curated word, but not a word two edits away', () => {
    expect(terms('imunisasii')).toEqual(terms('imunisasi'));
    expect(terms('water', 'en')).not.toEqual(terms('after', 'en'));
  });

  it('reads chat spellings that drop vowels ("krtu", "vksin", "ptugas") as the curated word', () => {
    expect(terms('krtu', 'id')).toEqual(terms('kartu', 'id'));
    expect(terms('vksin')).toEqual(terms('vaksin'));
    expect(terms('ptugas')).toEqual(terms('petugas'));
    // Only vowels may be missing: a different consonant is a different word.
    expect(terms('krtp')).not.toEqual(terms('kartu'));
  });

  it('never reads a real word as another whose consonants line up ("tuna" is not "tunai", "dad" not "dead")', () => {
    for (const [word, other] of [['tuna', 'tunai'], ['stan', 'setahun'], ['kas', 'kuasa'], ['dad', 'dead'], ['sad', 'said'], ['polis', 'polisi']]) {
      expect(terms(word), word).not.toEqual(terms(other));
    }
  });

  it('reads English possessives as the word, with straight or curly apostrophes', () => {
    expect(terms("my baby's shot", 'en')).toEqual(terms('my baby shot', 'en'));
    expect(terms('my baby\u2019s shot', 'en')).toEqual(terms('my baby shot', 'en'));
    expect(terms("jum'at", 'id')).toEqual(terms('jumat', 'id'));
  });

  it('weighs down only terms that still name a person: "father", "#spouse", not "#elderly" (nenek) or "laman" (paman)', () => {
    expect(analyzer.isAboutWhom(terms('father', 'en')[0])).toBe(true);
    expect(analyzer.isAboutWhom(terms('suami', 'id')[0])).toBe(true);
    expect(analyzer.isAboutWhom(terms('lansia', 'id')[0])).toBe(false);
    expect(analyzer.isAboutWhom(terms('online', 'en')[0])).toBe(false);
    expect(analyzer.isAboutWhom(terms('mana', 'id')[0] ?? 'mana')).toBe(false);
  });

    it('reads chat reduplication "jadi2" as "jadi"', () => {
    expect(terms('anak2')).toEqual(terms('anak'));
  });
});
