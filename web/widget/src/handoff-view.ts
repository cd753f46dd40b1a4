import type { ChatApi, HistoryMessage, Ticket } from './chat-api.ts';
import { listenLive, type HandoffStatus, type LiveMessage } from './live-events.ts';
import type { PanelParts } from './panel.ts';
import type { Chrome, Transcript } from './transcript.ts';

interface HandoffState {
  ticketNumber: string;
  status: HandoffStatus['status'];
  queuePosition?: number;
  officerName?: string;
}

/**
 * The citizen's side of a handoff: the ticket bar with "back to the bot", and the live stream that
 * brings an officer's messages while the conversation is with a person.
 */
export class HandoffView {
  private state: HandoffState | null = null;
  private live: { close(): void } | null = null;

  constructor(
    private readonly parts: PanelParts,
    private readonly chrome: Chrome,
    private readonly transcript: Transcript,
    private readonly api: ChatApi,
  ) {}

  get active(): boolean {
    return this.state !== null;
  }

  /** A turn answered with an open ticket: show it and listen for the officer. */
  start(conversationId: string, ticket: Ticket): void {
    if (ticket.status === 'resolved' || ticket.status === 'closed') return;
    this.state = {
      ticketNumber: ticket.number,
      status: ticket.status === 'assigned' ? 'assigned' : 'waiting',
      queuePosition: ticket.queuePosition,
      officerName: this.state?.officerName,
    };
    this.render();
    this.listen(conversationId);
  }

  private listen(conversationId: string): void {
    this.live ??= listenLive(this.api.eventsUrl(conversationId), {
      message: (m) => this.onMessage(m),
      handoff: (s) => this.onStatus(s),
    });
  }

  /** Back with the bot: the bar goes and the stream closes. */
  end(): void {
    this.live?.close();
    this.live = null;
    this.state = null;
    this.parts.handoff.hidden = true;
  }

  /**
   * After a reload: if the latest turn handed the conversation over, listen again. The stream opens
   * with the ticket's current status (none if it has ended), which brings the bar back.
   */
  restore(conversationId: string, messages: HistoryMessage[]): void {
    const lastTurn = [...messages].reverse().find((m) => m.author === 'bot' && m.outcome);
    const action = lastTurn?.outcome?.action;
    if (action === 'handoff' || action === 'relay') this.listen(conversationId);
  }

  render(): void {
    const s = this.state;
    if (!s) return;
    const { t } = this.chrome;
    const parts = [
      s.ticketNumber && t('ticket', { number: s.ticketNumber }),
      s.status === 'assigned' ? [t('withOfficer'), s.officerName].filter(Boolean).join(': ') : t('waiting'),
      s.status === 'waiting' && s.queuePosition ? t('queue', { position: s.queuePosition }) : '',
    ];
    this.parts.handoffText.textContent = parts.filter(Boolean).join(' · ');
    this.parts.handoff.hidden = false;
  }

  private onMessage(message: LiveMessage): void {
    if (this.transcript.has(message.id)) return;
    this.transcript.append({
      author: message.author,
      text: message.text,
      messageId: message.id,
      officerName: message.author === 'officer' ? message.officerName ?? this.state?.officerName : undefined,
    });
    const chips = (message.suggestions ?? []).filter((s) => s.action !== 'back-to-bot');
    if (chips.length) this.transcript.setChips(chips);
  }

  /**
   * The bar follows the ticket's status. The transcript does not: the server itself writes "an
   * officer is handling your ticket" or "the ticket is closed" into the conversation, which
   * arrives as a system message on the same stream and stays in the history.
   */
  private onStatus(status: HandoffStatus): void {
    if (status.status === 'resolved' || status.status === 'closed') return this.end();
    this.state = { ticketNumber: status.ticketNumber, status: status.status, officerName: status.officerName };
    this.render();
  }
}
