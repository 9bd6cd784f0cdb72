// Test fixture: a Cal.com simulator on 127.0.0.1 and clients pointed at it through a guarded agent that allows only
// loopback. Simulator and clients share one manual clock, so tests move time (notice, windows, DST, the throttle's
// block) by hand. `close()` ends both.
import { createGuardedAgent } from '../../net';
import { manualClock, type ManualClock } from '../../test-support/clock';
import { createCalcomClient, type CalcomClient } from './calcom-client';
import { startCalcomSimulator, type CalcomSimulator } from './simulator';

export interface CalcomTest {
  sim: CalcomSimulator;
  clock: ManualClock;
  /** A client with the simulator's valid key unless another is given. */
  client(options?: { apiKey?: string; timeoutMs?: number }): CalcomClient;
  close(): Promise<void>;
}

/** Starts at `startIso` (default Wednesday 2026-12-02 15:00 UTC, 10:00 in New York). */
export async function startCalcomTest(startIso = '2026-12-02T15:00:00.000Z'): Promise<CalcomTest> {
  const clock = manualClock(startIso);
  const sim = await startCalcomSimulator({ clock });
  const agent = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000 });
  return {
    sim,
    clock,
    client: (options = {}) => createCalcomClient({ apiKey: options.apiKey ?? sim.keys.valid, baseUrl: sim.url, dispatcher: agent, timeoutMs: options.timeoutMs ?? 5_000, clock }),
    async close() {
      await sim.close();
      await agent.close();
    },
  };
}
