// Test fixture for the Kayse → CRM push: both simulators connected (test-sync.ts), SmartAdvocate's default field
// mappings saved for the Auto Accident case type (which SmartAdvocate also has, by name), and helpers that make
// Kayse clients and cases the way the ingest API does, and count what the simulator was asked to write.
import type { Case, Client } from '../../../shared/domain/workspace';
import type { CoreOptions } from '../../core';
import { custom, startSyncTest, type SyncTest } from '../test-sync';

export { runKeychain } from '../test-sync';

/** SmartAdvocate request operations that write. */
export const SA_WRITES = ['CreateCase', 'UpdateStatus', 'SetSecondaryStatus', 'UpdateUDFs', 'PatchContact', 'AddNote'];

export interface PushTest extends SyncTest {
  client(firstName: string, lastName?: string, origin?: 'ingest' | 'smartadvocate'): Client;
  kayseCase(client: Client, customValues?: Record<string, unknown>, origin?: 'ingest' | 'smartadvocate'): Case;
  /** SmartAdvocate writes served so far (by operation). */
  saWrites(): string[];
  /** Waits until no push pass is running. */
  idle(): Promise<void>;
}

export async function startPushTest(core: Partial<CoreOptions> = {}): Promise<PushTest> {
  const t = await startSyncTest({ core });
  await t.core.api.sync.saveFieldMappings({
    crm: 'smartadvocate',
    crmCaseTypeId: null,
    mappings: [
      { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
      { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
      { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
      { kayseField: custom(t, 'accident_date'), crmFieldId: '3001', direction: 'both' },
      { kayseField: custom(t, 'injury_type'), crmFieldId: '3002', direction: 'both' },
      { kayseField: custom(t, 'med_bills'), crmFieldId: '3003', direction: 'to_crm' },
    ],
  });
  let n = 0;
  return Object.assign(t, {
    client(firstName: string, lastName = 'Rivera', origin: 'ingest' | 'smartadvocate' = 'ingest') {
      n += 1;
      const email = `${firstName.toLowerCase()}.${n}@example.com`;
      return t.core.workspace.records.upsertClient({ externalSource: 'test', externalId: `c${n}`, firstName, lastName, emails: [email] }, { origin }).client;
    },
    kayseCase(client: Client, customValues: Record<string, unknown> = {}, origin: 'ingest' | 'smartadvocate' = 'ingest') {
      n += 1;
      const input = { externalSource: 'test', externalId: `k${n}`, name: `${client.firstName} ${client.lastName} v. Driver`, caseType: 'Auto Accident', status: 'New', clientIds: [client.id], customValues };
      return t.core.workspace.records.upsertCase(input, { origin }).case;
    },
    saWrites: () => t.smartadvocate.requests().filter((r) => SA_WRITES.includes(r.operation)).map((r) => r.operation),
    idle: () => t.core.sync.push.idle(),
  });
}
