import { FakePlatform, type PlatformAnswer, type RecordedCall } from './fake-platform.ts';

/**
 * A loopback Telegram Bot API (`/bot<token>/<method>`) that speaks the wire format in
 * shared/guides/channels.md §1: `{ok, result}` answers, 400 for text over 4,096 characters or
 * callback_data over 64 bytes, 429 flood control with `parameters.retry_after` and `Retry-After`.
 * It also plays Telegram's side of the webhook: posting updates with the secret header and
 * running a `method` found in a 2xx webhook response.
 */
export class FakeTelegram extends FakePlatform {
  private nextMessageId = 1000;
  webhook: { url: string; secretToken?: string; allowedUpdates?: string[] } | null = null;

  constructor(readonly token: string) {
    super((call) => this.respond(call));
  }

  static async start(token = '123456:TEST-token'): Promise<FakeTelegram> {
    return new FakeTelegram(token).start();
  }

  /** Bot API calls by method name, including failed attempts. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === `/bot${this.token}/${method}`);
  }

  /** sendMessage bodies Telegram accepted, in the order they arrived. */
  get delivered(): any[] {
    return this.callsTo('sendMessage').filter((c) => c.status === 200).map((c) => c.body);
  }

  deliveredTo(chatId: number): any[] {
    return this.delivered.filter((b) => b.chat_id === chatId);
  }

  /** Makes the next `times` sendMessage calls hit flood control. */
  throttleNext(times: number, retryAfterSeconds: number): void {
    this.failNext(times, tooManyRequests(retryAfterSeconds), (c) => c.path.endsWith('/sendMessage'));
  }

  failSendsWith500(times: number): void {
    this.failNext(times, { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }, (c) => c.path.endsWith('/sendMessage'));
  }

  /**
   * Delivers one update to the webhook as Telegram does: POST JSON with the secret header. A 2xx
   * body holding a `method` is executed (recorded as a call to that method).
   */
  async deliverUpdate(webhookUrl: string, update: unknown, secret: string | undefined): Promise<{ status: number; body: any }> {
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    const text = await res.text();
    const body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (res.status >= 200 && res.status < 300 && body && typeof body === 'object' && typeof body.method === 'string') {
      const { method, ...params } = body;
      this.record({ method: 'POST', path: `/bot${this.token}/${method}`, headers: {}, body: params, at: Date.now(), status: 200 });
    }
    return { status: res.status, body };
  }

  private respond(call: RecordedCall): PlatformAnswer {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(call.path);
    if (!match || match[1] !== this.token) return error(401, 'Unauthorized');
    const params = (call.body ?? {}) as Record<string, any>;
    switch (match[2].toLowerCase()) {
      case 'sendmessage':
        return this.sendMessage(params);
      case 'answercallbackquery':
        return ok(true);
      case 'setwebhook':
        return this.setWebhook(params);
      case 'getwebhookinfo':
        return ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0, allowed_updates: this.webhook?.allowedUpdates });
      default:
        return error(404, 'Not Found: method not found');
    }
  }

  private sendMessage(params: Record<string, any>): PlatformAnswer {
    if (params.chat_id === undefined) return error(400, 'Bad Request: chat_id is empty');
    const text = typeof params.text === 'string' ? params.text : '';
    if (text.length === 0) return error(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return error(400, 'Bad Request: message is too long');
    const buttons = (params.reply_markup?.inline_keyboard ?? []).flat() as { callback_data?: string }[];
    if (buttons.some((b) => b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) > 64 || b.callback_data.length === 0))) {
      return error(400, 'Bad Request: BUTTON_DATA_INVALID');
    }
    const message_id = this.nextMessageId++;
    return ok({ message_id, from: { id: 999, is_bot: true, first_name: 'Layani' }, chat: { id: params.chat_id, type: 'private' }, date: Math.floor(Date.now() / 1000), text });
  }

  private setWebhook(params: Record<string, any>): PlatformAnswer {
    if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(params.secret_token)) {
      return error(400, 'Bad Request: secret token contains unallowed characters');
    }
    this.webhook = { url: params.url, secretToken: params.secret_token, allowedUpdates: params.allowed_updates };
    return { status: 200, body: { ok: true, result: true, description: 'Webhook was set' } };
  }
}

const ok = (result: unknown): PlatformAnswer => ({ status: 200, body: { ok: true, result } });
const error = (code: number, description: string): PlatformAnswer => ({ status: code, body: { ok: false, error_code: code, description } });

/** Flood control as the Bot API server builds it (Query.cpp, HttpConnection.cpp). */
export const tooManyRequests = (seconds: number): PlatformAnswer => ({
  status: 429,
  headers: { 'retry-after': String(seconds) },
  body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } },
});
