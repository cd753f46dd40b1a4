import { LOCALES, type Locale } from './strings.ts';

/** What an agency can set on the embed tag with `data-` attributes. */
export interface WidgetOptions {
  locale: Locale;
  /** True when the page said which language it is in; otherwise the locale is only a guess. */
  localeGiven: boolean;
  title: string | null;
  /** Accent colour as #rgb or #rrggbb; the text colour on it is chosen for contrast. */
  color: string | null;
  position: 'right' | 'left';
  /** Origin of the Layani server; by default the origin the script was loaded from. */
  apiOrigin: string;
}

/** The script tag that loaded the widget: `currentScript` is only set while the script first runs. */
export function findScriptTag(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
}

export function readOptions(script: HTMLScriptElement | null): WidgetOptions {
  const data = script?.dataset ?? {};
  const given = pickLocale(data.locale);
  const pageLocale = pickLocale(document.documentElement.lang);
  return {
    locale: given ?? pageLocale ?? 'id',
    localeGiven: given !== null,
    title: data.title?.trim().slice(0, 60) || null,
    color: data.color && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(data.color.trim()) ? data.color.trim() : null,
    position: data.position === 'left' ? 'left' : 'right',
    apiOrigin: originOf(data.api) ?? originOf(script?.src) ?? location.origin,
  };
}

function pickLocale(value: string | undefined): Locale | null {
  const code = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(code) ? (code as Locale) : null;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, location.href);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}
