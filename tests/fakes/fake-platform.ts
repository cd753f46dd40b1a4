import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the product made to a fake platform API, and how the fake answered it. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  at: number;
  /** The HTTP status answered, or "dropped" when the fake was down and cut the connection. */
  status: number | 'dropped';
  /** The body answered. */
  response?: unknown;
}

export interface PlatformAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A loopback HTTP server standing in for a platform API. It records every request, can be told to
 * answer the next N requests with a failure (429, 500…), or to be "down" (connections are reset).
 */
export class FakePlatform {
  readonly calls: RecordedCall[] = [];
  private readonly failures: { remaining: number; answer: PlatformAnswer; matches: (call: RecordedCall) => boolean }[] = [];
  private readonly waiters = new Set<() => void>();
  private down = false;
  private server!: http.Server;
  url = '';

  constructor(private readonly answer: (call: RecordedCall) => PlatformAnswer) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next `times` matching requests get `answer` instead of the normal response. */
  failNext(times: number, answer: PlatformAnswer, matches: (call: RecordedCall) => boolean = () => true): void {
    this.failures.push({ remaining: times, answer, matches });
  }

  /** While down, every connection is reset after the request was read (the product sees a network error). */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs` naming what was awaited. */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out waiting for ${what}; calls so far: ${JSON.stringify(this.calls.map((c) => [c.path, c.status]))}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Lets tests record calls they make on the platform's behalf (a `method` run from a webhook response). */
  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) waiter();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const call: RecordedCall = { method: req.method!, path: req.url!, headers: req.headers, body, at: Date.now(), status: 0 };
      if (this.down) {
        call.status = 'dropped';
        this.record(call);
        req.socket.destroy();
        return;
      }
      const failure = this.failures.find((f) => f.remaining > 0 && f.matches(call));
      if (failure) failure.remaining -= 1;
      const answer = failure ? failure.answer : this.answer(call);
      call.status = answer.status;
      call.response = answer.body;
      this.record(call);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  }
}
