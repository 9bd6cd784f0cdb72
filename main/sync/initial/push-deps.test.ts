// The initial sync's push (pushDepsFor) on a real core and the SmartAdvocate simulator: a Kayse case linked by the
// time the initial sync sends it is decided against its CRM record as the push decides it (push-decide.ts), never
// sent blind: under CRM wins, SmartAdvocate's newer accident date stays, comes to Kayse and the conflict is logged.
import { describe, expect, it } from 'vitest';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { useCleanup } from '../../test-support/use-cleanup';
import { pushCase } from '../engine/push-record';
import { runKeychain, startPullTest, type PullTest } from '../engine/test-pull';
import { createMappingStore } from '../mapping-store';
import { pushDepsFor, type PushDepsSource } from './push-deps';

const cleanup = useCleanup();

/** What create-sync gives the initial sync. */
const sourceOf = (t: PullTest): PushDepsSource => ({
  crm: t.core.crm,
  records: t.core.workspace.records,
  caseTypes: () => t.core.workspace.caseTypes.list(),
  catalogOf: (crm: CrmConnectorId) => {
    const state = t.core.crm.catalog(crm);
    return { catalog: state.catalog, loadedAt: state.loadedAt };
  },
  fields: t.core.sync.fields,
  statuses: t.core.sync.statuses,
  settings: t.core.sync.settings,
  mappingStore: createMappingStore(t.core.database.sqlite),
  pushStore: t.core.sync.push.store,
  pull: { store: t.core.sync.pull.store, conflicts: t.core.sync.pull.conflicts },
  clock: t.clock,
});

describe.skipIf(!runKeychain)("the initial sync's push", () => {
  it('decides a linked case against its SmartAdvocate record under CRM wins: nothing written, the CRM value comes in, the conflict logged', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    // Hourly: the real-time push leaves the change to the initial sync (which the frequency doesn't hold back).
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' }, conflict: { rule: 'crm_wins' } });
    await t.editInCrm(crmId, { fields: { '3001': '2026-03-03' } });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-02' } });
    await t.idle();
    const writes = t.saWrites().length;

    const ready = await pushDepsFor(sourceOf(t), 'smartadvocate');
    expect(await pushCase(ready.push, kase.id)).toBe('unchanged');

    expect(t.saWrites().slice(writes)).toEqual([]);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-03/);
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-03');
    expect(t.core.sync.pull.conflicts.ofCase('smartadvocate', kase.id)).toEqual([
      expect.objectContaining({ crmFieldId: '3001', kayseValue: '2026-03-02', rule: 'crm_wins', winner: 'crm', outcome: 'to_kayse' }),
    ]);
  });
});
