import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { LOCALES, type Locale } from './domain.ts';

/** Translates a key in an explicitly given locale: there is no global "current language". */
export type Translate = (locale: Locale, key: string, vars?: Record<string, unknown>) => string;

export async function createTranslator(dir: string): Promise<Translate> {
  const resources = Object.fromEntries(
    LOCALES.map((l) => [l, { translation: JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')) }]),
  );
  const instance = i18next.createInstance();
  await instance.init({ resources, fallbackLng: 'id', supportedLngs: [...LOCALES], interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
  const fixed = new Map<Locale, TFunction>(LOCALES.map((l) => [l, instance.getFixedT(l)]));
  return (locale, key, vars) => fixed.get(locale)!(key, vars ?? {}) as string;
}
