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

  /** A handoff started (the chat API answered with a ticket) or was found in the history. */
  start(conversationId: string, ticket: Ticket | null): void {
    this.state = {
      ticketNumber: ticket?.number ?? this.state?.ticketNumber ?? '',
      status: ticket?.status === 'assigned' ? 'assigned' : this.state?.status ?? 'waiting',
      queuePosition: ticket?.queuePosition,
      officerName: this.state?.officerName,
    };
    this.render();
    this.live ??= listenLive(this.api.eventsUrl(conversationId), {
      message: (m) => this.onMessage(m),
      handoff: (s) => this.onStatus(conversationId, s),
    });
  }

  /** Back with the bot: the bar goes and the stream closes. */
  end(): void {
    this.live?.close();
    this.live = null;
    this.state = null;
    this.parts.handoff.hidden = true;
  }

  /** After a reload: a conversation whose latest turn handed it over is still with an officer. */
  restore(conversationId: string, messages: HistoryMessage[]): void {
    const lastTurn = [...messages].reverse().find((m) => m.author === 'bot' && m.outcome);
    const handedOver = lastTurn?.outcome && (lastTurn.outcome.action === 'handoff' || lastTurn.outcome.action === 'relay');
    const ticket = [...messages].reverse().find((m) => m.ticket)?.ticket ?? null;
    if (handedOver && ticket) this.start(conversationId, ticket);
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
    if (message.suggestions?.length) this.transcript.setChips(message.suggestions);
  }

  private onStatus(conversationId: string, status: HandoffStatus): void {
    if (status.status === 'resolved' || status.status === 'closed') {
      if (this.state) this.transcript.system('handoffEnded');
      this.end();
      return;
    }
    const joined = status.status === 'assigned' && this.state?.status !== 'assigned';
    this.state = { ...(this.state ?? { status: 'waiting' }), ticketNumber: status.ticketNumber, status: status.status, officerName: status.officerName };
    if (joined) {
      this.transcript.system(status.officerName ? 'officerJoined' : 'officerJoinedAnon', { name: status.officerName ?? '' });
    }
    this.start(conversationId, null);
  }
}
