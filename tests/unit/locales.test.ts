import fs from 'node:fs';
import { expect, it } from 'vitest';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];
const load = (locale: string) => JSON.parse(fs.readFileSync(`locales/${locale}.json`, 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

it.each(['en', 'jv', 'su'])('has every Indonesian product string in %s too, with the same placeholders', (locale) => {
  const id = load('id');
  const other = load(locale);
  expect(keysOf(other).sort()).toEqual(keysOf(id).sort());
  for (const key of keysOf(id)) {
    const get = (o: any) => key.split('.').reduce((v, k) => v[k], o) as string;
    expect(placeholders(get(other)), key).toEqual(placeholders(get(id)));
  }
});
