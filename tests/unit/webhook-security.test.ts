import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hubSignatureMatches, secretsMatch } from '../../bot/channels/webhook-security.ts';

const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const sign = (key: string, raw: Buffer) => `sha256=${createHmac('sha256', key).update(raw).digest('hex')}`;

describe('X-Hub-Signature-256', () => {
  it('accepts the HMAC of the exact bytes with the app secret', () => {
    expect(hubSignatureMatches(sign('app-secret', body), body, 'app-secret')).toBe(true);
  });

  it.each([
    ['a signature made with another key', sign('other', body)],
    ['a signature of other bytes', sign('app-secret', Buffer.from(`${body} `))],
    ['no signature', undefined],
    ['a header without the sha256= prefix', sign('app-secret', body).slice(7)],
    ['a truncated signature', sign('app-secret', body).slice(0, 40)],
  ])('rejects %s', (_what, header) => {
    expect(hubSignatureMatches(header, body, 'app-secret')).toBe(false);
  });

  it('rejects everything when no app secret is configured', () => {
    expect(hubSignatureMatches(sign('', body), body, '')).toBe(false);
  });
});

describe('Telegram secret token', () => {
  it('matches only the exact configured secret', () => {
    expect(secretsMatch('s3cret_token', 's3cret_token')).toBe(true);
    expect(secretsMatch('s3cret_toke', 's3cret_token')).toBe(false);
    expect(secretsMatch(undefined, 's3cret_token')).toBe(false);
    expect(secretsMatch('', '')).toBe(false);
  });
});
