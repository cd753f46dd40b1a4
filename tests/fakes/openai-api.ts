import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback stand-in for an OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp, Ollama), speaking
 * the wire format the @langchain/openai client uses: `POST /v1/chat/completions` and
 * `POST /v1/embeddings` (including the base64 `encoding_format` the client asks for by default),
 * OpenAI-style error bodies, and `usage` token counts. Shapes follow the OpenAI API reference.
 * Every request body is recorded; replies, delays and error statuses are scriptable.
 */

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** False while a delayed reply is still pending. */
  answered: boolean;
}

/** A scripted chat reply: the assistant message content, or an HTTP error, after an optional delay. */
export interface ChatScriptReply {
  content?: string;
  status?: number;
  delayMs?: number;
}

/** What the script sees of a chat request: the two turns, with the user turn parsed as JSON. */
export interface ChatCall {
  system: string;
  user: string;
  data: Record<string, any>;
  body: any;
}

export type ChatScript = (call: ChatCall) => ChatScriptReply;
export type EmbeddingScript = (input: string[]) => { status?: number; delayMs?: number } | undefined;

const DIMENSIONS = 64;

/** A well-behaved model: restates the message as it is; composes from the first entry verbatim. */
export const cooperativeModel: ChatScript = ({ data }) => {
  if ('citizen_message' in data) return { content: JSON.stringify({ restated: data.citizen_message, topicId: null }) };
  const entry = data.entries?.[0];
  if (!entry) return { content: JSON.stringify({ answerable: false, text: '', citedTopicIds: [] }) };
  return { content: JSON.stringify({ answerable: true, text: entry.answer, citedTopicIds: [entry.id] }) };
};

/** Deterministic bag-of-words vectors: texts that share words are near each other. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    let h = 2166136261;
    for (const ch of word) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    v[Math.abs(h) % DIMENSIONS] += 1;
  }
  return v;
}

export class FakeOpenAiApi {
  readonly requests: RecordedRequest[] = [];
  chatScript: ChatScript = cooperativeModel;
  embeddingScript: EmbeddingScript = () => undefined;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeOpenAiApi> {
    const server = http.createServer();
    const fake = new FakeOpenAiApi(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The value for OPENAI_BASE_URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions');
  }

  get embeddingRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/embeddings');
  }

  /** The parsed user-turn JSON of each chat request, in order. */
  get chatData(): Record<string, any>[] {
    return this.chatRequests.map((r) => JSON.parse(r.body.messages.find((m: any) => m.role === 'user').content));
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null, answered: false };
    this.requests.push(recorded);
    if (req.method !== 'POST') return this.send(res, recorded, 405, apiError('Method not allowed', 'invalid_request_error'));
    if (recorded.path === '/v1/chat/completions') return this.chat(res, recorded);
    if (recorded.path === '/v1/embeddings') return this.embeddings(res, recorded);
    this.send(res, recorded, 404, apiError(`Unknown path ${recorded.path}`, 'invalid_request_error'));
  }

  private chat(res: http.ServerResponse, recorded: RecordedRequest): void {
    const messages: { role: string; content: string }[] = recorded.body.messages;
    const system = messages.find((m) => m.role === 'system')?.content ?? '';
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const reply = this.chatScript({ system, user, data: safeJson(user), body: recorded.body });
    this.later(reply.delayMs, () => {
      if (reply.status && reply.status >= 400) return this.send(res, recorded, reply.status, errorFor(reply.status));
      const content = reply.content ?? '';
      const promptTokens = Math.ceil((system.length + user.length) / 4);
      const completionTokens = Math.ceil(content.length / 4);
      this.send(res, recorded, 200, {
        id: `chatcmpl-fake${this.requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: recorded.body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
        system_fingerprint: 'fp_fake',
      });
    });
  }

  private embeddings(res: http.ServerResponse, recorded: RecordedRequest): void {
    const input: string[] = Array.isArray(recorded.body.input) ? recorded.body.input : [recorded.body.input];
    const script = this.embeddingScript(input) ?? {};
    this.later(script.delayMs, () => {
      if (script.status && script.status >= 400) return this.send(res, recorded, script.status, errorFor(script.status));
      const base64 = recorded.body.encoding_format === 'base64';
      const data = input.map((text, index) => {
        const vector = fakeEmbedding(text);
        return { object: 'embedding', index, embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector };
      });
      const tokens = input.reduce((s, t) => s + Math.ceil(t.length / 4), 0);
      this.send(res, recorded, 200, { object: 'list', data, model: recorded.body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
    });
  }

  private later(delayMs: number | undefined, fn: () => void): void {
    if (!delayMs) return fn();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, delayMs);
    this.timers.add(timer);
  }

  private send(res: http.ServerResponse, recorded: RecordedRequest, status: number, body: unknown): void {
    if (res.destroyed) return;
    recorded.answered = true;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': `req_fake${this.requests.length}` };
    if (status === 429) headers['retry-after'] = '20';
    res.writeHead(status, headers).end(JSON.stringify(body));
  }
}

function safeJson(text: string): Record<string, any> {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function apiError(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

function errorFor(status: number) {
  if (status === 429) return apiError('Rate limit reached for requests. Please try again in 20s.', 'requests', 'rate_limit_exceeded');
  if (status === 401) return apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
  return apiError('The server had an error while processing your request.', 'server_error');
}
