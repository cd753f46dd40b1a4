/** One Server-Sent Event as received on the wire. */
export interface ReceivedEvent {
  event: string;
  data: any;
  id?: string;
}

export interface EventStreamClient {
  status: number;
  headers: Headers;
  /** Resolves with the next event (after those already taken) that matches; waits for it if needed. */
  next(event: string, match?: (data: any) => boolean): Promise<ReceivedEvent>;
  /** Every event received so far. */
  received: ReceivedEvent[];
  close(): void;
}

/**
 * Reads an SSE stream with plain fetch, the way a browser's EventSource parses it: blocks separated
 * by a blank line, `event:`/`data:`/`id:` fields, comment lines (heartbeats) ignored.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const received: ReceivedEvent[] = [];
  const waiters: (() => void)[] = [];
  let taken = 0;
  if (res.body) void pump(res.body, received, waiters);
  return {
    status: res.status,
    headers: res.headers,
    received,
    async next(event, match = () => true) {
      for (;;) {
        const index = received.findIndex((e, i) => i >= taken && e.event === event && match(e.data));
        if (index >= 0) {
          taken = index + 1;
          return received[index];
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => controller.abort(),
  };
}

async function pump(body: ReadableStream<Uint8Array>, received: ReceivedEvent[], waiters: (() => void)[]): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const parsed = parseBlock(block);
        if (parsed) received.push(parsed);
      }
      waiters.splice(0).forEach((wake) => wake());
    }
  } catch {
    // Aborted by close(), or the server ended the stream.
  }
}

function parseBlock(block: string): ReceivedEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return null;
  return { event, data: JSON.parse(data.join('\n')), ...(id === undefined ? {} : { id }) };
}
