import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = ['id', 'en', 'jv', 'su'] as const;
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../locales', `${locale}.json`), 'utf8'));
const resources = Object.fromEntries(LOCALES.map((l) => [l, read(l)]));

const flatten = (value: unknown, prefix = ''): Record<string, string> =>
  typeof value === 'string'
    ? { [prefix]: value }
    : Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the widget’s strings in locales/*.json', () => {
  const reference = flatten(resources.id.widget);

  it.each(LOCALES)('%s has every widget string, none empty, with the same {{placeholders}} as Indonesian', (locale) => {
    const strings = flatten(resources[locale].widget);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, value] of Object.entries(strings)) {
      expect(value.trim(), `${locale} widget.${key}`).not.toBe('');
      expect(placeholders(value), `${locale} widget.${key}`).toEqual(placeholders(reference[key]));
    }
  });

  it.each(LOCALES)('%s names its quick-start topics by ids that exist in the knowledge base', (locale) => {
    const knowledge = fs.readdirSync(path.join(import.meta.dirname, '../../knowledge')).filter((f) => f.endsWith('.json'));
    const ids = knowledge.flatMap((f) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../knowledge', f), 'utf8')).entries.map((e: { id: string }) => e.id));
    expect(ids).toEqual(expect.arrayContaining(Object.keys(flatten(resources[locale].widget.starters))));
  });

  it.each(LOCALES)('%s has the server strings the widget reuses (greeting, source with {{url}}, suggestion labels)', (locale) => {
    const r = resources[locale];
    expect(r.greeting).toBeTruthy();
    expect(placeholders(r.source)).toEqual(['url']);
    expect(r.suggestion.officer && r.suggestion.backToBot && r.languageName).toBeTruthy();
  });
});
