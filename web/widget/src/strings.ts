/**
 * Widget chrome strings, from the same i18next resource files the server uses (locales/*.json).
 * esbuild bundles only the keys imported here. The i18next runtime is not shipped: it would
 * take over half of the 20 KB budget for plurals, nesting and backends the widget never uses, so
 * `translate` below does the one thing needed, `{{name}}` interpolation, over the same format.
 */
import { greeting as enGreeting, languageName as enName, source as enSource, suggestion as enSuggestion, widget as enWidget } from '../../../locales/en.json';
import { greeting as idGreeting, languageName as idName, source as idSource, suggestion as idSuggestion, widget as idWidget } from '../../../locales/id.json';
import { greeting as jvGreeting, languageName as jvName, source as jvSource, suggestion as jvSuggestion, widget as jvWidget } from '../../../locales/jv.json';
import { greeting as suGreeting, languageName as suName, source as suSource, suggestion as suSuggestion, widget as suWidget } from '../../../locales/su.json';

export const LOCALES = ['id', 'en', 'jv', 'su'] as const;
export type Locale = (typeof LOCALES)[number];

const pack = (w: typeof idWidget, greeting: string, source: string, suggestion: typeof idSuggestion, languageName: string) => ({
  ...w,
  greeting,
  source,
  officerAction: suggestion.officer,
  backToBot: suggestion.backToBot,
  languageName,
});

export type Strings = ReturnType<typeof pack>;
export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

export const STRINGS: Record<Locale, Strings> = {
  id: pack(idWidget, idGreeting, idSource, idSuggestion, idName),
  en: pack(enWidget, enGreeting, enSource, enSuggestion, enName),
  jv: pack(jvWidget, jvGreeting, jvSource, jvSuggestion, jvName),
  su: pack(suWidget, suGreeting, suSource, suSuggestion, suName),
};

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** A translator fixed to one locale, falling back to Indonesian for a key a locale lacks. */
export function translator(locale: Locale): Translate {
  return (key, vars = {}) => {
    const template = STRINGS[locale][key] || STRINGS.id[key];
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
