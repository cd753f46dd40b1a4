import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.ts';

describe('loadConfig', () => {
  it('gives every variable its documented default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './data', LOG_LEVEL: 'info', RATE_LIMIT: 30, MAX_MESSAGE_CHARS: 1000 });
    expect(c.databaseFile.endsWith('data/layani.db')).toBe(true);
  });

  it('accepts RATE_LIMIT=off for load tests', () => {
    expect(loadConfig({ RATE_LIMIT: 'off' }).RATE_LIMIT).toBeNull();
  });

  it('names each bad variable and what it must be', () => {
    try {
      loadConfig({ PORT: 'eighty', RATE_LIMIT: '-3', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/RATE_LIMIT: must be a positive whole number of messages per minute, or "off"/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('refuses half of the first-admin pair', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.id' })).toThrow(/set both/);
  });

  it('refuses a clarify threshold above the answer threshold', () => {
    expect(() => loadConfig({ ANSWER_THRESHOLD: '0.2', CLARIFY_THRESHOLD: '0.4' })).toThrow(/CLARIFY_THRESHOLD/);
  });
});
