// Shared set-up for the import/export tests: a real core with a case type, a campaign and a settable clock,
// calls through the contract, and a bounded wait for a background task to finish.
import type { Core } from '../core';
import { startTestCore } from '../test-support/test-core';

export type TestCore = Core & { cleanup(): Promise<void> };

export const PI_STATUSES = ['New Lead', 'Intake', 'Signed', 'Closed'];

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-01T12:00:00.000Z') {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso: string) => void (now = new Date(iso)) };
}

/** A core with case types "Personal Injury" (custom fields) and "Workers Comp", and campaign "Spring Intake". */
export function startTransferCore(clock = manualClock()): TestCore & { clock: ReturnType<typeof manualClock> } {
  const core = startTestCore({ fileSecrets: true, clock, logLevel: 'silent' });
  core.workspace.caseTypes.create({
    name: 'Personal Injury',
    statuses: PI_STATUSES,
    fields: [
      { key: 'accident_date', label: 'Accident Date', type: 'date' },
      { key: 'injury', label: 'Injury', type: 'single_select', options: ['Back', 'Neck', 'Head'] },
      { key: 'treatments', label: 'Treatments', type: 'multi_select', options: ['Chiro', 'PT', 'Surgery'] },
      { key: 'amount', label: 'Amount', type: 'number' },
      { key: 'represented', label: 'Represented', type: 'yes_no' },
    ],
  });
  core.workspace.caseTypes.create({ name: 'Workers Comp', statuses: ['Open', 'Closed'], fields: [{ key: 'employer', label: 'Employer', type: 'text' }] });
  core.database.sqlite.prepare(`INSERT INTO campaigns (id, name, created_at) VALUES ('cmp_spring', 'Spring Intake', ?)`).run(clock.now().toISOString());
  return Object.assign(core, { clock });
}

/** Calls a procedure through the dispatcher; throws with the error when it fails. */
export async function call<T = unknown>(core: Core, path: string, input: unknown): Promise<T> {
  const result = await core.dispatch(path, input);
  if (!result.ok) throw Object.assign(new Error(`${path}: ${result.error.message}`), { error: result.error });
  return result.value as T;
}

/** The failure of a call that must fail. */
export async function failure(core: Core, path: string, input: unknown) {
  const result = await core.dispatch(path, input);
  if (result.ok) throw new Error(`${path} succeeded but should have failed`);
  return result.error;
}

export type Progress = { taskId: string; kind: string; phase: string; done: number; total: number | null; finished: boolean; error: string | null };

/** Collects every `task.progress` event from now on. */
export function recordProgress(core: Core): Progress[] {
  const seen: Progress[] = [];
  core.events.on('task.progress', (p) => seen.push(p));
  return seen;
}

/** Resolves with the task's progress events once its last one arrives; rejects after `timeoutMs`. */
export function taskFinished(core: Core, taskId: string, seen: Progress[], timeoutMs = 15_000): Promise<Progress[]> {
  return new Promise((resolve, reject) => {
    const mine = () => seen.filter((p) => p.taskId === taskId);
    const check = () => {
      if (!mine().some((p) => p.finished)) return false;
      clearTimeout(timer);
      off();
      resolve(mine());
      return true;
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`task ${taskId} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.events.on('task.progress', () => void setImmediate(check));
    check();
  });
}

/** Starts a background task and waits for it; returns its task id and progress events. */
export async function runTask(core: Core, path: string, input: unknown): Promise<{ taskId: string; progress: Progress[] }> {
  const seen = recordProgress(core);
  const { taskId } = await call<{ taskId: string }>(core, path, input);
  return { taskId, progress: await taskFinished(core, taskId, seen) };
}

/** How many rows `table` has. */
export const countRows = (core: Core, table: 'cases' | 'clients' | 'record_changes' | 'case_clients' | 'import_mappings'): number =>
  core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** CSV text from lines. */
export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
