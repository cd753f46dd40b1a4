import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bot/config.ts';
import { llmSettings } from '../../../bot/llm/llm-settings.ts';

describe('language-model settings', () => {
  it('are off when neither a key nor a base URL is configured', () => {
    expect(llmSettings(loadConfig({}))).toBeNull();
  });

  it('turn understanding on, and phrasing and embeddings off, once a self-hosted base URL is set', () => {
    const settings = llmSettings(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5:7b-instruct' }));
    expect(settings).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: 'not-needed',
      chatModel: 'qwen2.5:7b-instruct',
      timeoutMs: 4000,
      features: { understanding: true, phrasing: false, embeddings: false },
      breaker: { failures: 3, cooldownMs: 60_000 },
    });
  });

  it('use OpenAI itself when only a key is set', () => {
    expect(llmSettings(loadConfig({ OPENAI_API_KEY: 'sk-test' }))).toMatchObject({ baseUrl: '', apiKey: 'sk-test', chatModel: 'gpt-4o-mini' });
  });

  it('are off when every use is switched off', () => {
    expect(llmSettings(loadConfig({ OPENAI_API_KEY: 'sk-test', LLM_UNDERSTANDING: 'off' }))).toBeNull();
  });

  it('refuse a base URL that is not an http(s) URL, saying what to write', () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL: must be an http\(s\) URL/);
  });
});
