// One rate limiter per integration, shared by everything that calls its CRM (the push, the pull, the initial sync,
// notes, the sample record, apply-all): a token bucket that counts HTTP requests, not connector calls (a
// SmartAdvocate update is a GET and 2–3 writes), because that is what the CRM counts. It paces at the connector's
// HTTP layer: the connector asks it before each request (CrmConnector.usePacer); a connector without that hook (a
// test double) is paced per call instead. The CRM service's own connectors (Connect, Test connection, Refresh
// catalog) get the limiter when built (Crm.pacedBy): their sign-ins and catalog lists count against the same limit.
//
// 429s (sync.md "Rate limits"): every 429 holds every caller until its Retry-After (or reset header) is over, and the
// bucket restarts empty (no burst into the next window). A configured rate is the CRM's known limit: a single 429 is
// timing jitter at a window's edge and leaves it; one repeating within REPEAT_MS of the previous hold's end slows it
// by a tenth (never below half) and it climbs back over RECOVERY_MS. The default is no known limit: the first 429s
// teach it the CRM's (what the CRM accepted in the second before, from our recent takes), it paces just under that
// and probes upward slowly while it paces, so a drain runs near the CRM's limit with a 429 now and then, not a burst
// of them every few seconds as when it climbed back to the default after each.
// The limiter waits in real time (it paces real requests), never on the injected clock.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { RatePace } from '../../../shared/domain/sync-monitoring';
import { isCrmError, type CrmConnector, type CrmRequestPacer } from '../../connectors';
import type { Crm } from '../../crm';

/**
 * Requests per second each CRM gets unless configured (SyncOptions.rateLimits). Neither CRM publishes a number
 * (external-apis.md: LawRuler has limits firms ask it to raise, numbers unknown, 429 + Retry-After; the
 * SmartAdvocate part names no limit at all, and self-hosted servers are the firm's own), so the default is a guard
 * against a runaway, not a known limit; the 429 handling above is what keeps within the CRM's real one. It is sized
 * for real time at 50 changes/s: a SmartAdvocate change is a GET and an update of 3–4 requests (≈ 250 req/s), a
 * LawRuler one a read and one form POST (≈ 100 req/s), with headroom for the pull and notes.
 */
export const DEFAULT_RATE_LIMITS: Record<CrmConnectorId, number> = { lawruler: 150, smartadvocate: 300 };
/** Requests that may go at once after a quiet spell at the default rate (a tenth of a second's worth). */
const DEFAULT_BURST: Record<CrmConnectorId, number> = { lawruler: 15, smartadvocate: 30 };
/** A known limit: a 429 within REPEAT_MS of the last hold's end slows it by SLOW_DOWN; it is back after RECOVERY_MS. */
const REPEAT_MS = 30_000;
const RECOVERY_MS = 15_000;
const SLOW_DOWN = 0.9;
/** The lowest rate a default (unknown) limit may slow to. */
const MIN_UNKNOWN_RATE = 2;
/** An unknown limit is learnt per second (CRMs count per second) from our last RECENT_TAKES takes; a 429 measures
 * it only if at least MIN_EVIDENCE of ours went in that second. */
const LEARN_WINDOW_MS = 1_000;
const RECENT_TAKES = 1_024;
const MIN_EVIDENCE = 10;
/**
 * After a 429 a learnt rate sits LEARN_MARGIN under what the CRM accepted (its ceiling), is back at PROBE_NEAR of it
 * after RETURN_MS of pacing, then creeps up by PROBE_STEP of it per PROBE_MS of pacing (past the ceiling: the next 429
 * says where it is now); after PROBE_PATIENCE_MS of pacing without one (the limit was raised) by PROBE_FAST per
 * PROBE_MS. Only time spent pacing counts: a quiet spell keeps what was learnt.
 */
const LEARN_MARGIN = 0.95;
const PROBE_NEAR = 0.98;
const RETURN_MS = 5_000;
const PROBE_MS = 10_000;
const PROBE_STEP = 0.01;
const PROBE_PATIENCE_MS = 60_000;
const PROBE_FAST = 1.1;

