import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import type { ImportRunInput } from '../../shared/contract/transfer';
import type { ImportService } from './import-service';
import { createImportService } from './import-service';
import { manualClock } from '../test-support/clock';
import { waitForTask } from '../test-support/tasks';
import { csv, startTransferCore, TRANSFER_CLOCK_START, type TransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();

const HEADER = 'Matter ID,Case No,Case Name,Case Type,Stage,Campaign,Client ID,Accident Date,Injury,Treatments,Amount,Represented,Employer';
const MAPPING = {
  'Matter ID': 'externalId',
  'Case No': 'caseNumber',
  'Case Name': 'name',
  'Case Type': 'caseType',
  Stage: 'status',
  Campaign: 'campaign',
  'Client ID': 'clientExternalId',
  'Accident Date': 'custom.accident_date',
  Injury: 'custom.injury',
  Treatments: 'custom.treatments',
  Amount: 'custom.amount',
  Represented: 'custom.represented',
  Employer: 'custom.employer',
};

const FIRST = csv(
  HEADER,
  'M1,,Lee v. Acme,Personal Injury,New Lead,Spring Intake,C1,2026-01-15,Back,Chiro;PT,1200.50,yes,',
  'M2,,Ray v. Beta,Personal Injury,signed,,C2,,neck,,,,',
  'M3,,Comp,Workers Comp,Open,,C2;C1,,,,,,Beta Corp',
  ',K-900,Number only,Workers Comp,Open,,,,,,,,',
  'M5,,Bad status,Personal Injury,Settled,,,,,,,,',
  'M6,,Bad option,Personal Injury,Intake,,,,Elbow,,,,',
  'M7,,Unknown type,Family Law,Open,,,,,,,,',
  'M8,,Unknown client,Personal Injury,Intake,,C404,,,,,,',
  'M9,,Field of another type,Workers Comp,Open,,,,Back,,,,',
  'M1,,Lee v. Acme,Personal Injury,Intake,Spring Intake,C1,2026-01-15,Back,Chiro;PT,1200.50,yes,',
  'M10,K-900,Number clash,Workers Comp,Open,,,,,,,,',
  'M11,,,Personal Injury,Intake,,,,,,,,',
  'M12,,Bad number,Personal Injury,Intake,,,,,,abc,,',
);

const SECOND = csv(
  HEADER,
  'M1,,Lee v. Acme,Personal Injury,Signed,,C1,2026-01-15,Back,,1200.5,no,',
  'M2,,Ray v. Beta,Personal Injury,Signed,,C2,,Neck,,,,',
  'M3,,Comp,Workers Comp,Open,,C1,,,,,,Beta Corp',
  ',K-900,Number only renamed,Workers Comp,Closed,,,,,,,,',
  'M13,,New one,Personal Injury,Intake,,,,,,,,',
);

const ULID = /[0-9A-HJKMNP-TV-Z]{26}/g;

/** Every case, case-client link and change row, with ids replaced by stable names, for comparing two databases. */
function snapshot(core: TransferCore) {
  const db = core.database.sqlite;
  const names = new Map<string, string>();
  for (const r of db.prepare('SELECT id, external_id FROM clients').all() as { id: string; external_id: string }[]) names.set(r.id, `client:${r.external_id}`);
  for (const r of db.prepare('SELECT id, case_number FROM cases').all() as { id: string; case_number: string }[]) names.set(r.id, `case:${r.case_number}`);
  for (const t of core.workspace.caseTypes.list()) {
    names.set(t.id, `type:${t.name}`);
    for (const s of t.statuses) names.set(s.id, `status:${s.name}`);
  }
  const plain = (rows: unknown[]) => JSON.parse(JSON.stringify(rows).replace(ULID, (id) => names.get(id) ?? `unknown:${id}`)) as unknown[];
  return {
    cases: plain(db.prepare('SELECT * FROM cases ORDER BY case_number').all()),
    caseClients: plain(db.prepare('SELECT * FROM case_clients').all()).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    changes: plain(db.prepare("SELECT entity_id, version, kind, changes, origin, at FROM record_changes WHERE entity = 'case' ORDER BY seq").all()),
  };
}

async function importOn(core: TransferCore, service: ImportService, file: string) {
  const input: ImportRunInput = { kind: 'cases', fileName: 'cases.csv', csv: file, mapping: MAPPING, externalSource: 'csv' };
  const dry = await service.dryRun(input);
  const { taskId } = await waitForTask(core.events, () => service.run(input));
  const { taskId: _t, ...dryCounts } = dry;
  const { created, updated, unchanged, rejected, rejects } = service.result(taskId);
  return { dry: dryCounts, run: { created, updated, unchanged, rejected, rejects } };
}

async function setUp(casePath: 'bulk' | 'store') {
  const core = cleanup.use(startTransferCore(manualClock(TRANSFER_CLOCK_START)));
  await waitForTask(core.events, () => core.api.imports.run({
    kind: 'clients',
    fileName: 'clients.csv',
    csv: csv('id,first name', 'C1,Ann', 'C2,Bob'),
    mapping: { id: 'externalId', 'first name': 'firstName' },
  }));
  const { sqlite } = core.database;
  const service = createImportService({ sqlite, caseTypes: core.workspace.caseTypes, records: core.workspace.records, clock: core.clock, events: core.events, logger: core.logger, casePath, chunkSize: 4 });
  return { core, service };
}

describe('bulk case writer', () => {
  it('does exactly what the record store does: outcomes, reasons, rows, versions and change rows', async () => {
    const bulk = await setUp('bulk');
    const store = await setUp('store');
    for (const [file, at] of [
      [FIRST, '2026-03-02T09:00:00.000Z'],
      [SECOND, '2026-03-03T09:00:00.000Z'],
      [SECOND, '2026-03-04T09:00:00.000Z'],
    ] as const) {
      bulk.core.clock.set(at);
      store.core.clock.set(at);
      const viaBulk = await importOn(bulk.core, bulk.service, file);
      const viaStore = await importOn(store.core, store.service, file);
      expect(viaBulk).toEqual(viaStore);
      expect(viaBulk.dry).toEqual(viaBulk.run);
    }
    const expected = snapshot(store.core);
    expect(expected.cases).toHaveLength(5);
    expect(expected.changes.length).toBeGreaterThan(5);
    expect(snapshot(bulk.core)).toEqual(expected);
  });

  it('gives cases without a number free numbers, skipping those imported cases hold, across chunks, like the store', async () => {
    const numbered = csv(HEADER, ',K-000002,Imported two,Workers Comp,Open,,,,,,,,', ',K-000003,Imported three,Workers Comp,Open,,,,,,,,', ',K-000006,Imported six,Workers Comp,Open,,,,,,,,');
    // Six rows without a number: two chunks of 4 rows each in these services.
    const numberless = csv(HEADER, ...['N1', 'N2', 'N3', 'N4', 'N5', 'N6'].map((id) => `${id},,Case ${id},Workers Comp,Open,,,,,,,,`));
    const numbersOf = (core: TransferCore) => core.database.sqlite.prepare('SELECT external_id, case_number FROM cases ORDER BY rowid').all();
    const expected = [
      { external_id: null, case_number: 'K-000002' },
      { external_id: null, case_number: 'K-000003' },
      { external_id: null, case_number: 'K-000006' },
      { external_id: 'N1', case_number: 'K-000004' },
      { external_id: 'N2', case_number: 'K-000005' },
      { external_id: 'N3', case_number: 'K-000007' },
      { external_id: 'N4', case_number: 'K-000008' },
      { external_id: 'N5', case_number: 'K-000009' },
      { external_id: 'N6', case_number: 'K-000010' },
    ];
    const outcomes = [];
    for (const casePath of ['bulk', 'store'] as const) {
      const { core, service } = await setUp(casePath);
      expect((await importOn(core, service, numbered)).run).toMatchObject({ created: 3, rejected: 0 });
      const second = await importOn(core, service, numberless);
      expect(second.run).toEqual({ created: 6, updated: 0, unchanged: 0, rejected: 0, rejects: [] });
      expect(second.dry).toEqual(second.run);
      expect(numbersOf(core)).toEqual(expected);
      outcomes.push(snapshot(core));
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
  });

  it('counts every kind of outcome on the sample files', async () => {
    const { core, service } = await setUp('bulk');
    const first = await importOn(core, service, FIRST);
    expect(first.run).toMatchObject({ created: 4, updated: 1, unchanged: 0, rejected: 8 });
    const second = await importOn(core, service, SECOND);
    expect(second.run).toMatchObject({ created: 1, updated: 3, unchanged: 1, rejected: 0 });
    expect((await importOn(core, service, SECOND)).run).toMatchObject({ created: 0, updated: 0, unchanged: 5, rejected: 0 });
  });
});
