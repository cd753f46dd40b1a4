import type { OutboundRequest } from '../../storage/channel-ports.ts';
import type { SendOutcome } from '../messaging-channel.ts';
import { PlatformUnreachable, postJson, retryAfterMs } from '../platform-http.ts';

export interface WhatsAppApiSettings {
  apiBase: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
}

/** 24 hours have passed since the citizen last wrote: only a template can be sent. */
export const OUTSIDE_WINDOW = 131047;
// Throughput (130429), pair rate (131056), account/app rate (80007, 4), spam rate (131048) and
// transient errors (131000, 131016, 1, 2): Meta says wait and retry.
const RETRY_CODES = new Set([130429, 131056, 80007, 4, 131048, 131000, 131016, 1, 2]);
// An expired or revoked access token: an operator can fix it, so messages wait instead of failing.
const TOKEN_CODE = 190;

/**
 * Sends one message: `POST {base}/{version}/{phone number id}/messages` with the bearer token.
 * Meta asks for handling by error code rather than HTTP status; both are looked at.
 */
export function whatsappSender(settings: WhatsAppApiSettings): (request: OutboundRequest) => Promise<SendOutcome> {
  const url = `${settings.apiBase}/${settings.version}/${settings.phoneNumberId}/messages`;
  const headers = { authorization: `Bearer ${settings.accessToken}` };
  return async (request) => {
    let res;
    try {
      res = await postJson(url, request.body, headers, settings.timeoutMs);
    } catch (err) {
      if (err instanceof PlatformUnreachable) return { ok: false, retryable: true, error: `WhatsApp: ${err.message}` };
      throw err;
    }
    if (res.status >= 200 && res.status < 300) {
      const id = res.json?.messages?.[0]?.id;
      return { ok: true, externalMessageId: typeof id === 'string' ? id : null };
    }
    const code: number | undefined = res.json?.error?.code;
    const error = `WhatsApp #${code ?? res.status}: ${res.json?.error?.message ?? `HTTP ${res.status}`}`;
    if (code === OUTSIDE_WINDOW) return { ok: false, retryable: false, error, outsideServiceWindow: true };
    if (code === TOKEN_CODE || res.status === 401) return { ok: false, retryable: true, error: `${error} (renew WHATSAPP_ACCESS_TOKEN)` };
    if (res.status === 429 || res.status >= 500 || (code !== undefined && RETRY_CODES.has(code))) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      return { ok: false, retryable: true, error, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
    }
    return { ok: false, retryable: false, error };
  };
}
