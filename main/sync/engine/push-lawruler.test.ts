// Kayse → LawRuler on its simulator: a Kayse case type whose custom fields a LawRuler case type's overrides map goes
// to that case type as a lead carrying the mapped values and the marker as a tag; a later change updates the lead,
// never creates another; a change made by LawRuler's own sync is not sent back.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { custom } from '../test-sync';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('Kayse → LawRuler push', () => {
  it('creates a lead of the case type whose overrides map the Kayse fields, then updates it', async () => {
    const t = cleanup.use(await startPushTest());
    await t.core.api.sync.saveFieldMappings({
      crm: 'lawruler',
      crmCaseTypeId: '1', // Motor Vehicle Accident
      mappings: [{ kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' }],
    });
    const client = t.core.workspace.records.upsertClient({ firstName: 'Sam', lastName: 'Tate', phones: ['+1 555 0100'], emails: ['sam@example.com'] }, { origin: 'ingest' }).client;
    const kase = t.kayseCase(client, { accident_date: '2026-02-01' });
    await t.idle();

    const leads = t.lawruler.created();
    expect(leads).toHaveLength(1);
    const lead = t.lawruler.lead(leads[0]!)!;
    expect(lead).toMatchObject({ CaseTypeID: 1, FirstName: 'Sam', LastName: 'Tate', Email1: 'sam@example.com', CustomFields: { Custom1001: '02/01/2026' } });
    expect(lead.Tags).toMatch(new RegExp(`kayse-${kase.id}-`));
    expect(t.core.sync.push.store.link('lawruler', kase.id)).toMatchObject({ crmRecordId: leads[0], crmCaseTypeId: '1' });

    const updated = await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: '2026-02-03' } });
    await t.idle();
    expect(t.lawruler.created()).toHaveLength(1);
    expect(t.lawruler.lead(leads[0]!)).toMatchObject({ CustomFields: { Custom1001: '02/03/2026' } });

    // As LawRuler's own sync would write it: not sent back to LawRuler (its simulator is asked nothing).
    const requests = t.lawruler.requests().length;
    t.core.workspace.records.upsertCase(
      { caseNumber: updated.caseNumber, name: updated.name, caseType: 'Auto Accident', status: 'New', customValues: { accident_date: '2026-02-09' } },
      { origin: 'lawruler' },
    );
    await t.idle();
    expect(t.lawruler.requests().length).toBe(requests);
    expect(t.lawruler.lead(leads[0]!)).toMatchObject({ CustomFields: { Custom1001: '02/03/2026' } });
    expect(t.core.sync.pushStatus('lawruler')).toMatchObject({ pending: 0, linked: 1, errors: [] });
  });
});
