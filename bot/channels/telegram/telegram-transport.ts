import type { OutboundRequest } from '../../storage/channel-ports.ts';
import type { SendOutcome } from '../messaging-channel.ts';
import { PlatformUnreachable, postJson, retryAfterMs } from '../platform-http.ts';

export interface TelegramApiSettings {
  apiBase: string;
  token: string;
  timeoutMs: number;
}

/** The Bot API method URL. It contains the token: never log it. */
export const telegramMethodUrl = (settings: Pick<TelegramApiSettings, 'apiBase' | 'token'>, method: string) =>
  `${settings.apiBase}/bot${settings.token}/${method}`;

/**
 * Calls one Bot API method. Flood control (429, `parameters.retry_after` and a `Retry-After`
 * header) and server errors are retried; any other refusal (400 bad request, 403 "bot was blocked
 * by the user") is final; a rejected token waits for an operator.
 */
export function telegramSender(settings: TelegramApiSettings): (request: OutboundRequest) => Promise<SendOutcome> {
  return async (request) => {
    let res;
    try {
      res = await postJson(telegramMethodUrl(settings, request.method), request.body, {}, settings.timeoutMs);
    } catch (err) {
      if (err instanceof PlatformUnreachable) return { ok: false, retryable: true, error: `Telegram: ${err.message}` };
      throw err;
    }
    const body = res.json ?? {};
    if (res.status >= 200 && res.status < 300 && body.ok === true) {
      const messageId = body.result?.message_id;
      return { ok: true, externalMessageId: messageId === undefined ? null : String(messageId) };
    }
    const description = typeof body.description === 'string' ? body.description : `HTTP ${res.status}`;
    const error = `Telegram ${request.method}: ${description}`;
    if (res.status === 429 || body.error_code === 429) {
      const seconds = body.parameters?.retry_after;
      const wait = typeof seconds === 'number' ? seconds * 1000 : retryAfterMs(res.headers.get('retry-after'));
      return { ok: false, retryable: true, error, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
    }
    if (res.status >= 500) return { ok: false, retryable: true, error };
    // A revoked token: an operator can fix it, so messages wait instead of failing.
    if (res.status === 401) return { ok: false, retryable: true, error: `${error} (check TELEGRAM_BOT_TOKEN)` };
    return { ok: false, retryable: false, error };
  };
}
