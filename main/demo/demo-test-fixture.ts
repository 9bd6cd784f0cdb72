// Test support for demo mode: a real core on a fresh data dir (ingest API on 127.0.0.1:0 when asked), a demo
// mode over it with a small workspace, timers that count what is still scheduled, and bounded waits.
import type Database from 'better-sqlite3';
import type { Core } from '../core';
import type { Clock } from '../core/clock';
import { startTestCore } from '../test-support/test-core';
import { createDemoMode, type DemoMode } from './demo-mode';
import type { Timers } from './generator';

/** Real timers that also know how many are still pending. */
export function countingTimers(): Timers & { pending(): number } {
  const live = new Set<ReturnType<typeof setTimeout>>();
  return {
    setTimeout(fn, ms) {
      const handle = setTimeout(() => {
        live.delete(handle);
        fn();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle as ReturnType<typeof setTimeout>);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    pending: () => live.size,
  };
}

/** Resolves once `condition()` holds; fails after `timeoutMs` with `what` in the message. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface DemoCoreOptions {
  clients?: number;
  cases?: number;
  listen?: boolean;
  clock?: Clock;
}

export interface DemoCore {
  core: Core & { cleanup(): Promise<void> };
  demo: DemoMode;
  timers: ReturnType<typeof countingTimers>;
  sqlite: Database.Database;
  /** `SELECT count(*) FROM <table> WHERE <where>`. */
  count(table: string, where?: string, ...params: unknown[]): number;
  cleanup(): Promise<void>;
}

/** A core plus a demo mode over it (`clients`/`cases` demo records when seeded, 60 each by default). */
export async function startDemoCore({ clients = 60, cases = 60, listen = true, clock }: DemoCoreOptions = {}): Promise<DemoCore> {
  const core = startTestCore({ fileSecrets: true, ...(clock ? { clock } : {}) });
  if (listen) await core.ingest.listen({ host: '127.0.0.1', port: 0 });
  const timers = countingTimers();
  const demo = createDemoMode({
    sqlite: core.database.sqlite,
    caseTypes: core.workspace.caseTypes,
    records: core.workspace.records,
    ingest: core.ingest,
    events: core.events,
    clock: core.clock,
    logger: core.logger,
    dataDir: core.dataDir,
    timers,
    seed: { clients, cases },
  });
  const sqlite: Database.Database = core.database.sqlite;
  const count = (table: string, where = '1 = 1', ...params: unknown[]) => sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
  return {
    core,
    demo,
    timers,
    sqlite,
    count,
    async cleanup() {
      await demo.close();
      await core.cleanup();
    },
  };
}
