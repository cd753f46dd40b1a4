/** The one way the channels call a platform API: JSON over HTTPS with a deadline. */

export interface PlatformResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when the body was not JSON. */
  json: Record<string, any> | null;
}

/** Thrown when the platform could not be reached or did not answer in time: always worth retrying. */
export class PlatformUnreachable extends Error {}

export async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<PlatformResponse> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new PlatformUnreachable(`could not reach the API (${cause})`);
  }
  let json: Record<string, any> | null = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json };
}

/** `Retry-After` as milliseconds: either delay-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
