import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../bot/llm/circuit-breaker.ts';

function breakerWithClock() {
  const clock = { t: 1_000 };
  const breaker = new CircuitBreaker({ failures: 3, cooldownMs: 60_000, now: () => clock.t });
  return { breaker, clock };
}

describe('circuit breaker', () => {
  it('stays closed while failures are fewer than the limit, and a success resets the count', () => {
    const { breaker } = breakerWithClock();
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens after three failures in a row and then refuses every call during the cool-down', () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    clock.t += 59_999;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets exactly one trial call through after the cool-down, and closes when it succeeds', () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.t += 60_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens again for a full cool-down when the trial call fails', () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.t += 60_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.t += 30_000;
    expect(breaker.tryAcquire()).toBe(false);
    clock.t += 30_000;
    expect(breaker.tryAcquire()).toBe(true);
  });
});
