// When an integration's push may run, and the run each piece of its work belongs to. Real time: always, and the
// work is grouped into batch windows (a window opens with the first record sent and ends once the push is idle
// and the window is `windowMs` old), so a busy minute is one run, not a row per change. Hourly or daily: nothing
// is read between slots (changes stay pending); at a slot, or on "Sync now", the push drains what waits, the pull
// runs once, and that is one run. An integration paused after the CRM refused its credentials runs nothing.
import { CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../../shared/domain/connectors';
import { emptyRunCounts, type RunCounts, type RunTrigger, type SyncRun } from '../../../shared/domain/sync-runs';
import type { SyncSettings } from '../../../shared/domain/sync-settings';
import type { Clock } from '../../kernel';
import type { PushOutcome } from './push-record';
import { nextSlotAfter } from './run-schedule';
import { summarise, type RunStore } from './run-store';

/** How long a real-time batch window stays open. */
export const REALTIME_WINDOW_MS = 60_000;

export interface RunControlDeps {
  runs: RunStore;
  clock: Clock;
  frequency(crm: CrmConnectorId): SyncSettings['frequency'];
  direction(crm: CrmConnectorId): SyncSettings['direction'];
  timezone(): string;
  paused(crm: CrmConnectorId): boolean;
  schedule(ms: number, wake: () => void): () => void;
  /** True while the push of `crm` reads or sends nothing. */
  pushIdle(crm: CrmConnectorId): boolean;
  kick(crm: CrmConnectorId): void;
  /** The message of a record's error (for the run's summary). */
  errorOf(crm: CrmConnectorId, caseId: string): string | null;
  /** CRM → Kayse once, at a slot or on Sync now (the pull's counts go in the same run). */
  pull?(crm: CrmConnectorId, trigger: RunTrigger): Promise<Partial<RunCounts>>;
  /** Notes due (messages, call records), sent at a slot or on Sync now before the run ends. */
  notes?(crm: CrmConnectorId): Promise<void>;
  windowMs?: number;
}

interface Window {
  trigger: RunTrigger;
  startedAt: string;
  counts: RunCounts;
  messages: string[];
  /** Which sides did work in it (the run's direction). */
  sides: { push: boolean; pull: boolean };
}

interface Due {
  trigger: 'schedule' | 'manual';
  /** Sync now callers waiting for the run. */
  waiting: Array<{ resolve(run: SyncRun): void; reject(error: unknown): void }>;
}

export function createRunControl(deps: RunControlDeps) {
  const windowMs = deps.windowMs ?? REALTIME_WINDOW_MS;
  const windows = new Map<CrmConnectorId, Window>();
  const due = new Map<CrmConnectorId, Due>();
  const finishing = new Set<Promise<void>>();
  /** The last slot run (or the time the engine started): the next slot is the first after it. */
  const anchors = new Map<CrmConnectorId, number>();
  const slotTimers = new Map<CrmConnectorId, () => void>();
  const windowTimers = new Map<CrmConnectorId, () => void>();
  const now = () => deps.clock.now();

  const open = (crm: CrmConnectorId, trigger: RunTrigger): Window => {
    let w = windows.get(crm);
    if (w && w.trigger !== trigger) {
      close(crm);
      w = undefined;
    }
    if (!w) {
      w = { trigger, startedAt: now().toISOString(), counts: emptyRunCounts(), messages: [], sides: { push: false, pull: false } };
      windows.set(crm, w);
    }
    return w;
  };

  /** A scheduled or manual run pushes whenever the direction lets it; a real-time window only when it did. */
  const directionOf = (crm: CrmConnectorId, w: Window) => {
    const push = w.sides.push || (w.trigger !== 'realtime' && deps.direction(crm) !== 'crm_to_kayse');
    if (push && w.sides.pull) return 'both' as const;
    return w.sides.pull ? ('from_crm' as const) : ('to_crm' as const);
  };

  function close(crm: CrmConnectorId, extra: Partial<RunCounts> = {}, pulled = false): SyncRun | null {
    windowTimers.get(crm)?.();
    windowTimers.delete(crm);
    const w = windows.get(crm);
    windows.delete(crm);
    if (!w) return null;
    for (const [k, v] of Object.entries(extra) as [keyof RunCounts, number][]) w.counts[k] += v;
    if (pulled) w.sides.pull = true;
    return deps.runs.record({ crm, trigger: w.trigger, direction: directionOf(crm, w), startedAt: w.startedAt, finishedAt: now().toISOString(), counts: w.counts, errorSummary: summarise(w.messages) });
  }

  /** A real-time window ends now if a minute old, else when it is (if the push is idle then). */
  const endWindowWhenDue = (crm: CrmConnectorId) => {
    const w = windows.get(crm);
    if (!w) return;
    const age = now().getTime() - Date.parse(w.startedAt);
    if (age >= windowMs) {
      close(crm);
      return;
    }
    windowTimers.get(crm)?.();
    windowTimers.set(
      crm,
      deps.schedule(windowMs - age, () => {
        if (deps.pushIdle(crm)) close(crm);
      }),
    );
  };

  /** A slot's or Sync now's run ends: the pull runs once, then the run is written with both sides' counts. */
  const finishDue = async (crm: CrmConnectorId, d: Due) => {
    await deps.notes?.(crm).catch(() => undefined);
    due.delete(crm);
    let pulled: Partial<RunCounts> = {};
    let pullRan = false;
    if (deps.pull && deps.direction(crm) !== 'kayse_to_crm') {
      try {
        pulled = await deps.pull(crm, d.trigger);
        pullRan = true;
      } catch (error) {
        windows.get(crm)?.messages.push(error instanceof Error ? error.message : String(error));
        pulled = { errors: 1 };
      }
    }
    if (!windows.has(crm)) open(crm, d.trigger); // nothing was waiting: still a run
    try {
      const run = close(crm, pulled, pullRan)!;
      for (const w of d.waiting) w.resolve(run);
    } catch (error) {
      for (const w of d.waiting) w.reject(error);
      throw error;
    }
  };

  const armSlot = (crm: CrmConnectorId) => {
    slotTimers.get(crm)?.();
    slotTimers.delete(crm);
    const next = nextSlotAfter(deps.frequency(crm), anchorOf(crm), deps.timezone());
    if (next === null) return;
    slotTimers.set(crm, deps.schedule(Math.max(0, Math.min(next - now().getTime(), 2 ** 31 - 1)), () => tick()));
  };

  const anchorOf = (crm: CrmConnectorId) => {
    if (!anchors.has(crm)) anchors.set(crm, Date.parse(deps.runs.lastOf(crm, 'schedule')?.startedAt ?? now().toISOString()));
    return anchors.get(crm)!;
  };

  /** Opens the slot of every integration whose slot has come (a missed slot runs once, not once per slot missed). */
  function tick(): void {
    for (const crm of CRM_CONNECTOR_IDS) {
      const next = nextSlotAfter(deps.frequency(crm), anchorOf(crm), deps.timezone());
      if (next !== null && next <= now().getTime() && !due.has(crm)) {
        anchors.set(crm, now().getTime());
        if (!deps.paused(crm)) {
          due.set(crm, { trigger: 'schedule', waiting: [] });
          deps.kick(crm);
        }
      }
      armSlot(crm);
    }
  }

  return {
    /** Asked before each push pass: may it read and send now? */
    allow(crm: CrmConnectorId): boolean {
      if (deps.paused(crm)) return false;
      const d = due.get(crm);
      if (d) {
        open(crm, d.trigger);
        return true;
      }
      return deps.frequency(crm).kind === 'real_time';
    },
    /** May other work of the integration (notes) go now: not paused, and real time or inside a run? */
    mayRun: (crm: CrmConnectorId): boolean => !deps.paused(crm) && (due.has(crm) || deps.frequency(crm).kind === 'real_time'),
    /**
     * One record's push ended: counted in the run open (a real-time window opens with it), with the conflicts its
     * update decided against the CRM's own changes.
     */
    landed(crm: CrmConnectorId, caseId: string, outcome: PushOutcome, conflicts = 0): void {
      if (typeof outcome === 'object') return; // sent again later: counted then
      let w = windows.get(crm);
      // Under constant load the push may never be idle: a real-time window still ends once it is old enough.
      if (w && w.trigger === 'realtime' && now().getTime() - Date.parse(w.startedAt) >= windowMs) {
        close(crm);
        w = undefined;
      }
      w ??= open(crm, due.get(crm)?.trigger ?? 'realtime');
      w.sides.push = true;
      w.counts.read += 1;
      w.counts.conflicts += conflicts;
      if (outcome === 'created' || outcome === 'updated') w.counts.pushed += 1;
      if (outcome === 'failed') {
        w.counts.errors += 1;
        const message = deps.errorOf(crm, caseId);
        if (message) w.messages.push(message);
      } else w.counts[outcome] += 1;
    },
    /** The push has nothing left to do for now. */
    settled(crm: CrmConnectorId): void {
      const d = due.get(crm);
      if (d) {
        // Awaited by `finished` (the console stops): the run is written before the database closes.
        const done: Promise<void> = finishDue(crm, d)
          .catch(() => undefined)
          .finally(() => finishing.delete(done));
        finishing.add(done);
        return;
      }
      endWindowWhenDue(crm);
    },
    /**
     * A real-time pass of the pull ended (the pull calls it): its counts join the batch window open (or open one), so
     * real-time work of both directions is one run a minute. Scheduled and Sync now passes are counted by the run.
     */
    pulled(crm: CrmConnectorId, counts: Partial<RunCounts>, stoppedBy: string | null = null): void {
      if (due.has(crm)) return;
      const total = Object.values(counts).reduce((n, v) => n + (v ?? 0), 0);
      if (total === 0 && stoppedBy === null) return; // an idle poll is no run
      const w = windows.get(crm) ?? open(crm, 'realtime');
      w.sides.pull = true;
      for (const [k, v] of Object.entries(counts) as [keyof RunCounts, number][]) w.counts[k] += v;
      if (stoppedBy) w.messages.push(stoppedBy);
      endWindowWhenDue(crm);
    },
    /** "Sync now": one run of both directions at once, whatever the frequency; resolves with the run written. */
    syncNow(crm: CrmConnectorId): Promise<SyncRun> {
      const existing = due.get(crm);
      return new Promise<SyncRun>((resolve, reject) => {
        if (existing) existing.waiting.push({ resolve, reject });
        else {
          if (windows.get(crm)?.trigger === 'realtime') close(crm);
          due.set(crm, { trigger: 'manual', waiting: [{ resolve, reject }] });
        }
        deps.kick(crm);
      });
    },
    tick,
    /** The settings changed: the next slot is counted from now. */
    rearm(): void {
      for (const crm of CRM_CONNECTOR_IDS) armSlot(crm);
    },
    /** Resolves when no scheduled or manual run is being finished. */
    async finished(): Promise<void> {
      for (let i = 0; i < 10 && finishing.size > 0; i += 1) await Promise.all([...finishing]);
    },
    /** Writes the windows still open (the console stops). */
    flush(): void {
      for (const crm of [...windows.keys()]) if (!due.has(crm)) close(crm);
      for (const cancel of [...slotTimers.values(), ...windowTimers.values()]) cancel();
      slotTimers.clear();
      windowTimers.clear();
    },
  };
}

export type RunControl = ReturnType<typeof createRunControl>;
