import type { Request, Response } from 'express';
import { CONVERSATION_TOPIC_PREFIX, type LiveEvent, type LiveHub } from '../handoff/live-hub.ts';
import { AppError } from './app-error.ts';

/** Proxies and mobile carriers drop idle connections; a comment line every 20 s keeps the stream open. */
const HEARTBEAT_MS = 20_000;
/** How long a browser's EventSource waits before reconnecting after a drop. */
const RETRY_MS = 3_000;

export interface EventStream {
  send(event: LiveEvent): void;
}

/**
 * Refuses a citizen's new stream before anything is written when the process already holds
 * `limit.total` citizens' streams, or the conversation its own share: a chat left open in many tabs,
 * or a script, must not use up the sockets that officers' replies travel on. Officers' streams are
 * neither refused nor counted. The widget backs off and retries.
 */
export function admitStream(hub: LiveHub, topic: string, limit: { total: number; perTopic: number }): void {
  if (hub.subscribersUnder(CONVERSATION_TOPIC_PREFIX) >= limit.total) {
    throw new AppError(503, 'busy', 'The live connection is busy right now; messages still arrive when you send or reload. Try again in a minute.');
  }
  if (hub.subscriberCount(topic) >= limit.perTopic) {
    throw new AppError(429, 'too_many_streams', `This chat is already open in ${limit.perTopic} places; close another tab or window of it and try again.`);
  }
}

/**
 * Turns the response into a Server-Sent Events stream subscribed to `topic`: writes the headers,
 * sends `initial` events (a replay or a snapshot), heartbeats, and unsubscribes when the client goes.
 */
export function streamTopic(req: Request, res: Response, hub: LiveHub, topic: string, initial: LiveEvent[] = [], onClose?: () => void): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses by default, which would hold events back.
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n\n`);
  const send = (e: LiveEvent) => {
    if (!res.writableEnded) res.write(formatEvent(e));
  };
  for (const e of initial) send(e);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = hub.subscribe(topic, { send, close: () => res.end() });
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    onClose?.();
  });
  req.socket.setTimeout(0);
}

export function formatEvent(e: LiveEvent): string {
  const id = e.id === undefined ? '' : `id: ${e.id}\n`;
  return `${id}event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** The id a reconnecting EventSource sends back (`Last-Event-ID`), or a `?after=` query for plain fetch clients. */
export function lastEventId(req: Request): number | null {
  const raw = req.get('last-event-id') ?? (typeof req.query.after === 'string' ? req.query.after : undefined);
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}
