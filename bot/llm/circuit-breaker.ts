import type { BreakerState } from '../storage/llm-ports.ts';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long an open circuit refuses calls before letting one trial call through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Stops calling a failing endpoint for a while: after `failures` consecutive failures every call
 * is refused at once (the citizen gets the lexical answer without waiting for another timeout).
 * After the cool-down one trial call is let through; its success closes the circuit, its
 * failure opens it again for another cool-down.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Asks to make a call; `false` means do not call the endpoint now. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.consecutiveFailures += 1;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.consecutiveFailures >= this.options.failures) this.openedAt = this.now();
  }
}
