// Test fixture for the initial sync: a real core and the SmartAdvocate simulator (seeded with `records` cases),
// Kayse case types named like SmartAdvocate's, and Kayse clients and cases made BEFORE the integration is connected
// (`connect()`), as a firm that already has its data would: the push starts after them, so only the initial sync
// brings them to the CRM.
import type { Case, CaseType, Client } from '../../../shared/domain/workspace';
import type { CoreOptions } from '../../core';
import { startCrmTest, type CrmTest } from '../../crm/test-crm';
import type { SimCaseView } from '../../connectors/smartadvocate/simulator';
import { AUTO_CASE_TYPE, custom } from '../test-sync';

export { runKeychain } from '../test-sync';

/** SmartAdvocate's other seeded case types, made in Kayse by the same names. */
export const OTHER_CASE_TYPES = ['Slip and Fall', 'Dog Bite', 'Camp Lejeune', 'Hair Relaxer'];

export interface InitialTest extends CrmTest {
  auto: CaseType;
  others: CaseType[];
  /** Seeded SmartAdvocate case k (0-based) as the simulator holds it. */
  crmCase(k: number): SimCaseView;
  client(input: { firstName: string; email?: string; phone?: string }): Client;
  kayseCase(client: Client, options?: { caseType?: string; caseNumber?: string; status?: string }): Case;
  /** Connects SmartAdvocate and saves its field mappings (names, email, two custom fields). */
  connect(): Promise<void>;
  /** Rows written by the core's database connection so far (SQLite's total_changes()). */
  totalChanges(): number;
  count(table: string, where?: string): number;
  /** SmartAdvocate requests that write. */
  saWrites(): string[];
}

const SA_WRITES = ['CreateCase', 'UpdateStatus', 'SetSecondaryStatus', 'UpdateUDFs', 'PatchContact', 'AddNote'];

export async function startInitialTest(options: { records?: number; core?: Partial<CoreOptions>; pageSize?: number } = {}): Promise<InitialTest> {
  const sync = { initialPageSize: options.pageSize ?? 10, ...options.core?.sync };
  const t = await startCrmTest({ core: { ...options.core, sync } });
  try {
    const auto = await t.core.api.caseTypes.create(AUTO_CASE_TYPE);
    const others = [];
    for (const name of OTHER_CASE_TYPES) others.push(await t.core.api.caseTypes.create({ name, statuses: ['New', 'Signed'], fields: [] }));
    if ((options.records ?? 3) > 3) t.smartadvocate.seed((options.records ?? 3) - 3);
    let n = 0;
    const sqlite = () => t.core.database.sqlite;
    return Object.assign(t, {
      auto,
      others,
      crmCase: (k: number) => t.smartadvocate.caseState(String(600_000 + k))!,
      client({ firstName, email, phone }: { firstName: string; email?: string; phone?: string }) {
        n += 1;
        return t.core.workspace.records.upsertClient(
          { externalSource: 'test', externalId: `c${n}`, firstName, lastName: 'Kayse', emails: email ? [email] : [], phones: phone ? [phone] : [] },
          { origin: 'ingest' },
        ).client;
      },
      kayseCase(client: Client, o: { caseType?: string; caseNumber?: string; status?: string } = {}) {
        n += 1;
        const input = {
          externalSource: 'test',
          externalId: `k${n}`,
          ...(o.caseNumber ? { caseNumber: o.caseNumber } : {}),
          name: `${client.firstName} v. Driver`,
          caseType: o.caseType ?? 'Auto Accident',
          status: o.status ?? 'New',
          clientIds: [client.id],
        };
        return t.core.workspace.records.upsertCase(input, { origin: 'ingest' }).case;
      },
      async connect() {
        const sa = await t.core.api.crm.connect(t.smartAdvocateInput());
        if (!sa.ok) throw new Error('the simulator refused to connect');
        await t.core.api.sync.saveFieldMappings({
          crm: 'smartadvocate',
          crmCaseTypeId: null,
          mappings: [
            { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
            { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
            { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
            { kayseField: custom({ auto }, 'accident_date'), crmFieldId: '3001', direction: 'both' },
            { kayseField: custom({ auto }, 'injury_type'), crmFieldId: '3002', direction: 'both' },
          ],
        });
      },
      totalChanges: () => sqlite().prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n,
      count: (table: string, where = '1 = 1') => sqlite().prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get()!.n,
      saWrites: () => t.smartadvocate.requests().filter((r) => SA_WRITES.includes(r.operation)).map((r) => r.operation),
    });
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}
