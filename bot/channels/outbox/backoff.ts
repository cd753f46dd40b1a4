export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

/**
 * How long to wait before attempt `attempt + 1`. A platform's own Retry-After (Telegram's
 * `retry_after`, an HTTP `Retry-After`) is honoured as a minimum, with up to 10% (at most 1 s)
 * added so that throttled conversations do not all come back in the same instant. Otherwise the
 * wait doubles from `baseMs` up to `maxMs`, with "equal jitter" (half fixed, half random).
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, settings: BackoffSettings, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.round(random() * Math.min(1000, retryAfterMs / 10));
  const exponential = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
