// The initial sync against SmartAdvocate's faults in the middle of a run: a 429 is waited out (its Retry-After),
// an expired token is renewed by the connector signing in again once, and the run finishes with every record
// brought in once.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { waitForTask } from '../../test-support/tasks';
import { runKeychain, startInitialTest } from './test-initial';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('initial sync with CRM faults', () => {
  it('waits out a 429 and signs in again after the token expires mid-run, then finishes with every record once', async () => {
    const t = cleanup.use(await startInitialTest({ records: 40 }));
    await t.connect();
    const tokensBefore = t.smartadvocate.tokensIssued();
    let pages = 0;
    const off = t.core.events.on('task.progress', (p) => {
      if (p.kind !== 'sync.initial' || p.phase !== 'reading CRM records') return;
      pages += 1;
      if (pages === 1) t.smartadvocate.setFault({ kind: 'rate_limit', retryAfterSeconds: 1 }, { times: 1 });
      if (pages === 2) t.smartadvocate.setFault({ kind: 'expire_tokens' });
    });
    const run = await waitForTask(t.core.events, async () => ({ taskId: (await t.core.api.sync.initialStart({ crm: 'smartadvocate' })).taskId! }), 30_000);
    off();

    expect(run.progress.at(-1)).toMatchObject({ finished: true, error: null });
    const job = (await t.core.api.sync.initialStatus({ crm: 'smartadvocate' })).job!;
    expect(job).toMatchObject({ state: 'done', counts: { read: 40, createdInKayse: 40, failed: 0 } });
    expect(pages).toBeGreaterThanOrEqual(3);

    const requests = t.smartadvocate.requests();
    const limited = requests.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThan(-1);
    // The same listing again, not before the Retry-After was over.
    const again = requests.slice(limited + 1).find((r) => r.path === requests[limited]!.path)!;
    expect(again.status).toBe(200);
    expect(Date.parse(again.at) - Date.parse(requests[limited]!.at)).toBeGreaterThanOrEqual(950);
    // One 401 (the expired token), one new sign-in, and the listing went on.
    expect(requests.filter((r) => r.status === 401)).toHaveLength(1);
    expect(t.smartadvocate.tokensIssued()).toBe(tokensBefore + 1);

    expect(t.count('cases', "external_source = 'smartadvocate'")).toBe(40);
    expect(t.count('sync_links')).toBe(40);
    expect(t.smartadvocate.created()).toEqual([]);
  });
});
