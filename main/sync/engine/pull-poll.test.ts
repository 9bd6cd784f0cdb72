// The real-time poll: with frequency real time, each minute's timer runs a pull pass and arms the next; hourly (or
// daily), the poll reads nothing (the runs engine's scheduled run does). Timers are the test's: it fires them.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { POLL_MS } from './pull-engine';
import { runKeychain, startPullTest } from './test-pull';

const cleanup = useCleanup();

interface Timer {
  ms: number;
  wake(): void;
  cancelled: boolean;
}

describe.skipIf(!runKeychain)('CRM → Kayse: the real-time poll', () => {
  it('polls every minute in real time, and not when the frequency is hourly', async () => {
    const timers: Timer[] = [];
    const schedule = (ms: number, wake: () => void) => {
      const timer = { ms, wake, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    };
    const t = cleanup.use(await startPullTest({ sync: { schedule } }));
    const { kase, crmId } = await t.linkedCase();
    const firstName = () => t.core.workspace.records.getClient(kase.clientIds[0]!)!.firstName;
    /** A minute passes: fires the minute timers armed (a poll per CRM, and the runs' batch windows) and waits for the passes. */
    const minutePasses = async () => {
      const due = timers.filter((x) => x.ms === POLL_MS && !x.cancelled);
      expect(due.length).toBeGreaterThanOrEqual(2);
      for (const x of due) {
        x.cancelled = true;
        x.wake();
      }
      await new Promise((resolve) => setImmediate(resolve));
      await t.core.sync.pull.idle();
    };

    t.smartadvocate.editRecord(crmId, 'Ada');
    await minutePasses();
    expect(firstName()).toBe('Ada');

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    t.smartadvocate.editRecord(crmId, 'Ida');
    await minutePasses();
    expect(firstName()).toBe('Ada');
    // The next poll is armed all the same, and the hourly run's pass brings the change.
    expect(timers.filter((x) => x.ms === POLL_MS && !x.cancelled).length).toBeGreaterThanOrEqual(2);
    expect(await t.core.sync.pull.pullOnce('smartadvocate', 'scheduled')).toMatchObject({ applied: 1 });
    expect(firstName()).toBe('Ida');
  });
});