export interface RateLimiterOptions {
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell (default 1: an even pace). */
  burst?: number;
  /** The rate is the CRM's known limit (configured), not a guess: repeated 429s slow it to half at most. */
  known?: boolean;
  /** The CRM's default, to which `configure(null)` returns (default: this limiter's own rate, burst and knownness). */
  unconfigured?: { ratePerSecond: number; burst: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told when what state() shows moves other than with time: a 429 (its wait, a learnt rate), a new setting. */
  onChange?: () => void;
}

export interface RateLimiter extends CrmRequestPacer {
  /** Resolves when one more request may go. */
  take(): Promise<void>;
  /** A 429: nobody goes before `retryAfterMs` is over; a known rate slows for a while on a repeat, an unknown one learns. */
  rateLimited(retryAfterMs: number): void;
  /** The rate now: a known limit's, lower for a while after repeated 429s; an unknown one's, as learnt from 429s. */
  rate(): number;
  setRate(ratePerSecond: number): void;
  /**
   * The admin's setting: a rate is the CRM's known limit (an even pace, burst 1; repeated 429s slow it to half at
   * most); null returns to the CRM's default (its burst, not a known limit).
   */
  configure(setting: { ratePerSecond: number } | null): void;
  /** What the monitoring shows: how fast it paces now, why, and how long a 429's hold still lasts. */
  state(): RateLimiterState;
}

export interface RateLimiterState {
  /** The firm set the CRM's limit (Sync settings); false: the CRM's default, learnt down from its 429s. */
  known: boolean;
  /** Requests per second it paces at now. */
  ratePerSecond: number;
  pace: RatePace;
  /** Milliseconds left of a 429's hold (nothing goes to the CRM before); 0 when none. */
  holdMs: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  let burst = Math.max(1, options.burst ?? 1);
  let known = options.known ?? false;
  const unconfigured = options.unconfigured ?? { ratePerSecond: options.ratePerSecond, burst };
  let configured = options.ratePerSecond;
  let slowedTo: number | null = null;
  let slowedAt = 0;
  let tokens = burst;
  let refilledAt = now();
  let blockedUntil = 0;
  /** When the last hold for a 429 ended (-Infinity: none yet). */
  let lastHoldEnd = Number.NEGATIVE_INFINITY;
  /** Callers queue in order: each waits for the one before it, so the pace holds however many wait. */
  let queue: Promise<void> = Promise.resolve();
  // An unknown limit learnt from 429s: the CRM's ceiling (null: none learnt), the pacing time since, our last takes.
  let ceiling: number | null = null;
  let pacedMs = 0;
  /** The 429s of one excess (the first and those met during its hold): the rate before it, our takes, refusals. */
  let event: { rate: number; taken: number; refused: number } | null = null;
  const takes = new Float64Array(RECENT_TAKES);
  let taken = 0;

  const floor = () => (known ? configured / 2 : Math.min(configured, MIN_UNKNOWN_RATE));
  const knownRate = () => {
    if (slowedTo === null) return configured;
    const recovered = slowedTo + ((configured - slowedTo) * Math.max(0, now() - slowedAt)) / RECOVERY_MS;
    if (recovered >= configured) {
      slowedTo = null;
      return configured;
    }
    return recovered;
  };
  const learntRate = () => {
    if (ceiling === null) return configured;
    const back = LEARN_MARGIN + (PROBE_NEAR - LEARN_MARGIN) * Math.min(1, pacedMs / RETURN_MS);
    const creep = (PROBE_STEP * Math.max(0, Math.min(pacedMs, PROBE_PATIENCE_MS) - RETURN_MS)) / PROBE_MS;
    const probed = Math.max(floor(), ceiling * (back + creep) * PROBE_FAST ** (Math.max(0, pacedMs - PROBE_PATIENCE_MS) / PROBE_MS));
    if (probed >= configured) {
      ceiling = null; // back at the default: nothing left to remember
      return configured;
    }
    return probed;
  };
  const rate = () => (known ? knownRate() : learntRate());
  // A learnt rate allows a tenth of a second's worth at once, as the default does: a burst of the default's size
  // after a quiet spell would meet the limit just learnt.
  const burstNow = () => (ceiling === null ? burst : Math.max(1, Math.min(burst, Math.floor(rate() / 10))));
  /** Our takes in the second before `t`: bounded by RECENT_TAKES. */
  const takenInLastSecond = (t: number) => {
    let count = 0;
    while (count < Math.min(taken, RECENT_TAKES) && takes[(taken - 1 - count) % RECENT_TAKES]! > t - LEARN_WINDOW_MS) count += 1;
    return count;
  };

