// Demo mode's wipe forgets what the pull kept for its simulator connections (the inbound cursor, conflicts,
// from_crm errors): a CRM the firm connects afterwards reads from its own connection, not from the demo's cursor.
import { describe, expect, it } from 'vitest';
import { startDemoCore } from '../../demo/demo-test-fixture';
import { useCleanup } from '../../test-support/use-cleanup';

const cleanup = useCleanup();

describe('CRM → Kayse with demo mode', () => {
  it("the demo wipe forgets the pull's inbound cursors", async () => {
    const t = cleanup.use(await startDemoCore({ clients: 5, cases: 5, crmRecords: 3 }));
    await t.demo.start({ ratePerMinute: 60, seed: true });
    for (const crm of ['lawruler', 'smartadvocate'] as const) await t.core.sync.pull.pullOnce(crm, 'manual');
    expect(t.count('sync_inbound_cursors')).toBe(2);

    await t.demo.wipe();
    expect(t.count('sync_inbound_cursors')).toBe(0);
  });
});
