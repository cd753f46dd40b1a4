import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.ts';

describe('widget settings in the environment', () => {
  it('lets any site embed the widget and serves the demo page by default', () => {
    expect(loadConfig({})).toMatchObject({ WIDGET_ALLOWED_ORIGINS: '*', DEMO_PAGE: true });
  });

  it('reads a comma-separated list of origins', () => {
    const config = loadConfig({ WIDGET_ALLOWED_ORIGINS: 'https://disdukcapil.contoh.go.id, http://localhost:8080/', DEMO_PAGE: 'off' });
    expect(config.WIDGET_ALLOWED_ORIGINS).toEqual(['https://disdukcapil.contoh.go.id', 'http://localhost:8080']);
    expect(config.DEMO_PAGE).toBe(false);
  });

  it.each(['https://contoh.go.id/chat', 'contoh.go.id', 'ftp://contoh.go.id', ' , '])('refuses %j and says how to write an origin', (value) => {
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: value })).toThrow(/WIDGET_ALLOWED_ORIGINS/);
  });
});
