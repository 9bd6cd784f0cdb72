// A pull that read a CRM record before the push's update of it landed, and applies it after the snapshot took the
// pushed value, must not take the record's older value for a CRM change (it would write it back over Kayse's): the
// record is read again when one of our writes to it landed after the read (in-flight.ts markRead).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { markRead } from './in-flight';
import { applyCrmRecord } from './pull-apply';
import { runKeychain, startPullTest } from './test-pull';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('CRM → Kayse: a record read before our update of it landed', () => {
  for (const rule of ['most_recent', 'kayse_wins', 'crm_wins'] as const) {
    it(`is read again and keeps Kayse's pushed value on both sides (${rule})`, async () => {
      const t = cleanup.use(await startPullTest());
      await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule } });
      const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
      await t.pull();

      // The pull reads SmartAdvocate's record while it still holds 03-01 (as a listing page or a webhook's read would)…
      const deps = (await t.core.sync.pull.applyDepsFor('smartadvocate'))!;
      const read = markRead();
      const stale = await deps.connector.get(crmId);
      // …then the console changes the date, and the push's update lands before the pull applies what it read.
      await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-02' } });
      await t.idle();
      expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
      const gets = t.smartadvocate.requests().length;

      try {
        expect(await applyCrmRecord(deps, stale, read)).toMatchObject({ kind: 'unchanged', conflicts: 0 });
      } finally {
        read.close();
      }
      // Read again (not decided on the old copy), and nothing changed on either side.
      expect(t.smartadvocate.requests().length).toBeGreaterThan(gets);
      expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-02');
      expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
      expect(t.core.workspace.records.history('case', kase.id, 20).changes.filter((c) => c.origin === 'smartadvocate')).toEqual([]);
      expect(t.core.sync.pull.conflicts.list('smartadvocate')).toEqual([]);
    });
  }

  it('a record read after our update landed is applied as read (no second read)', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-02' } });
    await t.idle();
    await t.editInCrm(crmId, { fields: { '3002': 'Fracture' } });

    const deps = (await t.core.sync.pull.applyDepsFor('smartadvocate'))!;
    const read = markRead();
    const record = await deps.connector.get(crmId);
    const requests = t.smartadvocate.requests().length;
    try {
      expect(await applyCrmRecord(deps, record, read)).toMatchObject({ kind: 'applied' });
    } finally {
      read.close();
    }
    expect(t.smartadvocate.requests().length).toBe(requests);
    expect(t.caseNow(kase.id).customValues).toMatchObject({ accident_date: '2026-03-02', injury_type: 'Fracture' });
  });
});
