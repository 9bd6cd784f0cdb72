// Per-endpoint circuit breakers: after a run of failed attempts an endpoint is clearly dead, so its deliveries
// wait (they are never dropped) and one probe attempt goes after a cooldown that doubles while it stays dead.
import type { Circuit } from '../../shared/contract/webhooks';

export interface BreakerOptions {
  /** Failed attempts in a row that open the circuit. */
  threshold: number;
  /** The first cooldown; each failed probe doubles it up to maxCooldownMs. */
  cooldownMs: number;
  maxCooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 5, cooldownMs: 5_000, maxCooldownMs: 60_000 };

interface State {
  consecutive: number;
  state: Circuit['state'];
  openedAtMs: number | null;
  retryAtMs: number | null;
  cooldownMs: number;
  probing: boolean;
}

export interface CircuitBreakers {
  /** How many attempts the endpoint may start now: unlimited when closed, one probe when a cooldown is over, else 0. */
  allowance(webhookId: string, nowMs: number): number;
  /** The attempts just started; a half-open circuit's one attempt becomes its probe. */
  started(webhookId: string, count: number): void;
  /** Attempts counted by started() that were never sent: a half-open circuit may probe again. */
  cancelled(webhookId: string): void;
  /** Records an outcome; returns true when the circuit changed state (worth showing). */
  record(webhookId: string, ok: boolean, nowMs: number): boolean;
  /** When an open circuit lets its next probe go (epoch ms), or null. */
  retryAt(webhookId: string): number | null;
  view(webhookId: string): Circuit;
  forget(webhookId: string): void;
}

export function createCircuitBreakers(options: BreakerOptions = DEFAULT_BREAKER): CircuitBreakers {
  const states = new Map<string, State>();
  const fresh = (): State => ({ consecutive: 0, state: 'closed', openedAtMs: null, retryAtMs: null, cooldownMs: options.cooldownMs, probing: false });
  const of = (id: string) => {
    let s = states.get(id);
    if (!s) states.set(id, (s = fresh()));
    return s;
  };
  const open = (s: State, nowMs: number, cooldownMs: number) => {
    s.state = 'open';
    s.openedAtMs ??= nowMs;
    s.cooldownMs = Math.min(cooldownMs, options.maxCooldownMs);
    s.retryAtMs = nowMs + s.cooldownMs;
    s.probing = false;
  };

  return {
    allowance(id, nowMs) {
      const s = states.get(id);
      if (!s || s.state === 'closed') return Number.POSITIVE_INFINITY;
      if (s.state === 'open' && s.retryAtMs !== null && nowMs >= s.retryAtMs) s.state = 'half_open';
      return s.state === 'half_open' && !s.probing ? 1 : 0;
    },
    started(id, count) {
      const s = states.get(id);
      if (s?.state === 'half_open' && count > 0) s.probing = true;
    },
    cancelled(id) {
      const s = states.get(id);
      if (s) s.probing = false;
    },
    record(id, ok, nowMs) {
      const s = of(id);
      const before = s.state;
      if (ok) {
        states.set(id, fresh());
        return before !== 'closed';
      }
      s.consecutive += 1;
      if (s.state === 'half_open' && s.probing) open(s, nowMs, s.cooldownMs * 2);
      else if (s.state === 'closed' && s.consecutive >= options.threshold) open(s, nowMs, options.cooldownMs);
      // Failures of attempts started before the circuit opened don't push the probe further away.
      return before !== s.state;
    },
    retryAt: (id) => (states.get(id)?.state === 'open' ? (states.get(id)!.retryAtMs ?? null) : null),
    view(id) {
      const s = states.get(id) ?? fresh();
      return {
        state: s.state,
        consecutiveFailures: s.consecutive,
        openedAt: s.openedAtMs === null ? null : new Date(s.openedAtMs).toISOString(),
        retryAt: s.state === 'open' && s.retryAtMs !== null ? new Date(s.retryAtMs).toISOString() : null,
      };
    },
    forget: (id) => void states.delete(id),
  };
}
