// The Kayse → CRM push of one integration: reads record_changes after its durable cursor, leaves out changes the
// CRM itself made (no echo), pushes each case once per pass (several changes of a record, or changes made while its
// update was on its way, go as one update), and advances the cursor past what is done or recorded as the record's
// error. Enable off: nothing is read, the changes stay pending. A 429 stops the pass where it was for the wait.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { Clock } from '../../kernel';
import { pushCase, type PushDeps, type PushOutcome } from './push-record';
import type { LogChange, PushStore } from './push-store';

/** Changes read per pass. */
export const PUSH_BATCH = 200;
/** Passes one run makes at most before yielding to the next trigger (every loop bounded). */
const MAX_PASSES = 10_000;

export interface PusherDeps {
  crm: CrmConnectorId;
  store: PushStore;
  clock: Clock;
  /** Everything a pass needs, read fresh each pass (toggles, settings, mappings, the connector); null: nothing to do now. */
  prepare(): Promise<{ push: PushDeps; pushes: boolean } | null>;
  /** Calls `wake` after `ms` (a timer of the host's; tests may shorten it). */
  schedule(ms: number, wake: () => void): () => void;
  onError(error: unknown): void;
}

export interface PushCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface PusherState {
  running: boolean;
  lastPushAt: string | null;
  /** A 429's wait: nothing is sent before it. */
  waitingUntil: string | null;
  counts: PushCounts;
}

/** Case ids in order of their first change, each with the seq just before it (where the cursor may go once earlier ones are done). */
function casesOf(changes: LogChange[], crm: CrmConnectorId, store: PushStore): { caseId: string; before: number }[] {
  const seen = new Map<string, number>();
  for (const change of changes) {
    if (change.origin === crm) continue; // the CRM's own change, applied from it: never sent back
    const ids = change.entity === 'case' ? [change.entityId] : store.casesOfClient(change.entityId);
    for (const id of ids) if (!seen.has(id)) seen.set(id, change.seq - 1);
  }
  return [...seen].map(([caseId, before]) => ({ caseId, before }));
}

export function createPusher(deps: PusherDeps) {
  const { crm, store, clock } = deps;
  const state: PusherState = { running: false, lastPushAt: null, waitingUntil: null, counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 } };
  let again = false;
  let stopped = false;
  let run: Promise<void> | null = null;
  let cancelTimer: (() => void) | null = null;

  const count = (outcome: PushOutcome) => {
    if (typeof outcome === 'string') state.counts[outcome] += 1;
    if (outcome === 'created' || outcome === 'updated') state.lastPushAt = clock.now().toISOString();
  };

  /** One pass; true when there may be more to read at once. */
  const pass = async (): Promise<boolean> => {
    if (state.waitingUntil && Date.parse(state.waitingUntil) > clock.now().getTime()) return false;
    state.waitingUntil = null;
    const ready = await deps.prepare();
    if (!ready) return false;
    const cursor = store.cursor(crm);
    if (cursor === null) return false;
    const changes = store.changesAfter(cursor, PUSH_BATCH);
    const end = changes.at(-1)?.seq ?? cursor;
    const now = () => clock.now().toISOString();
    if (!ready.pushes) {
      // Direction CRM → Kayse or Send off: nothing is pushed, and these changes are not waiting for anything.
      if (end > cursor) store.setCursor(crm, end, now());
      return changes.length === PUSH_BATCH;
    }
    const pushed = new Set<string>();
    for (const { caseId, before } of casesOf(changes, crm, store)) {
      if (stopped) return false;
      if (before > cursor) store.setCursor(crm, before, now());
      const outcome = await pushCase(ready.push, caseId);
      if (typeof outcome === 'object') {
        state.waitingUntil = new Date(clock.now().getTime() + outcome.waitMs).toISOString();
        return false;
      }
      pushed.add(caseId);
      count(outcome);
    }
    if (end > cursor) store.setCursor(crm, end, now());
    // Records whose error is due (backoff over, or "Retry now") go again; they hold no place in the log.
    for (const caseId of store.dueErrors(crm, now()).slice(0, PUSH_BATCH)) {
      if (stopped || pushed.has(caseId)) continue;
      const outcome = await pushCase(ready.push, caseId);
      if (typeof outcome === 'object') {
        state.waitingUntil = new Date(clock.now().getTime() + outcome.waitMs).toISOString();
        return false;
      }
      count(outcome);
    }
    return changes.length === PUSH_BATCH;
  };

  /** The next wake-up: the end of a 429's wait, else the first error due. */
  const arm = () => {
    cancelTimer?.();
    cancelTimer = null;
    if (stopped) return;
    const due = state.waitingUntil ?? store.nextTryAt(crm);
    if (!due) return;
    const ms = Math.max(0, Math.min(Date.parse(due) - clock.now().getTime(), 2 ** 31 - 1));
    cancelTimer = deps.schedule(ms, () => kick());
  };

  const loop = async () => {
    state.running = true;
    try {
      for (let i = 0; i < MAX_PASSES && !stopped; i += 1) {
        again = false;
        let more = false;
        try {
          more = await pass();
        } catch (error) {
          deps.onError(error);
        }
        if (!more && !again) break;
      }
    } finally {
      state.running = false;
      run = null;
      arm();
    }
  };

  /** Something changed (a new record change, a toggle, a wait over): a pass now, or right after the one running. */
  function kick(): void {
    if (stopped) return;
    if (run) {
      again = true;
      return;
    }
    run = loop();
  }

  return {
    kick,
    state: (): PusherState => ({ ...state, counts: { ...state.counts } }),
    /** Resolves when no pass is running (tests, shutdown). */
    idle: async () => {
      for (let i = 0; i < 1_000 && run; i += 1) await run;
    },
    async stop() {
      stopped = true;
      cancelTimer?.();
      await run;
    },
  };
}

export type Pusher = ReturnType<typeof createPusher>;
