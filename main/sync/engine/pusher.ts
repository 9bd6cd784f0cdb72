// The Kayse → CRM push of one integration: reads record_changes after its durable cursor, leaves out changes the
// CRM itself made (no echo), and pushes each changed case as soon as it is read, several cases at once. A case
// already on its way is not sent twice: its later changes mark it, and it goes once more, from its state then,
// when the update in flight ends (coalescing). A case sent reads its state after every change then in the log, so
// its changes up to that point met later in the log are covered, not sent again (a queue of 10,000 changes of 100
// cases drains as ~100 pushes, not thousands of "unchanged" ones that held the event loop for seconds). The durable
// cursor moves only past changes whose cases are done or recorded as the record's error, so one bad record never
// holds up the others and a crash loses nothing.
// Enable off: nothing is read, the changes stay pending. A 429 stops reading until its wait is over.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { Clock } from '../../kernel';
import { pushCase, type PushDeps, type PushOutcome } from './push-record';
import type { PushStore } from './push-store';

/** Changes read at a time. */
export const PUSH_BATCH = 200;
/** Cases pushed at once per integration. */
export const MAX_IN_FLIGHT = 8;
/** Reads one pump makes at most (every loop bounded). */
const MAX_READS = 100;

export interface PusherDeps {
  crm: CrmConnectorId;
  store: PushStore;
  clock: Clock;
  /** Everything a push needs, read fresh (toggles, settings, mappings, the connector); null: nothing to do now. */
  prepare(): Promise<{ push: PushDeps; pushes: boolean } | null>;
  /** Calls `wake` after `ms` (a timer of the host's). */
  schedule(ms: number, wake: () => void): () => void;
  onError(error: unknown): void;
  /** Runs (run-control.ts): each record's outcome, and when nothing is left to send for now. */
  /** `conflicts`: fields the rule decided against the CRM's own change on the way (counted in the run). */
  onLanded?(caseId: string, outcome: PushOutcome, conflicts: number): void;
  onSettled?(): void;
  /** The CRM refused the credentials (after one re-authentication): the integration pauses (auth-pause.ts). */
  onAuthFailed?(message: string): void;
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
  inFlight: number;
  lastPushAt: string | null;
  /** A 429's wait: nothing is sent before it. */
  waitingUntil: string | null;
  counts: PushCounts;
}

interface Flight {
  /** The seq just before the earliest change of the case not yet done (Infinity: a retry, holding no place in the log). */
  before: number;
  /** Changed again while on its way: the seq just before the first such change. */
  dirtyBefore: number | null;
  done: Promise<void>;
}

