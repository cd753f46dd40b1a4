import type { Logger } from '../../logger.ts';
import type { MessagingChannelName, OutboxEntry, OutboxStore } from '../../storage/channel-ports.ts';
import type { MessagingChannel, SendOutcome } from '../messaging-channel.ts';
import { retryDelay, type BackoffSettings } from './backoff.ts';

export interface OutboxSettings extends BackoffSettings {
  /** Conversations sent to at the same time (each conversation is always one message at a time). */
  concurrency: number;
  /** Safety net: look for due messages at least this often even if nobody kicked the worker. */
  pollMs?: number;
}

/**
 * Drains the persistent outbox. Only the oldest pending message of a conversation is ever sent,
 * so replies arrive in order; network errors, 5xx and 429 are retried with backoff (honouring
 * Retry-After) until the message's give-up time, then the failure is recorded for staff. Because
 * the queue is in the database, a restart simply carries on where the last process stopped.
 */
export class OutboxWorker {
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private scanning: Promise<void> | null = null;
  private rescan = false;

  constructor(
    private readonly deps: {
      outbox: OutboxStore;
      channels: Map<MessagingChannelName, MessagingChannel>;
      settings: OutboxSettings;
      logger: Logger;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Something was queued or finished: look for due messages now. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.scanning;
    await Promise.allSettled([...this.running]);
  }

  private get channelNames(): MessagingChannelName[] {
    return [...this.deps.channels.keys()];
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      if (this.scanning) {
        this.rescan = true;
        return;
      }
      this.scanning = this.scan().finally(() => {
        this.scanning = null;
        if (this.rescan) {
          this.rescan = false;
          this.kick();
        }
      });
    }, Math.max(0, delayMs));
  }

  private async scan(): Promise<void> {
    try {
      const { concurrency, pollMs = 30_000 } = this.deps.settings;
      const free = concurrency - this.busy.size;
      if (free <= 0) return; // a finishing send kicks the worker again
      const due = await this.deps.outbox.dueHeads(Date.now(), this.channelNames, [...this.busy], free);
      for (const entry of due) this.dispatch(entry);
      const next = await this.deps.outbox.nextDueAt(this.channelNames, [...this.busy]);
      if (!this.stopped && !this.timer && this.busy.size < concurrency) {
        this.schedule(next === null ? pollMs : Math.min(pollMs, Math.max(next - Date.now(), 0)));
      }
    } catch (err) {
      this.deps.logger.error({ err }, 'outbox scan failed');
      if (!this.stopped) this.schedule(this.deps.settings.pollMs ?? 30_000);
    }
  }

  private dispatch(entry: OutboxEntry): void {
    if (this.stopped) return;
    this.busy.add(entry.conversationId);
    const run = this.deliver(entry)
      .catch((err) => this.deps.logger.error({ err, conversationId: entry.conversationId, channel: entry.channel }, 'outbox delivery crashed'))
      .finally(() => {
        this.busy.delete(entry.conversationId);
        this.running.delete(run);
        this.kick();
      });
    this.running.add(run);
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { outbox } = this.deps;
    const channel = this.deps.channels.get(entry.channel)!;
    if (Date.now() > entry.giveUpAt) {
      await outbox.markFailed(entry.id, `not sent before the give-up time${entry.lastError ? `; last error: ${entry.lastError}` : ''}`, false);
      return this.logFailure(entry, 'not sent before the give-up time');
    }
    let outcome: SendOutcome;
    try {
      outcome = await channel.send(entry.request);
    } catch (err) {
      outcome = { ok: false, retryable: true, error: `${entry.channel}: ${(err as Error).message}` };
    }
    if (outcome.ok) return outbox.markSent(entry.id, outcome.externalMessageId);
    if (!outcome.retryable) return this.refused(entry, channel, outcome);
    const attempt = entry.attempts + 1;
    const delay = retryDelay(attempt, outcome.retryAfterMs, this.deps.settings);
    if (Date.now() + delay > entry.giveUpAt) {
      await outbox.markFailed(entry.id, `gave up after ${attempt} attempts: ${outcome.error}`, true);
      return this.logFailure(entry, outcome.error);
    }
    await outbox.reschedule(entry.id, Date.now() + delay, outcome.error);
    this.deps.logger.info({ conversationId: entry.conversationId, channel: entry.channel, attempt, retryInMs: delay, error: outcome.error }, 'send failed, will retry');
  }

  private async refused(entry: OutboxEntry, channel: MessagingChannel, outcome: Extract<SendOutcome, { retryable: false }>) {
    if (outcome.outsideServiceWindow) {
      const fallback = channel.outsideWindowFallback?.(entry.request);
      if (fallback) {
        this.deps.logger.info({ conversationId: entry.conversationId, channel: entry.channel }, 'outside the 24-hour window: sending the template instead');
        return this.deps.outbox.replace(entry.id, fallback.request, fallback.preview);
      }
      const hint = 'outside the 24-hour window and no template could be used (set WHATSAPP_TEMPLATE_NAME)';
      await this.deps.outbox.markFailed(entry.id, `${outcome.error}; ${hint}`, true);
      return this.logFailure(entry, outcome.error);
    }
    await this.deps.outbox.markFailed(entry.id, outcome.error, true);
    this.logFailure(entry, outcome.error);
  }

  private logFailure(entry: OutboxEntry, error: string): void {
    this.deps.logger.warn({ conversationId: entry.conversationId, channel: entry.channel, outboxId: entry.id, error }, 'message not delivered; recorded for staff');
  }
}
