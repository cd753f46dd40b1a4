import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, badRequest } from '../http/app-error.ts';

/** Compares two secrets in constant time, whatever their lengths (both are hashed first). */
export function secretsMatch(received: string | undefined, expected: string): boolean {
  if (received === undefined || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/** Checks `X-Hub-Signature-256: sha256=<hex>`: an HMAC-SHA256 of the exact bytes received, keyed with the app secret. */
export function hubSignatureMatches(header: string | undefined, rawBody: Buffer, appSecret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match || appSecret === '') return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

export const unauthorizedWebhook = (what: string) =>
  new AppError(401, 'unauthorized', `${what}: this endpoint only accepts requests signed by the platform.`);

/** Parses a webhook body read as raw bytes (verification needed them untouched). */
export function parseJsonBody(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw badRequest('Send the update as a JSON body.');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
