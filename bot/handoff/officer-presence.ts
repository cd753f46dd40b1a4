/** An officer who used the staff API this recently still counts as online without a live stream. */
const RECENT_MS = 5 * 60_000;

/**
 * Which officers are at their desk right now: connected to the live queue, or active in the last
 * few minutes. In memory on purpose: after a restart officers reconnect within seconds.
 */
export class OfficerPresence {
  private readonly streams = new Map<string, number>();
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  /** An officer opened the live queue; returns the function to call when the stream closes. */
  connect(officerId: string): () => void {
    this.streams.set(officerId, (this.streams.get(officerId) ?? 0) + 1);
    this.seen(officerId);
    return () => {
      const left = (this.streams.get(officerId) ?? 1) - 1;
      if (left > 0) this.streams.set(officerId, left);
      else this.streams.delete(officerId);
      this.seen(officerId);
    };
  }

  seen(officerId: string): void {
    this.lastSeen.set(officerId, this.now().getTime());
  }

  isOnline(officerId: string): boolean {
    if (this.streams.has(officerId)) return true;
    const seen = this.lastSeen.get(officerId);
    return seen !== undefined && this.now().getTime() - seen < RECENT_MS;
  }

  onlineCount(): number {
    const ids = new Set([...this.streams.keys(), ...this.lastSeen.keys()]);
    return [...ids].filter((id) => this.isOnline(id)).length;
  }
}
