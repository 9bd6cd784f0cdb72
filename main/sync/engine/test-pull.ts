// Test fixture for the CRM → Kayse pull: the push fixture (both simulators connected, SmartAdvocate's default
// mappings for Auto Accident) on a manual clock that starts at the real time (the simulators stamp their records with
// the real time), plus helpers: a Kayse case pushed and linked, an edit made "in SmartAdvocate" by another user of it,
// and a pass of the pull.
import type { Case } from '../../../shared/domain/workspace';
import type { CoreOptions } from '../../core';
import { manualClock, type ManualClock } from '../../test-support/clock';
import type { CrmChanges } from '../../connectors';
import { startPushTest, type PushTest } from './test-push';

export { runKeychain, SA_WRITES } from './test-push';

export interface PullTest extends PushTest {
  clock: ManualClock;
  /** A Kayse case with an Auto Accident date, created in SmartAdvocate by the push and linked; its SmartAdvocate id. */
  linkedCase(customValues?: Record<string, unknown>): Promise<{ kase: Case; crmId: string }>;
  /** Someone changes the SmartAdvocate case (through SmartAdvocate's API, as another integration would). */
  editInCrm(crmId: string, changes: CrmChanges): Promise<void>;
  /** One pull pass of SmartAdvocate. */
  pull(): ReturnType<PullTest['core']['sync']['pull']['pullOnce']>;
  /** The Kayse case now. */
  caseNow(id: string): Case;
}

export async function startPullTest(core: Partial<CoreOptions> = {}): Promise<PullTest> {
  const clock = manualClock(new Date().toISOString());
  const t = await startPushTest({ clock, ...core });
  return Object.assign(t, {
    clock,
    async linkedCase(customValues: Record<string, unknown> = { accident_date: '2026-03-01' }) {
      await t.idle();
      const before = t.smartadvocate.created().length;
      const kase = t.kayseCase(t.client('Ana', 'Lopez'), customValues);
      await t.idle();
      const crmId = t.smartadvocate.created()[before];
      if (!crmId) throw new Error('the push did not create the case in SmartAdvocate');
      return { kase, crmId };
    },
    async editInCrm(crmId: string, changes: CrmChanges) {
      const connector = await t.core.crm.connectorFor('smartadvocate');
      if (!connector) throw new Error('SmartAdvocate is not connected');
      await connector.update(crmId, changes);
    },
    pull: () => t.core.sync.pull.pullOnce('smartadvocate', 'manual'),
    caseNow: (id: string) => t.core.workspace.records.getCase(id)!,
  });
}
