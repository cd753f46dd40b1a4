import i18next from 'i18next';
import en from './locales/en.json';
import id from './locales/id.json';

export type UiLanguage = 'id' | 'en';
const STORAGE_KEY = 'layani.console.lang';

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'id' || saved === 'en') return saved;
  return navigator.language?.toLowerCase().startsWith('id') ? 'id' : navigator.language ? 'en' : 'id';
}

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    resources: { en: { translation: en }, id: { translation: id } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  document.title = i18next.t('app.documentTitle');
}

export async function setLanguage(lang: UiLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18next.t('app.documentTitle');
}

export const t = (key: string, vars?: Record<string, unknown>): string => i18next.t(key, vars) as string;
export const language = (): UiLanguage => (i18next.language === 'en' ? 'en' : 'id');

/** Dates and numbers in the console's language. */
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString(language() === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const formatPercent = (n: number | null) => (n === null || n === undefined ? '—' : `${Math.round(n * 1000) / 10}%`);
