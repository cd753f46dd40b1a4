import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/fake-telegram.ts';

const run = promisify(execFile);
let telegram: FakeTelegram;
beforeAll(async () => {
  telegram = await FakeTelegram.start();
});
afterAll(async () => {
  await telegram.close();
});

function script(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/telegram-webhook.ts', ...args], {
    env: { PATH: process.env.PATH, TELEGRAM_API_BASE: telegram.url, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

it('npm run telegram:webhook registers the URL with the secret token and the update types the bot handles', async () => {
  const result = await script(['--url', 'https://layani.example.go.id/webhooks/telegram'], {
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_WEBHOOK_SECRET: 'a-secret_token',
  });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Webhook was set: https://layani.example.go.id/webhooks/telegram');
  expect(telegram.webhook).toEqual({
    url: 'https://layani.example.go.id/webhooks/telegram',
    secretToken: 'a-secret_token',
    allowedUpdates: ['message', 'callback_query'],
  });
  expect(result.stdout + result.stderr).not.toContain(telegram.token);
});

it('refuses to register without the webhook secret, and refuses a plain http URL', async () => {
  const noSecret = await script(['--url', 'https://layani.example.go.id/webhooks/telegram'], { TELEGRAM_BOT_TOKEN: telegram.token });
  expect(noSecret.code).toBe(2);
  expect(noSecret.stderr).toContain('TELEGRAM_WEBHOOK_SECRET');
  const http = await script(['--url', 'http://layani.example.go.id/webhooks/telegram'], { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_WEBHOOK_SECRET: 's' });
  expect(http.code).toBe(1);
  expect(http.stderr).toContain('https://');
});
