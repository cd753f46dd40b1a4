import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../bot/channels/outbox/backoff.ts';

const settings = { baseMs: 1000, maxMs: 60_000 };

describe('retryDelay', () => {
  it('doubles from the base delay and stops at the maximum', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, undefined, settings, middle))).toEqual([750, 1500, 3000, 6000]);
    expect(retryDelay(20, undefined, settings, middle)).toBe(45_000);
  });

  it('keeps the jitter between half and all of the exponential delay', () => {
    expect(retryDelay(3, undefined, settings, () => 0)).toBe(2000);
    expect(retryDelay(3, undefined, settings, () => 0.999999)).toBe(4000);
  });

  it('never waits less than the platform asked for in Retry-After', () => {
    expect(retryDelay(1, 35_000, settings, () => 0)).toBe(35_000);
    expect(retryDelay(1, 35_000, settings, () => 1)).toBe(36_000);
    expect(retryDelay(5, 2_000, settings, () => 1)).toBe(2_200);
  });
});
