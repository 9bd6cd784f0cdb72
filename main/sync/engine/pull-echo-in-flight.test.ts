// A pull pass that reads the CRM record while the push's update of it is still on its way (the CRM holds the value
// sent, the snapshot does not yet) takes that value as our own echo, not a CRM change: with Kayse changed again
// meanwhile and most_recent deciding, the sent (older) value must not come back over Kayse's newer one (in-flight.ts).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPullTest } from './test-pull';

const cleanup = useCleanup();

/** Waits (bounded) until `done` holds. */
async function until(done: () => boolean, what: string) {
  for (let i = 0; i < 600 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!runKeychain)('CRM → Kayse: our own update on its way is an echo', () => {
  it("a pull reading the value being sent while Kayse changed again keeps Kayse's newer value on both sides, no conflict", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'most_recent' } });
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    await t.pull();

    // Every answer slow until the update's UDF write has landed in SmartAdvocate and the connector's read after it
    // (still part of the update call) is on its way: from then the CRM holds V2 while the push has not returned.
    const seen = t.smartadvocate.requests().length;
    t.smartadvocate.setFault({ kind: 'slow', ms: 2_000 });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-02' } });
    const since = () => t.smartadvocate.requests().slice(seen);
    const writeAt = () => since().findIndex((r) => r.method === 'PUT' && r.path.endsWith('/udfs'));
    await until(() => writeAt() >= 0 && since().length > writeAt() + 1, 'the UDF write to land and the read after it to start');
    t.smartadvocate.setFault(null);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
    expect(t.core.sync.push.pusher('smartadvocate').state().running).toBe(true);

    // Meanwhile Kayse changes the date again, and a pull pass reads SmartAdvocate's record holding V2.
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-03' } });
    const counts = await t.pull();
    expect(t.core.sync.push.pusher('smartadvocate').state().running).toBe(true);
    await t.idle();
    await t.pull();
    await t.idle();

    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-03');
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-03/);
    expect(counts).toMatchObject({ conflicts: 0, errors: 0 });
    expect(t.core.sync.pull.conflicts.list('smartadvocate')).toEqual([]);
    // No change of the case came from SmartAdvocate: what it held was ours.
    const history = t.core.workspace.records.history('case', kase.id, 20).changes;
    expect(history.filter((c) => c.origin === 'smartadvocate')).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });
});
