import path from 'node:path';
import { z } from 'zod';
import { OfficeHoursError, parseHolidays, parseWeeklyHours } from './handoff/office-hours.ts';

/** A zod string parsed by an office-hours parser, its error message becoming the variable's issue. */
const parsedWith = <T>(parse: (text: string) => T, fallback: string) =>
  z.string().default(fallback).transform((text, ctx) => {
    try {
      return parse(text);
    } catch (err) {
      if (!(err instanceof OfficeHoursError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
      return z.NEVER;
    }
  });
const minutes = (fallback: number) => z.coerce.number().positive().max(7 * 24 * 60).default(fallback);

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const httpUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

/** Every environment variable the product reads, with its default. The README lists the same keys. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT: z
    .string()
    .default('30')
    .refine((v) => v === 'off' || /^[1-9]\d*$/.test(v), 'must be a positive whole number of messages per minute, or "off"')
    .transform((v) => (v === 'off' ? null : Number(v))),
  TRUST_PROXY: onOff.default(false),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(50).max(10_000).default(1000),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).default(0.45),
  CLARIFY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.25),
  AMBIGUITY_MARGIN: z.coerce.number().min(0).max(1).default(0.05),
  ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),
  /** When officers answer, in Asia/Jakarta time: "always", or e.g. "mon-thu 07:30-16:00; fri 07:30-11:30, 13:00-16:30". */
  OFFICE_HOURS: parsedWith(parseWeeklyHours, 'mon-fri 08:00-16:00'),
  /** Days without office hours, YYYY-MM-DD separated by commas. */
  PUBLIC_HOLIDAYS: parsedWith(parseHolidays, ''),
  HANDOFF_ESCALATE_MINUTES: minutes(10),
  HANDOFF_REMIND_MINUTES: minutes(5),
  HANDOFF_CITIZEN_SILENT_MINUTES: minutes(10),
  HANDOFF_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Citizens' live streams the process serves at once; each holds a socket. */
  LIVE_STREAM_LIMIT: z.coerce.number().int().min(1).default(5000),
  // Telegram (Bot API, webhook mode): mounted only when both the token and the webhook secret are set.
  TELEGRAM_BOT_TOKEN: z.string().default(''),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .default('')
    .refine((v) => v === '' || /^[A-Za-z0-9_-]{1,256}$/.test(v), 'must be 1–256 characters of A-Z a-z 0-9 _ - (Telegram rejects anything else)'),
  TELEGRAM_API_BASE: httpUrl.default('https://api.telegram.org'),
  // WhatsApp Cloud API: mounted only when all four credentials are set.
  WHATSAPP_VERIFY_TOKEN: z.string().default(''),
  WHATSAPP_APP_SECRET: z.string().default(''),
  WHATSAPP_ACCESS_TOKEN: z.string().default(''),
  WHATSAPP_PHONE_NUMBER_ID: z.string().default(''),
  WHATSAPP_API_BASE: httpUrl.default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0').default('v25.0'),
  WHATSAPP_TEMPLATE_NAME: z.string().default(''),
  WHATSAPP_TEMPLATE_LANGUAGE: z.string().min(2).default('id'),
  WHATSAPP_TEMPLATE_BODY_PARAMETER: onOff.default(true),
  // The outbox that delivers every Telegram/WhatsApp message.
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(1).default(300_000),
  OUTBOX_GIVE_UP_MS: z.coerce.number().int().min(1).default(6 * 3_600_000),
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  // Optional language-model help (bot/llm): nothing is sent anywhere unless an endpoint is configured.
  OPENAI_API_KEY: z.string().default(''),
  OPENAI_BASE_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL such as http://127.0.0.1:11434/v1'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  LLM_UNDERSTANDING: onOff.default(true),
  LLM_PHRASING: onOff.default(false),
  LLM_EMBEDDINGS: onOff.default(false),
  LLM_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  WIDGET_ALLOWED_ORIGINS: z
    .string()
    .default('*')
    .transform((v, ctx) => parseOrigins(v, ctx)),
  DEMO_PAGE: onOff.default(true),
});

/**
 * Sites allowed to call the public chat API from a browser: `*` (any site may embed the widget) or
 * a comma-separated list of origins such as `https://disdukcapil.contoh.go.id,https://contoh.go.id`.
 */
function parseOrigins(value: string, ctx: z.RefinementCtx): '*' | string[] {
  if (value.trim() === '*') return '*';
  const origins: string[] = [];
  for (const item of value.split(',').map((o) => o.trim()).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(item);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
      ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin: write it as https://host[:port] with no path, or use *` });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  if (origins.length === 0) ctx.addIssue({ code: 'custom', message: 'list at least one origin, or use *' });
  return origins;
}

export type Config = z.infer<typeof schema> & { databaseFile: string; regressionsFile: string };

/** Thrown when the environment is wrong: names each bad variable and says what it must be. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (Boolean(cfg.ADMIN_EMAIL) !== Boolean(cfg.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD: set both to create the first admin, or neither');
  }
  if (cfg.OUTBOX_RETRY_BASE_MS > cfg.OUTBOX_RETRY_MAX_MS) {
    throw new ConfigError('Invalid configuration:\n  OUTBOX_RETRY_BASE_MS: must not be above OUTBOX_RETRY_MAX_MS');
  }
  if (cfg.CLARIFY_THRESHOLD > cfg.ANSWER_THRESHOLD) {
    throw new ConfigError('Invalid configuration:\n  CLARIFY_THRESHOLD: must not be above ANSWER_THRESHOLD');
  }
  return {
    ...cfg,
    databaseFile: path.resolve(cfg.DATA_DIR, 'layani.db'),
    // Phrasings taught from the unanswered review; `npm run eval` reads them as regression cases.
    regressionsFile: path.resolve(cfg.DATA_DIR, 'regressions.jsonl'),
  };
}
