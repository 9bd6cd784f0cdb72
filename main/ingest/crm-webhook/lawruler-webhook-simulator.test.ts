// End to end: the LawRuler simulator, set up as the console's steps say (its URL, the header and the secret shown
// once), sends its status-change webhook when a lead's status changes, and the console stores it.
import { describe, expect, it } from 'vitest';
import { startLawRulerSimulator } from '../../connectors/lawruler/simulator';
import { useCleanup } from '../../test-support/use-cleanup';
import { startWebhookTest } from './test-crm-webhook';

const cleanup = useCleanup();

describe("LawRuler's inbound webhook with the LawRuler simulator", () => {
  it("stores the simulator's webhook on changeStatus; a stale secret is refused and stores nothing", async () => {
    const t = cleanup.use(await startWebhookTest({ generateSecret: false }));
    const sim = cleanup.use(await startLawRulerSimulator({ records: 3 }));
    const { url, headerName, secret } = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    sim.setWebhook({ url: url!, headerName, headerValue: secret });

    // Seeded leads are numbered from 1001, as LawRuler's ids run.
    const leadId = '1002';
    const lead = sim.lead(leadId)!;
    const target = sim.catalog.statuses.find((s) => s.id !== lead.StatusID)!;
    sim.changeStatus(leadId, String(target.id));
    await sim.flushWebhooks();

    expect(sim.webhookDeliveries()).toEqual([{ leadId, statusId: String(target.id), outcome: 200 }]);
    const rows = t.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      crm: 'lawruler',
      record_id: leadId,
      processed_at: null,
      payload: {
        leadId,
        caseTypeId: String(lead.CaseTypeID),
        caseType: lead.CaseType,
        statusId: String(target.id),
        status: target.name,
        fullName: `${String(lead.FirstName)} ${String(lead.LastName)}`,
        createdDate: lead.CreatedDate,
        primaryContactId: String(lead.PrimaryContactID),
        firstName: lead.FirstName,
        lastName: lead.LastName,
      },
    });
    expect(await t.core.api.crm.inboundWebhook({ crm: 'lawruler' })).toMatchObject({ received: 1 });

    // The secret is generated again in the console but not copied into LawRuler: its calls are refused.
    await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    sim.changeStatus(leadId, String(lead.StatusID));
    await sim.flushWebhooks();
    expect(sim.webhookDeliveries().map((d) => d.outcome)).toEqual([200, 401]);
    expect(t.rows()).toHaveLength(1);
  });
});
