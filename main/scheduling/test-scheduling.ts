// Test fixture: a real core (real SQLite, the real keychain under a throw-away service name) and the Cal.com
// simulator on 127.0.0.1 sharing one manual clock (Wednesday 2 December 2026, 10:00 in New York), with a company
// in `companyTimeZone` and a few agents, some booking.
import type { CoreOptions } from '../core';
import { manualClock, type ManualClock } from '../test-support/clock';
import { startCalcomSimulator, type CalcomSimulator } from '../connectors/calcom/simulator';
import { hasSessionBus, makeTempDir, testSecretService } from '../test-support/temp-dir';
import { startTestCore, type TestCore } from '../test-support/test-core';

/** These tests use the real Secret Service (scripts/with-keyring.sh); CI must never skip them silently. */
export const runKeychain = hasSessionBus();
if (!runKeychain && process.env.CI) throw new Error('CI must run the scheduling tests inside scripts/with-keyring.sh');

export interface SchedulingTest {
  core: TestCore;
  sim: CalcomSimulator;
  clock: ManualClock;
  dataDir: string;
  /** Agents made for the test: one booking into 501, one into 502, one not booking. */
  agents: { booker: string; reviewer: string; idle: string };
  /** Stops the core and starts another on the same data dir and keychain service (a console restart). */
  restart(): Promise<TestCore>;
  cleanup(): Promise<void>;
}

export async function startSchedulingTest(options: { companyTimeZone?: string; core?: Partial<CoreOptions> } = {}): Promise<SchedulingTest> {
  const clock = manualClock('2026-12-02T15:00:00.000Z');
  const sim = await startCalcomSimulator({ clock });
  const temp = makeTempDir();
  const coreOptions = { dataDir: temp.dir, secretService: testSecretService(), clock, scheduling: { timeoutMs: 5_000, connectTimeoutMs: 2_000 }, ...options.core };
  let core = startTestCore(coreOptions);
  await core.api.company.update({ name: 'Avery & Lee Injury Law', timezone: options.companyTimeZone ?? 'America/New_York' });
  const campaign = await core.api.campaigns.create({ name: 'Car accidents' });
  const booker = await core.api.agents.create({ name: 'Ava (intake)', campaignId: campaign.id, appointmentBooking: true, eventTypeId: 501 });
  const reviewer = await core.api.agents.create({ name: 'Ben (reviews)', appointmentBooking: true, eventTypeId: 502 });
  const idle = await core.api.agents.create({ name: 'Cleo (follow-ups)', campaignId: campaign.id });
  return {
    get core() {
      return core;
    },
    sim,
    clock,
    dataDir: temp.dir,
    agents: { booker: booker.id, reviewer: reviewer.id, idle: idle.id },
    async restart() {
      await core.close();
      core = startTestCore(coreOptions);
      return core;
    },
    async cleanup() {
      await core.close();
      await sim.close();
      temp.remove();
    },
  };
}
