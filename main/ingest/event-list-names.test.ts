// events.list names each event's case and client (case number, client name) so the Events list can be scanned.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from './sample-events';
import { startIngest } from './test-ingest';

const cleanup = useCleanup();

describe('events.list', () => {
  it("gives each event its case's number and its client's name, or the case's primary client", async () => {
    const t = cleanup.use(await startIngest());
    t.core.workspace.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
    await t.put('/v1/clients/kayse/cl-1', { first_name: 'Jane', last_name: 'Doe', phones: ['+15551230001'] });
    await t.put('/v1/clients/kayse/cl-2', { first_name: 'John', last_name: 'Roe', phones: ['+15551230002'] });
    const saved = (await (
      await t.put('/v1/cases/kayse/case-9', {
        name: 'Doe v. Trucking Co',
        case_type: 'Personal Injury',
        status: 'New Lead',
        clients: [{ external_source: 'kayse', external_id: 'cl-1' }],
      })
    ).json()) as { id: string; case_number: string };
    const caseRef = { external_source: 'kayse', external_id: 'case-9' };
    await t.post(sampleEvent('call_started', { case_ref: caseRef }));
    await t.post(sampleEvent('call_ended', { case_ref: caseRef, client_ref: { external_source: 'kayse', external_id: 'cl-2' } }));
    await t.post(sampleEvent('message_sent', { campaign_id: null }));

    const { rows } = await t.core.api.events.list({});
    const byType = Object.fromEntries(rows.map((r) => [r.type, { caseNumber: r.caseNumber, clientName: r.clientName }]));
    expect(byType).toEqual({
      // No client on the event: the case's primary client.
      call_started: { caseNumber: saved.case_number, clientName: 'Jane Doe' },
      // The event's own client wins.
      call_ended: { caseNumber: saved.case_number, clientName: 'John Roe' },
      message_sent: { caseNumber: null, clientName: null },
    });
  });
});