  const refill = () => {
    const t = now();
    tokens = Math.min(burstNow(), tokens + ((Math.max(t, blockedUntil) - Math.max(refilledAt, blockedUntil)) / 1000) * rate());
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
        takes[taken % RECENT_TAKES] = now();
        taken += 1;
        return;
      }
      const waitFrom = now();
      await sleep(Math.max(1, ((1 - tokens) / rate()) * 1000));
      // Only time spent pacing at the learnt rate probes upward: a quiet spell teaches nothing about the limit.
      if (ceiling !== null) pacedMs += Math.min(RETURN_MS, now() - waitFrom);
    }
  };

  const take = () => {
    const mine = queue.then(takeOne);
    queue = mine.catch(() => undefined);
    return mine;
  };

  // An unknown limit: the CRM accepted about what we sent in the second before the 429, less the requests it refused
  // (this one and those already on their way, which answer during the hold): pace just under that. It is no measure
  // when we sent little or much of it was refused (the window was mostly someone else's: another client of the same
  // CRM account): then the rate is halved at most.
  const learn = (t: number, sibling: boolean) => {
    if (!sibling || !event) event = { rate: rate(), taken: takenInLastSecond(t), refused: 0 };
    event.refused += 1;
    const measured = (event.taken - event.refused) * LEARN_MARGIN;
    const trusted = event.taken >= MIN_EVIDENCE && event.refused * 3 <= event.taken;
    ceiling = Math.min(event.rate, Math.max(floor(), trusted ? measured : Math.max(measured, event.rate / 2))) / LEARN_MARGIN;
    pacedMs = 0;
  };

  return {
    take,
    beforeRequest: take,
    rateLimited(retryAfterMs) {
      const t = now();
      // A 429 met while a hold is on answers a request sent before the hold: the same excess, not a repeat.
      const sibling = t < blockedUntil;
      const repeat = !sibling && t - lastHoldEnd <= REPEAT_MS;
      refill();
      if (!known) learn(t, sibling);
      blockedUntil = Math.max(blockedUntil, t + retryAfterMs);
      lastHoldEnd = blockedUntil;
      tokens = 0;
      refilledAt = t;
      if (known && repeat) {
        slowedTo = Math.max(floor(), rate() * SLOW_DOWN);
        slowedAt = blockedUntil;
      }
      options.onChange?.();
    },
    rate,
    state() {
      const ratePerSecond = rate();
      const pace = known ? (ratePerSecond < configured ? 'slowed' : 'set') : ratePerSecond < configured ? 'learnt' : 'default';
      return { known, ratePerSecond, pace, holdMs: Math.max(0, blockedUntil - now()) };
    },
    setRate(ratePerSecond) {
      refill();
      configured = ratePerSecond;
    },
    configure(setting) {
      const next = setting ? setting.ratePerSecond : unconfigured.ratePerSecond;
      // The same setting again (every Sync settings save hands it over) keeps what was learnt; a new one starts
      // afresh: a slow-down or a limit learnt under the old setting says nothing about the new one.
      if (known === (setting !== null) && configured === next) return;
      refill();
      configured = next;
      burst = setting ? 1 : Math.max(1, unconfigured.burst);
      known = setting !== null;
      slowedTo = null;
      ceiling = null;
      event = null;
      tokens = Math.min(tokens, burst);
      options.onChange?.();
    },
  };
}

/**
 * The connector with its requests paced by `limiter`: through its HTTP hook when it has one (each request takes a
 * token, each 429 reaches the limiter from crm-http), else each call takes one and reports the 429 it meets.
 */
export function limitConnector(connector: CrmConnector, limiter: RateLimiter): CrmConnector {
  if (connector.usePacer) {
    connector.usePacer(limiter);
    return connector;
  }
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
export function createRateLimits(rates: Partial<Record<CrmConnectorId, number>> = {}, onChange?: (crm: CrmConnectorId) => void) {
  const limiters = new Map<CrmConnectorId, RateLimiter>();
  // A configured rate is the CRM's known limit and paces evenly (the CRM counts per second); the default allows a
  // short burst so that a quiet integration answers a change at once.
  const limiterOf = (crm: CrmConnectorId) => {
    let limiter = limiters.get(crm);
    if (!limiter) {
      const configured = rates[crm];
      const unconfigured = { ratePerSecond: DEFAULT_RATE_LIMITS[crm], burst: DEFAULT_BURST[crm] };
      const changed = onChange ? { onChange: () => onChange(crm) } : {};
      limiter = createRateLimiter(configured ? { ratePerSecond: configured, burst: 1, known: true, unconfigured, ...changed } : { ...unconfigured, unconfigured, ...changed });
      limiters.set(crm, limiter);
    }
    return limiter;
  };
  const wrapped = new WeakMap<CrmConnector, CrmConnector>();
  return {
    limiterOf,
    /** `crm` with `connectorFor` answering the paced connector (the same one for the same connector). */
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
