import { createHmac } from 'node:crypto';
import { FakePlatform, type PlatformAnswer, type RecordedCall } from './fake-platform.ts';

export interface GraphSettings {
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  version: string;
}

/**
 * A loopback WhatsApp Cloud API (`POST /{version}/{phone number id}/messages`) that speaks the
 * wire format in shared/guides/channels.md §2: bearer token, 3 buttons / 20-character titles /
 * 10 list rows / 4,096-character bodies enforced with error 131009, 131047 outside the 24-hour
 * window, 130429 when throttled. It also plays Meta's side of the webhook: the verification
 * handshake and POSTs signed with `sha256=HMAC(app secret, raw body)`.
 */
export class FakeGraphApi extends FakePlatform {
  private nextId = 1;
  private readonly closedWindows = new Set<string>();

  constructor(readonly settings: GraphSettings) {
    super((call) => this.respond(call));
  }

  static async start(settings: Partial<GraphSettings> = {}): Promise<FakeGraphApi> {
    return new FakeGraphApi({ accessToken: 'EAAtest', appSecret: 'app-secret-test', phoneNumberId: '106540352242922', version: 'v25.0', ...settings }).start();
  }

  get messagesPath(): string {
    return `/${this.settings.version}/${this.settings.phoneNumberId}/messages`;
  }

  /** Message bodies the API accepted, in arrival order. */
  get delivered(): any[] {
    return this.calls.filter((c) => c.path === this.messagesPath && c.status === 200).map((c) => c.body);
  }

  deliveredTo(recipient: string): any[] {
    return this.delivered.filter((b) => b.to === `+${recipient}` || b.to === recipient || b.recipient === recipient);
  }

  /** From now on free-form messages to this user are refused with 131047, as after 24 silent hours. */
  closeWindow(waId: string): void {
    this.closedWindows.add(waId);
  }

  throttleNext(times: number, retryAfterSeconds?: number): void {
    const headers = retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) };
    this.failNext(times, { status: 429, headers, body: graphError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.') });
  }

  /** POSTs a notification to the webhook, signed like Meta signs it (or forged / unsigned). */
  async postWebhook(webhookUrl: string, payload: unknown, signing: 'valid' | 'forged' | 'none' = 'valid'): Promise<{ status: number; body: string }> {
    const raw = JSON.stringify(payload);
    const key = signing === 'forged' ? 'not-the-app-secret' : this.settings.appSecret;
    const signature = `sha256=${createHmac('sha256', key).update(raw).digest('hex')}`;
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signing === 'none' ? {} : { 'x-hub-signature-256': signature }) },
      body: raw,
    });
    return { status: res.status, body: await res.text() };
  }

  /** Meta's verification GET, sent when the callback URL is saved in the dashboard. */
  async verify(webhookUrl: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
    const res = await fetch(`${webhookUrl}?${new URLSearchParams(params)}`);
    return { status: res.status, body: await res.text() };
  }

  private respond(call: RecordedCall): PlatformAnswer {
    if (call.headers.authorization !== `Bearer ${this.settings.accessToken}`) {
      return { status: 401, body: graphError(190, 'Invalid OAuth access token - Cannot parse access token') };
    }
    if (call.method !== 'POST' || call.path !== this.messagesPath) return { status: 404, body: graphError(100, 'Unknown path components') };
    const body = call.body as Record<string, any>;
    const recipient: string | undefined = body?.to ?? body?.recipient;
    if (body?.messaging_product !== 'whatsapp' || !recipient) return invalid('messaging_product and to (or recipient) are required');
    const problem = validate(body);
    if (problem) return invalid(problem);
    if (body.type !== 'template' && this.closedWindows.has(String(recipient).replace(/^\+/, ''))) {
      return { status: 400, body: graphError(131047, 'Re-engagement message', 'More than 24 hours have passed since the recipient last replied to the sender number.') };
    }
    const id = `wamid.FAKE${String(this.nextId++).padStart(6, '0')}`;
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: recipient, wa_id: String(recipient).replace(/^\+/, '') }], messages: [{ id }] } };
  }
}

function validate(body: Record<string, any>): string | null {
  switch (body.type) {
    case 'text':
      return within(body.text?.body, 1, 4096, 'text.body');
    case 'interactive':
      return body.interactive?.type === 'button' ? validateButtons(body.interactive) : body.interactive?.type === 'list' ? validateList(body.interactive) : 'unknown interactive type';
    case 'template':
      if (!body.template?.name || !body.template?.language?.code) return 'template name and language are required';
      for (const p of (body.template.components ?? []).flatMap((c: any) => c.parameters ?? [])) {
        if (/[\n\t]| {5,}/.test(p.text ?? '')) return 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces';
      }
      return null;
    default:
      return `unsupported message type ${body.type}`;
  }
}

function validateButtons(interactive: any): string | null {
  const buttons = interactive.action?.buttons ?? [];
  if (buttons.length < 1 || buttons.length > 3) return 'buttons: between 1 and 3 required';
  const titles = buttons.map((b: any) => b.reply?.title);
  if (new Set(titles).size !== titles.length) return 'button titles must be unique';
  for (const b of buttons) {
    const problem = within(b.reply?.title, 1, 20, 'button title') ?? within(b.reply?.id, 1, 256, 'button id');
    if (problem) return problem;
  }
  return within(interactive.body?.text, 1, 1024, 'body.text');
}

function validateList(interactive: any): string | null {
  const sections = interactive.action?.sections ?? [];
  const rows = sections.flatMap((s: any) => s.rows ?? []);
  if (sections.length < 1 || sections.length > 10) return 'sections: between 1 and 10 required';
  if (rows.length < 1 || rows.length > 10) return 'rows: between 1 and 10 in total required';
  for (const r of rows) {
    const problem =
      within(r.title, 1, 24, 'row title') ?? within(r.id, 1, 200, 'row id') ?? (r.description === undefined ? null : within(r.description, 0, 72, 'row description'));
    if (problem) return problem;
  }
  return within(interactive.action?.button, 1, 20, 'action.button') ?? within(interactive.body?.text, 1, 4096, 'body.text');
}

function within(value: unknown, min: number, max: number, what: string): string | null {
  if (typeof value !== 'string' || value.length < min || value.length > max) return `${what} must be ${min}-${max} characters`;
  return null;
}

const invalid = (details: string): PlatformAnswer => ({ status: 400, body: graphError(131009, 'Parameter value is not valid', details) });

export function graphError(code: number, message: string, details?: string) {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AfakeTraceId',
    },
  };
}
