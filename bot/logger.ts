import { pino, type Logger } from 'pino';
import { maskPersonalData } from './privacy-mask.ts';

export type { Logger };

/** JSON logs on stdout. Free-text fields pass through the personal-data mask before they are written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'layani' },
    formatters: {
      log(object) {
        for (const key of ['text', 'msgText', 'query']) {
          if (typeof object[key] === 'string') object[key] = maskPersonalData(object[key] as string);
        }
        return object;
      },
    },
  });
}