export function createPusher(deps: PusherDeps) {
  const { crm, store, clock } = deps;
  const counts: PushCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  let lastPushAt: string | null = null;
  let waitingUntil: string | null = null;
  const inFlight = new Map<string, Flight>();
  /** The last seq of the log when each case was last sent: its changes up to there are in what it sent. */
  const covered = new Map<string, number>();
  /** How far the log was read (ahead of the durable cursor while cases are on their way); null: from the cursor. */
  let readSeq: number | null = null;
  /** Cases to send again (changed while on their way, or stopped by a 429): the cursor stays before their change. */
  const redo = new Map<string, number>();
  let pumping: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let cancelTimer: (() => void) | null = null;
  const now = () => clock.now().toISOString();

  /** The durable cursor: before the earliest change not done. */
  const saveCursor = () => {
    if (readSeq === null) return;
    let target = readSeq;
    for (const f of inFlight.values()) target = Math.min(target, f.before);
    for (const before of redo.values()) target = Math.min(target, before);
    const stored = store.cursor(crm);
    if (stored !== null && target > stored) store.setCursor(crm, target, now());
  };

  const sendAgain = (caseId: string, before: number) => redo.set(caseId, Math.min(redo.get(caseId) ?? before, before));

  const wait = (ms: number) => {
    const until = new Date(clock.now().getTime() + ms).toISOString();
    if (!waitingUntil || until > waitingUntil) waitingUntil = until;
  };

  const dispatch = (push: PushDeps, caseId: string, before: number) => {
    const flight: Flight = { before, dirtyBefore: null, done: Promise.resolve() };
    inFlight.set(caseId, flight);
    covered.set(caseId, store.headSeq());
    let conflicts = 0;
    flight.done = pushCase(push, caseId, (n) => void (conflicts += n)).then(
      (outcome) => land(caseId, flight, outcome, conflicts),
      (error: unknown) => {
        deps.onError(error);
        land(caseId, flight, { waitMs: 60_000 }, conflicts);
      },
    );
  };

  /** One case's push ended: counted, sent once more if it changed meanwhile, the cursor moved on. */
  const land = (caseId: string, flight: Flight, outcome: PushOutcome, conflicts: number) => {
    inFlight.delete(caseId);
    deps.onLanded?.(caseId, outcome, conflicts);
    if (typeof outcome === 'object') {
      if (outcome.auth !== undefined) deps.onAuthFailed?.(outcome.auth);
      wait(outcome.waitMs);
      sendAgain(caseId, Math.min(flight.before, flight.dirtyBefore ?? Infinity));
    } else {
      counts[outcome] += 1;
      if (outcome === 'created' || outcome === 'updated') lastPushAt = now();
      if (flight.dirtyBefore !== null) sendAgain(caseId, flight.dirtyBefore);
    }
    saveCursor();
    kick();
  };

  const waiting = () => waitingUntil !== null && Date.parse(waitingUntil) > clock.now().getTime();

  /** Reads what is new and sends every case not already on its way, up to MAX_IN_FLIGHT. */
  const pump = async () => {
    if (waiting()) return;
    waitingUntil = null;
    const ready = await deps.prepare();
    if (!ready || stopped || waiting()) return;
    if (readSeq === null) readSeq = store.cursor(crm);
    if (readSeq === null) return;
    // Cases to send again first, from their state now.
    for (const [caseId, before] of [...redo]) {
      if (inFlight.size >= MAX_IN_FLIGHT || !ready.pushes) break;
      redo.delete(caseId);
      dispatch(ready.push, caseId, before);
    }
    if (!ready.pushes) redo.clear();
    for (let read = 0; read < MAX_READS && inFlight.size < MAX_IN_FLIGHT; read += 1) {
      const changes = store.changesAfter(readSeq, PUSH_BATCH);
      if (changes.length === 0) break;
      if (!ready.pushes) {
        // Direction CRM → Kayse or Send off: nothing is pushed, and these changes wait for nothing.
        readSeq = changes.at(-1)!.seq;
        saveCursor();
        continue;
      }
      // A case sent for one change of this read covers its later ones in it: it is read after they were written.
      const sent = new Set<string>();
      for (const change of changes) {
        if (inFlight.size >= MAX_IN_FLIGHT) break;
        // The CRM's own change (applied from it) is never sent back.
        const ids = change.origin === crm ? [] : change.entity === 'case' ? [change.entityId] : store.casesOfClient(change.entityId);
        for (const id of ids) {
          if (sent.has(id)) continue;
          const coveredTo = covered.get(id);
          if (coveredTo !== undefined && change.seq <= coveredTo) continue;
          if (coveredTo !== undefined && !inFlight.has(id)) covered.delete(id);
          const flight = inFlight.get(id);
          if (flight) flight.dirtyBefore ??= change.seq - 1;
          else {
            const before = Math.min(redo.get(id) ?? Infinity, change.seq - 1);
            redo.delete(id);
            dispatch(ready.push, id, before);
            sent.add(id);
          }
        }
        readSeq = change.seq;
      }
      saveCursor();
    }
    // Records whose error is due (backoff over, or Retry now) go again; they hold no place in the log.
    if (!ready.pushes) return;
    for (const caseId of store.dueErrors(crm, now())) {
      if (inFlight.size >= MAX_IN_FLIGHT) break;
      if (!inFlight.has(caseId)) dispatch(ready.push, caseId, Infinity);
    }
  };

  /** The next wake-up: the end of a 429's wait, else the first error due. */
  const arm = () => {
    cancelTimer?.();
    cancelTimer = null;
    if (stopped || inFlight.size > 0) return;
    const due = waitingUntil ?? store.nextTryAt(crm);
    if (!due) return;
    const ms = Math.max(0, Math.min(Date.parse(due) - clock.now().getTime(), 2 ** 31 - 1));
    cancelTimer = deps.schedule(ms, () => kick());
  };

  /** Something changed (a new record change, a toggle, a push landed, a wait over): read now, or right after the read running. */
  function kick(): void {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = (async () => {
      try {
        for (let i = 0; i < MAX_READS; i += 1) {
          again = false;
          await pump();
          if (!again || stopped) break;
        }
      } catch (error) {
        deps.onError(error);
      } finally {
        pumping = null;
        arm();
        if (!stopped && inFlight.size === 0 && !waiting()) deps.onSettled?.();
      }
    })();
  }

  /** Resolves when nothing is being read or sent. */
  const idle = async () => {
    for (let i = 0; i < 10_000 && (pumping || inFlight.size > 0); i += 1) {
      await Promise.all([pumping, ...[...inFlight.values()].map((f) => f.done)]);
    }
  };

  return {
    kick,
    state: (): PusherState => ({ running: pumping !== null || inFlight.size > 0, inFlight: inFlight.size, lastPushAt, waitingUntil, counts: { ...counts } }),
    idle,
    async stop() {
      stopped = true;
      cancelTimer?.();
      await idle();
    },
  };
}

export type Pusher = ReturnType<typeof createPusher>;
