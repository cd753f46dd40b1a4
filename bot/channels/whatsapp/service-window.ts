/**
 * WhatsApp's customer-service window: free-form messages reach a citizen only within 24 hours of
 * their last message; after that, only a pre-approved template. A minute's margin covers the time
 * a message may wait in the outbox, so a reply is not refused for arriving a few seconds late.
 */
export const SERVICE_WINDOW_MS = 24 * 3_600_000;
const MARGIN_MS = 60_000;

export function serviceWindowClosesAt(lastInboundAt: string | null): number | null {
  if (!lastInboundAt) return null;
  const at = Date.parse(lastInboundAt);
  return Number.isNaN(at) ? null : at + SERVICE_WINDOW_MS;
}

export function isServiceWindowOpen(lastInboundAt: string | null, now: number): boolean {
  const closesAt = serviceWindowClosesAt(lastInboundAt);
  return closesAt !== null && now < closesAt - MARGIN_MS;
}
