// Test support for demo mode: a real core on a fresh data dir (ingest API on 127.0.0.1:0 when asked), a demo
// mode over it with a small workspace, timers that count what is still scheduled (or that the test fires by hand),
// and bounded waits woken by what signals progress rather than by polling.
import type Database from 'better-sqlite3';
import type { Clock } from '../kernel/clock';
import type { ManualClock } from '../test-support/clock';
import { startTestCore, type TestCore } from '../test-support/test-core';
import { createDemoCrms } from './demo-crms';
import { createDemoMode, type DemoMode } from './demo-mode';
import type { Timers } from './generator';

/** Tells `listener` that something may have changed; returns the unsubscribe. */
export type Signal = (listener: () => void) => () => void;

/** Timers for tests: they know how many are still pending and say when that changes. */
export interface TestTimers extends Timers {
  pending(): number;
  /** Fires when a timer is set, fires or is cleared. */
  onChange: Signal;
}

function listeners() {
  const all = new Set<() => void>();
  return {
    on: ((listener) => {
      all.add(listener);
      return () => {
        all.delete(listener);
      };
    }) satisfies Signal,
    emit: () => {
      for (const listener of [...all]) listener();
    },
  };
}

/** Real timers that also know how many are still pending. */
export function countingTimers(): TestTimers {
  const live = new Set<ReturnType<typeof setTimeout>>();
  const changed = listeners();
  return {
    setTimeout(fn, ms) {
      const handle = setTimeout(() => {
        live.delete(handle);
        fn();
        changed.emit();
      }, ms);
      live.add(handle);
      changed.emit();
      return handle;
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
      if (live.delete(handle as ReturnType<typeof setTimeout>)) changed.emit();
    },
    pending: () => live.size,
    onChange: changed.on,
  };
}

/** Timers the test fires by hand, earliest due first (then in the order set), with the clock moved to when each was due. */
export function manualTimers(clock: Pick<ManualClock, 'now' | 'advance'>): TestTimers & { fire(): void; nextDue(): number | undefined } {
  interface Pending {
    fn: () => void;
    due: number;
    order: number;
  }
  const queue: Pending[] = [];
  let order = 0;
  const changed = listeners();
  const earliest = () => queue.reduce<Pending | undefined>((best, t) => (!best || t.due < best.due || (t.due === best.due && t.order < best.order) ? t : best), undefined);
  return {
    setTimeout(fn, ms) {
      const handle: Pending = { fn, due: clock.now().getTime() + ms, order: order++ };
      queue.push(handle);
      changed.emit();
      return handle;
    },
    clearTimeout(handle) {
      const i = queue.indexOf(handle as Pending);
      if (i < 0) return;
      queue.splice(i, 1);
      changed.emit();
    },
    pending: () => queue.length,
    onChange: changed.on,
    /** When the next timer is due (clock milliseconds), if any is pending. */
    nextDue: () => earliest()?.due,
    /** Moves the clock to the earliest pending timer and runs it. */
    fire() {
      const next = earliest();
      if (!next) throw new Error('no timer is pending');
      queue.splice(queue.indexOf(next), 1);
      clock.advance(Math.max(0, next.due - clock.now().getTime()));
      next.fn();
      changed.emit();
    },
  };
}

/**
 * Resolves once `condition()` holds, checking it now and again each time one of `signals` fires (no polling).
 * Fails after `timeoutMs` (a bound, not a pause) with `what` in the message, or at once if the condition throws.
 */
export function waitFor(condition: () => boolean, what: string, signals: Signal[], timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribes: (() => void)[] = [];
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (settled) return;
      try {
        if (condition()) settle();
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const timeout = setTimeout(() => settle(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    for (const signal of signals) unsubscribes.push(signal(check));
    check();
  });
}

export interface DemoCoreOptions {
  clients?: number;
  cases?: number;
  listen?: boolean;
  clock?: Clock;
  /** Timers for the demo mode (the generator's ticks, the status announcements); real counting timers by default. */
  timers?: TestTimers;
  /** Start and connect the CRM simulators too, with this many records each (none by default). */
  crmRecords?: number;
  /** Give demo mode its webhook and loopback receiver (off by default). */
  webhook?: boolean;
  /** An existing data dir and the same secrets key (a restart of an earlier core). */
  dataDir?: string;
  env?: Record<string, string>;
  secretService?: string;
}

export interface DemoCore {
  core: TestCore;
  demo: DemoMode;
  timers: TestTimers;
  sqlite: Database.Database;
  /** `SELECT count(*) FROM <table> WHERE <where>`. */
  count(table: string, where?: string, ...params: unknown[]): number;
  /** `waitFor`, woken by accepted demo requests and generator state changes, `tables.changed`, and the timers. */
  waitFor(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** A core plus a demo mode over it (`clients`/`cases` demo records when seeded, 60 each by default). */
export async function startDemoCore({ clients = 60, cases = 60, listen = true, clock, timers = countingTimers(), crmRecords, webhook = false, dataDir, env, secretService }: DemoCoreOptions = {}): Promise<DemoCore> {
  const core = startTestCore({ fileSecrets: true, ...(clock ? { clock } : {}), ...(dataDir ? { dataDir } : {}), ...(env ? { env } : {}), ...(secretService ? { secretService } : {}) });
  if (listen) await core.ingest.listen({ host: '127.0.0.1', port: 0 });
  // The core's own demo mode would run a receiver for an existing demo webhook too: it steps aside for this one.
  if (webhook) await core.demo.close();
  const demo = createDemoMode({
    sqlite: core.database.sqlite,
    workspace: core.workspace,
    ingest: core.ingest,
    events: core.events,
    clock: core.clock,
    logger: core.logger,
    dataDir: core.dataDir,
    timers,
    seed: { clients, cases },
    ...(webhook ? { webhook: core.webhooks.demo } : {}),
    ...(crmRecords === undefined ? {} : { crms: createDemoCrms({ crm: core.crm, logger: core.logger, records: crmRecords, forgetSync: (id) => { core.sync.push.store.forget(id); core.sync.pull.store.forget(id); } }) }),
  });
  const sqlite: Database.Database = core.database.sqlite;
  const count = (table: string, where = '1 = 1', ...params: unknown[]) => sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
  return {
    core,
    demo,
    timers,
    sqlite,
    count,
    waitFor: (condition, what, timeoutMs) =>
      waitFor(condition, what, [(listener) => demo.onActivity(listener), (listener) => core.events.on('tables.changed', listener), timers.onChange], timeoutMs),
    async cleanup() {
      await demo.close();
      await core.cleanup();
    },
  };
}
