// Coalescing of a queue (SmartAdvocate simulator): changes queued while Enable is off are drained as one push per
// case, from its state then; the case's older changes met later in the log are covered by that push, not sent again
// as a string of "unchanged" pushes.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('sync push coalescing', () => {
  it('drains 450 queued changes of 3 cases (over several reads of the log) as one update each, the last value arriving', async () => {
    const t = cleanup.use(await startPushTest());
    const clients = ['Ann', 'Bea', 'Cy'].map((name) => t.client(name)); // externalIds c1, c2, c3
    const cases = clients.map((c) => t.kayseCase(c));
    await t.idle();
    const pusher = t.core.sync.push.pusher('smartadvocate');
    const before = pusher.state().counts;
    expect(before.created).toBe(3);

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const records = t.core.workspace.records;
    for (let n = 0; n < 450; n += 1) {
      const c = clients[n % 3]!;
      records.upsertClient({ externalSource: 'test', externalId: `c${(n % 3) + 1}`, firstName: `Q${n}`, lastName: c.lastName, emails: c.emails }, { origin: 'ingest' });
    }
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    for (let i = 0; i < 200 && (pusher.state().counts.updated - before.updated < 3 || pusher.state().running); i += 1) {
      await t.idle();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const counts = pusher.state().counts;
    expect(counts.updated - before.updated).toBe(3);
    expect(counts.unchanged - before.unchanged).toBe(0);
    const links = cases.map((k) => t.core.sync.push.store.link('smartadvocate', k.id)!.crmRecordId);
    expect(links.map((id) => t.smartadvocate.caseState(id)!.contact.firstName)).toEqual(['Q447', 'Q448', 'Q449']);
  });
});
