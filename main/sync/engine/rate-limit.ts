// One rate limiter per integration, shared by everything that calls its CRM (the push, the pull, the initial sync,
// the sample record): a token bucket of `ratePerSecond` with a small burst. A 429 (CrmError rate_limited) holds
// every caller until its Retry-After is over and halves the rate, which then climbs back to the configured one
// over a minute (sync.md "Rate limits"). The CRMs publish no numbers (external-apis.md), so the rate is a setting.
// The limiter waits in real time (it paces real requests), never on the injected clock.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { isCrmError, type CrmConnector } from '../../connectors';
import type { Crm } from '../../crm';

/** Requests per second each CRM gets unless configured (SyncOptions.rateLimits): real time at 50 changes/s fits. */
export const DEFAULT_RATE_LIMITS: Record<CrmConnectorId, number> = { lawruler: 50, smartadvocate: 50 };
/** Requests that may go at once after a quiet spell, unless configured. */
const DEFAULT_BURST = 10;
/** How long the rate takes to climb back after a 429. */
const RECOVERY_MS = 60_000;

export interface RateLimiterOptions {
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell (default 1: an even pace). */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when one more request may go. */
  take(): Promise<void>;
  /** A 429: nobody goes before `retryAfterMs` is over, and the rate halves. */
  rateLimited(retryAfterMs: number): void;
  /** The rate now (lower than configured for a while after a 429). */
  rate(): number;
  setRate(ratePerSecond: number): void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const burst = Math.max(1, options.burst ?? 1);
  let configured = options.ratePerSecond;
  let slowedTo: number | null = null;
  let slowedAt = 0;
  let tokens = burst;
  let refilledAt = now();
  let blockedUntil = 0;
  /** Callers queue in order: each waits for the one before it, so the pace holds however many wait. */
  let queue: Promise<void> = Promise.resolve();

  const rate = () => {
    if (slowedTo === null) return configured;
    const recovered = slowedTo + ((configured - slowedTo) * Math.max(0, now() - slowedAt)) / RECOVERY_MS;
    if (recovered >= configured) {
      slowedTo = null;
      return configured;
    }
    return recovered;
  };

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - refilledAt) / 1000) * rate());
    refilledAt = t;
  };

  const takeOne = async () => {
    for (let i = 0; i < 10_000; i += 1) {
      const blocked = blockedUntil - now();
      if (blocked > 0) {
        await sleep(blocked);
        continue;
      }
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.max(1, ((1 - tokens) / rate()) * 1000));
    }
  };

  return {
    take() {
      const mine = queue.then(takeOne);
      queue = mine.catch(() => undefined);
      return mine;
    },
    rateLimited(retryAfterMs) {
      blockedUntil = Math.max(blockedUntil, now() + retryAfterMs);
      slowedTo = Math.max(configured / 16, rate() / 2);
      slowedAt = now() + retryAfterMs;
      tokens = 0;
    },
    rate,
    setRate(ratePerSecond) {
      refill();
      configured = ratePerSecond;
    },
  };
}

/** The connector with every call paced by `limiter`, and every 429 it meets reported to it. */
export function limitConnector(connector: CrmConnector, limiter: RateLimiter): CrmConnector {
  const paced =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await limiter.take();
      try {
        return await call(...args);
      } catch (error) {
        if (isCrmError(error, 'rate_limited')) limiter.rateLimited(error.crmDetails.retryAfterMs ?? 60_000);
        throw error;
      }
    };
  return {
    id: connector.id,
    capabilities: connector.capabilities,
    testConnection: () => connector.testConnection(),
    loadCatalog: paced(() => connector.loadCatalog()),
    listChanged: paced((cursor, pageSize) => connector.listChanged(cursor, pageSize)),
    get: paced((id) => connector.get(id)),
    create: paced((record, marker) => connector.create(record, marker)),
    update: paced((id, changes) => connector.update(id, changes)),
    addNote: paced((id, note) => connector.addNote(id, note)),
    findExisting: paced((record, marker) => connector.findExisting(record, marker)),
    close: () => connector.close(),
  };
}

/** One limiter per integration, and the CRM service whose connectors go through them. */
export function createRateLimits(rates: Partial<Record<CrmConnectorId, number>> = {}) {
  const limiters = new Map<CrmConnectorId, RateLimiter>();
  // A configured rate paces evenly (the CRM counts per second); the default allows a short burst.
  const limiterOf = (crm: CrmConnectorId) => {
    let limiter = limiters.get(crm);
    if (!limiter) {
      limiter = createRateLimiter({ ratePerSecond: rates[crm] ?? DEFAULT_RATE_LIMITS[crm], burst: rates[crm] ? 1 : DEFAULT_BURST });
      limiters.set(crm, limiter);
    }
    return limiter;
  };
  const wrapped = new WeakMap<CrmConnector, CrmConnector>();
  return {
    limiterOf,
    /** `crm` with `connectorFor` answering the paced connector (the same wrapper for the same connector). */
    limit<C extends Pick<Crm, 'connectorFor'>>(crm: C): C {
      return Object.assign(Object.create(crm) as C, {
        async connectorFor(id: CrmConnectorId) {
          const connector = await crm.connectorFor(id);
          if (!connector) return null;
          let paced = wrapped.get(connector);
          if (!paced) {
            paced = limitConnector(connector, limiterOf(id));
            wrapped.set(connector, paced);
          }
          return paced;
        },
      });
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
