import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  url: string;
  authorization: string | undefined;
  body: any;
}

/**
 * A loopback stand-in for the Bot Framework connector service: the bot POSTs its replies to
 * `{serviceUrl}/v3/conversations/{id}/activities/{replyToId}` and gets `{id}` back; set `down` to
 * make it answer 503, as a channel that is unavailable.
 */
export async function startFakeConnector(): Promise<{ url: string; calls: ConnectorCall[]; down: boolean; close(): Promise<void> }> {
  const calls: ConnectorCall[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (fake.down) {
        // The channel is unavailable: nothing is accepted or recorded.
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'channel down' } }));
        return;
      }
      calls.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : null });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake = { url: `http://127.0.0.1:${port}`, calls, down: false, close: () => new Promise<void>((r) => server.close(() => r())) };
  return fake;
}
