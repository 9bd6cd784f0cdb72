// The activity generator: posts scenario steps to the ingest API at a steady rate. Time comes from the injected
// clock (the rate is a budget of requests earned per elapsed minute) and ticks from injectable timers. It runs a
// few "lanes", each posting one scenario's steps strictly in order with at most one request in flight, so no more
// than `maxInFlight` requests are ever outstanding and a slow ingest API can't build a backlog.
import type { Clock } from '../kernel';
import type { DemoWorld } from './demo-world';
import type { DemoStep, ScenarioFactory } from './event-factory';
import type { IngestPoster, PostOutcome } from './ingest-poster';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface GeneratorStats {
  running: boolean;
  ratePerMinute: number;
  posted: number;
  caseUpdates: number;
  failed: number;
  lastError: string | null;
  inFlight: number;
}

export interface GeneratorOptions {
  poster: IngestPoster;
  world: DemoWorld;
  factory: ScenarioFactory;
  clock: Clock;
  timers?: Timers;
  ratePerMinute: number;
  /** Requests outstanding at most (one per lane). */
  maxInFlight?: number;
  /** The generator stops itself after this many refused requests in a row (a revoked key, say). */
  maxConsecutiveFailures?: number;
  /** After each accepted request. */
  onAccepted?: (step: DemoStep, outcome: Extract<PostOutcome, { ok: true }>) => void;
  /** When running, the rate or the last error changed. */
  onStateChange?: () => void;
}

export interface DemoGenerator {
  stats(): GeneratorStats;
  setRate(ratePerMinute: number): void;
  /** Stops ticking, lets in-flight requests finish (aborting them after a grace period), closes the connections; safe to call twice. */
  stop(): Promise<void>;
}

/** How long stopping waits for requests in flight before aborting them. */
const STOP_GRACE_MS = 2000;

/** Starts posting at once (the first request goes out on the first tick). */
export function startDemoGenerator(options: GeneratorOptions): DemoGenerator {
  const { poster, world, factory, clock, timers = realTimers, maxInFlight = 4, maxConsecutiveFailures = 25 } = options;
  let rate = options.ratePerMinute;
  let running = true;
  let credit = 1;
  let last = clock.now().getTime();
  let timer: unknown;
  let posted = 0;
  let caseUpdates = 0;
  let failed = 0;
  let failuresInARow = 0;
  let lastError: string | null = null;
  let stopping: Promise<void> | undefined;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const lanes = Array.from({ length: maxInFlight }, () => ({ steps: [] as DemoStep[], busy: false }));

  /** Milliseconds between ticks: one request's worth of time, within 10 ms – 1 s. */
  const interval = () => Math.min(1000, Math.max(10, Math.floor(60_000 / rate)));

  const settle = (lane: (typeof lanes)[number], step: DemoStep, outcome: PostOutcome) => {
    lane.busy = false;
    if (outcome.ok) {
      failuresInARow = 0;
      if (step.kind === 'event') posted += 1;
      else {
        // Two lanes may move the same case to the same status (each scenario was built from the status it saw):
        // the API then answers `unchanged`, and that is no case update.
        if (outcome.changed) caseUpdates += 1;
        step.case.status = step.status;
      }
      options.onAccepted?.(step, outcome);
      return;
    }
    if (!running) return; // aborted while stopping: not the API's fault
    failed += 1;
    failuresInARow += 1;
    lastError = outcome.message;
    lane.steps = []; // the rest of a broken scenario would not make sense on its own
    if (failuresInARow >= maxConsecutiveFailures) {
      lastError = `Stopped after ${failuresInARow} refused requests in a row. Last: ${outcome.message}`;
      void stop();
    }
    options.onStateChange?.();
  };

  const send = (lane: (typeof lanes)[number]) => {
    const step = lane.steps.shift()!;
    lane.busy = true;
    const request = poster.send(step, abort.signal).then(
      (outcome) => settle(lane, step, outcome),
      (error: unknown) => settle(lane, step, { ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };

  const tick = () => {
    timer = undefined;
    if (!running) return;
    const now = clock.now();
    credit = Math.min(maxInFlight, credit + (Math.max(0, now.getTime() - last) * rate) / 60_000);
    last = now.getTime();
    for (const lane of lanes) {
      if (credit < 1) break;
      if (lane.busy) continue;
      if (lane.steps.length === 0) lane.steps = factory.next(world, now);
      if (lane.steps.length === 0) {
        lastError = 'There are no demo cases to post activity about: start demo mode with seeding, or wipe and start again.';
        void stop();
        options.onStateChange?.();
        return;
      }
      send(lane);
      credit -= 1;
    }
    timer = timers.setTimeout(tick, interval());
  };

  const stop = () => {
    stopping ??= (async () => {
      running = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      // Requests already sent finish (the API may have stored them); only a hung one is cut off.
      const grace = timers.setTimeout(() => abort.abort(), STOP_GRACE_MS);
      await Promise.allSettled([...inFlight]);
      timers.clearTimeout(grace);
      await poster.close();
    })();
    return stopping;
  };

  tick();
  return {
    stats: () => ({ running, ratePerMinute: rate, posted, caseUpdates, failed, lastError, inFlight: inFlight.size }),
    setRate(next) {
      rate = next;
      if (running && timer !== undefined) {
        // Re-arm so a change from 1/min to 6000/min takes effect now, not after the old, long interval.
        timers.clearTimeout(timer);
        timer = timers.setTimeout(tick, 0);
      }
    },
    stop,
  };
}
