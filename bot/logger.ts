import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { maskConversationId, maskPersonalData } from './privacy-mask.ts';

export type { Logger };

/**
 * JSON logs on stdout (or `destination`). Free-text fields pass through the personal-data mask
 * and WhatsApp conversation ids (phone numbers) are masked before they are written.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'layani' },
    formatters: {
      log(object) {
        for (const key of ['text', 'msgText', 'query']) {
          if (typeof object[key] === 'string') object[key] = maskPersonalData(object[key] as string);
        }
        if (typeof object.conversationId === 'string') object.conversationId = maskConversationId(object.conversationId);
        return object;
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
