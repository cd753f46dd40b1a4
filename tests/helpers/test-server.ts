import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../server.ts';

export const TEST_ADMIN = { email: 'admin@layani.test', password: 'correct-horse-battery' };

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts the real server on a loopback port with a fresh (or given) data directory; `options.now` fixes the clock. */
export async function startTestServer(env: Record<string, string> = {}, dataDir?: string, options: ServerOptions = {}): Promise<TestServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'layani-test-'));
  const server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT: 'off',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  }, options);
  return {
    ...server,
    dataDir: dir,
    async dispose() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * The token each web conversation was given, by conversation id, as a browser would keep it.
 * A token left over from an earlier server in the same test file is harmless: a conversation the
 * server does not know yet takes the token it is offered.
 */
const tokens = new Map<string, string>();

/** The X-Conversation-Token header for a conversation `chat()` has talked in (empty if none). */
export function tokenHeaders(conversationId: string): Record<string, string> {
  const token = tokens.get(conversationId);
  return token ? { 'x-conversation-token': token } : {};
}


/** One turn through POST /api/chat, with the conversation's token remembered and sent like the widget does. */
export async function chat(server: { url: string }, conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await postJson(`${server.url}/api/chat`, { conversationId, text, ...extra }, tokenHeaders(conversationId));
  if (res.status !== 200) throw new Error(`chat failed with ${res.status}: ${JSON.stringify(res.body)}`);
  if (typeof res.body.conversationToken === 'string') tokens.set(conversationId, res.body.conversationToken);
  return res.body as {
    conversationId: string;
    replies: { text: string; suggestions?: { faqId?: string; label: string; action?: string }[]; sourceUrl?: string; messageId: number }[];
    outcome: { action: string; faqId: string | null; intent: string; confidence: number; locale: string };
    [key: string]: unknown;
  };
}
