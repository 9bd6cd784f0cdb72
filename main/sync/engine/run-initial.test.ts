// The initial sync recorded as a run once it ends (trigger initial, its counts in the runs' terms), once only,
// under the job's id: a second look at the same job (a restart, or the initial sync recording it itself) writes
// nothing more.
import { describe, expect, it } from 'vitest';
import { waitForTask } from '../../test-support/tasks';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startInitialTest } from '../initial/test-initial';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('initial sync runs', () => {
  it('an ended initial sync is one run with its counts, recorded once', async () => {
    const t = cleanup.use(await startInitialTest({ records: 5 }));
    t.kayseCase(t.client({ firstName: 'Only', email: 'only1@kayse.example' }));
    await t.connect();
    await waitForTask(t.core.events, async () => ({ taskId: (await t.core.api.sync.initialStart({ crm: 'smartadvocate' })).taskId! }));
    const job = (await t.core.api.sync.initialStatus({ crm: 'smartadvocate' })).job!;
    expect(job.state).toBe('done');

    const initialRuns = async () => (await t.core.api.sync.runs({ crm: 'smartadvocate' })).runs.filter((r) => r.trigger === 'initial');
    const [run, ...others] = await initialRuns();
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      id: job.id,
      direction: 'both',
      outcome: 'ok',
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      counts: { read: job.counts.read, created: job.counts.createdInKayse + job.counts.createdInCrm, errors: 0 },
    });
    expect(run!.counts.created).toBe(6); // 5 from SmartAdvocate, 1 sent to it

    await t.restart();
    expect(await initialRuns()).toHaveLength(1);
  });
});
