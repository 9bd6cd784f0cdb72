import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { refusal } from '../test-support/api';
import { waitForTask, watchTasks } from '../test-support/tasks';
import { countRows, csv, startTransferCore, type TransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();
const start = () => cleanup.use(startTransferCore());

const CLIENTS = csv(
  'Contact ID,First Name,Last Name,Mobile,Home Phone,E-mail,Notes',
  'C1,Ann,Lee,+15550000001,+15550000002;+15550000003,ann@example.com,likes mornings',
  'C2,Bob,Ray,+15550000004,,bob@example.com,',
);

const CLIENT_MAPPING = { 'Contact ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Mobile: 'phone', 'Home Phone': 'phone', 'E-mail': 'email', Notes: null };

const CASES_HEADER = 'Matter ID,Case Name,Case Type,Stage,Campaign,Client ID,Accident Date,Injury,Treatments,Employer';
const CASES = csv(
  CASES_HEADER,
  'M1,"Lee v. Acme, Inc.",Personal Injury,New Lead,Spring Intake,C1,2026-01-15,Back,Chiro;PT,',
  'M2,Ray v. Beta,Personal Injury,signed,,C2,2026-02-01,neck,,',
  'M3,Ray comp claim,Workers Comp,Open,,C2;C1,,,,Beta Corp',
);

async function importClients(core: TransferCore) {
  const { taskId } = await waitForTask(core.events, () => core.api.imports.run({ kind: 'clients', fileName: 'clients.csv', csv: CLIENTS, mapping: CLIENT_MAPPING }));
  return core.api.imports.result({ taskId });
}

async function casesMapping(core: TransferCore, file = CASES) {
  const inspection = await core.api.imports.inspect({ kind: 'cases', fileName: 'cases.csv', csv: file });
  return inspection.suggestedMapping;
}

describe('imports.inspect', () => {
  it('reads the columns, first rows and row count, and suggests a mapping from the header names', async () => {
    const core = start();
    const inspection = await core.api.imports.inspect({ kind: 'cases', fileName: 'cases.csv', csv: CASES });
    expect(inspection.columns).toEqual(CASES_HEADER.split(','));
    expect(inspection.rowCount).toBe(3);
    expect(inspection.sampleRows[0]).toEqual(['M1', 'Lee v. Acme, Inc.', 'Personal Injury', 'New Lead', 'Spring Intake', 'C1', '2026-01-15', 'Back', 'Chiro;PT', '']);
    expect(inspection.suggestedMapping).toEqual({
      'Matter ID': 'externalId',
      'Case Name': 'name',
      'Case Type': 'caseType',
      Stage: 'status',
      Campaign: 'campaign',
      'Client ID': 'clientExternalId',
      'Accident Date': 'custom.accident_date',
      Injury: 'custom.injury',
      Treatments: 'custom.treatments',
      Employer: 'custom.employer',
    });
    expect(inspection.rememberedMapping).toBeUndefined();
    const fields = inspection.targets.map((t) => t.field);
    expect(fields).toEqual(expect.arrayContaining(['externalId', 'caseNumber', 'name', 'caseType', 'status', 'campaign', 'clientExternalId', 'custom.amount', 'custom.employer']));
  });

  it('offers client fields with External ID required and says why', async () => {
    const core = start();
    const inspection = await core.api.imports.inspect({ kind: 'clients', fileName: 'clients.csv', csv: CLIENTS });
    const externalId = inspection.targets.find((t) => t.field === 'externalId')!;
    expect(externalId.required).toBe(true);
    expect(externalId.hint).toMatch(/re-import/);
    expect(inspection.targets.find((t) => t.field === 'phone')!.multiple).toBe(true);
    expect(inspection.suggestedMapping).toEqual(CLIENT_MAPPING);
  });

  it('remembers the mapping used for a file shape, whatever the case, spacing or order of its headers', async () => {
    const core = start();
    const mapping = { ...CLIENT_MAPPING, Notes: 'lastName', 'Last Name': null };
    await waitForTask(core.events, () => core.api.imports.run({ kind: 'clients', fileName: 'clients.csv', csv: CLIENTS, mapping }));
    const sameShape = csv('notes,CONTACT ID,first name,last name,mobile,home phone,e-mail', 'x,C9,Cy,Doe,,,');
    const again = await core.api.imports.inspect({ kind: 'clients', fileName: 'march.csv', csv: sameShape });
    expect(again.rememberedMapping).toEqual({
      notes: 'lastName',
      'CONTACT ID': 'externalId',
      'first name': 'firstName',
      'last name': null,
      mobile: 'phone',
      'home phone': 'phone',
      'e-mail': 'email',
    });
    const otherShape = csv('Contact ID,First Name', 'C9,Cy');
    expect((await core.api.imports.inspect({ kind: 'clients', fileName: 'x.csv', csv: otherShape })).rememberedMapping).toBeUndefined();
    expect((await core.api.imports.inspect({ kind: 'cases', fileName: 'x.csv', csv: sameShape })).rememberedMapping).toBeUndefined();
  });
});

describe('imports.dryRun', () => {
  it('counts what would happen and says why each bad row would be rejected, writing nothing', async () => {
    const core = start();
    await importClients(core);
    const file = csv(
      CASES_HEADER,
      'M1,Lee v. Acme,Personal Injury,New Lead,Spring Intake,C1,2026-01-15,Back,,',
      'M2,Ray v. Beta,Personal Injury,Settled,,C2,,,,',
      'M3,,Personal Injury,Intake,,C2,,,,',
      'M4,Dee v. Gamma,Personal Injury,Intake,,C2,,Elbow,,',
      'M5,Eve v. Delta,Personal Injury,Intake,Winter Blitz,C2,,,,',
      ',No id,Personal Injury,Intake,,C2,,,,',
      'M7,Fay v. Eta,Personal Injury,Intake,,C404,,,,',
    );
    const before = { cases: countRows(core, 'cases'), changes: countRows(core, 'record_changes') };
    const { seen } = watchTasks(core.events);
    const counts = await core.api.imports.dryRun({ kind: 'cases', fileName: 'cases.csv', csv: file, mapping: await casesMapping(core, file) });
    expect(counts).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 6 });
    const reasons = Object.fromEntries(counts.rejects.map((r) => [r.row, r.reasons.join(' | ')]));
    expect(reasons[3]).toContain('Unknown status "Settled" for case type Personal Injury. Valid statuses: New Lead, Intake, Signed, Closed.');
    expect(reasons[4]).toMatch(/Case Name.*Case name is required/);
    expect(reasons[5]).toMatch(/Injury \(column "Injury"\): expected one of Back, Neck, Head; got "Elbow"/);
    expect(reasons[6]).toContain('unknown campaign "Winter Blitz". Valid campaigns: Spring Intake.');
    expect(reasons[7]).toMatch(/Matter ID.*is empty/);
    expect(reasons[8]).toContain('unknown client csv/C404');
    expect({ cases: countRows(core, 'cases'), changes: countRows(core, 'record_changes') }).toEqual(before);
    expect(seen.filter((p) => p.taskId === counts.taskId).at(-1)).toMatchObject({ kind: 'import-dry-run', finished: true, done: 7, total: 7 });
  });

  it('names every problem of a row, not just the first: a bad status, a bad date and a bad number', async () => {
    const core = start();
    await importClients(core);
    const file = csv('Matter ID,Case Name,Case Type,Stage,Client ID,Accident Date,Amount', 'M1,Lee v. Acme,Personal Injury,Settled,C1,15/01/2026,lots');
    const counts = await core.api.imports.dryRun({ kind: 'cases', fileName: 'cases.csv', csv: file, mapping: await casesMapping(core, file) });
    expect(counts).toMatchObject({ created: 0, rejected: 1 });
    const reasons = counts.rejects[0]!.reasons;
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^Status \(column "Stage"\): Unknown status "Settled" for case type Personal Injury\. Valid statuses: /);
    expect(reasons[1]).toBe('Accident Date (column "Accident Date"): expected a date as YYYY-MM-DD, got "15/01/2026"');
    expect(reasons[2]).toBe('Amount (column "Amount"): expected a number, got "lots"');
  });

  it('reports a bad email by column and value', async () => {
    const core = start();
    const file = csv('Contact ID,First Name,E-mail', 'C1,Ann,ann@example', 'C2,,bob@example.com');
    const mapping = { 'Contact ID': 'externalId', 'First Name': 'firstName', 'E-mail': 'email' };
    const counts = await core.api.imports.dryRun({ kind: 'clients', fileName: 'c.csv', csv: file, mapping });
    expect(counts.rejects).toEqual([
      { row: 2, reasons: ['Email (column "E-mail"): Not an email address ("ann@example")'] },
      { row: 3, reasons: ['First name (column "First Name"): First name is required'] },
    ]);
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('matches what the run then does, even when a record repeats across chunks', async () => {
    const core = start();
    await importClients(core);
    // Rows go 2,000 to a transaction: M1 comes back in the second one.
    const filler = Array.from({ length: 2000 }, (_, i) => `F${i},Filler ${i},Personal Injury,Intake,,C1,,,,`);
    const file = csv(CASES_HEADER, 'M1,One,Personal Injury,Intake,,C1,,,,', ...filler, 'M1,One again,Personal Injury,Signed,,C1,,,,');
    const input = { kind: 'cases' as const, fileName: 'cases.csv', csv: file, mapping: await casesMapping(core, file) };
    const dry = await core.api.imports.dryRun(input);
    const { taskId } = await waitForTask(core.events, () => core.api.imports.run(input));
    const run = await core.api.imports.result({ taskId });
    expect(dry).toMatchObject({ created: 2001, updated: 1, unchanged: 0, rejected: 0 });
    expect(run).toMatchObject({ created: dry.created, updated: dry.updated, unchanged: dry.unchanged, rejected: 0 });
  });

  it('refuses a mapping that names unknown columns or fields, or leaves a required field out', async () => {
    const core = start();
    const base = { kind: 'clients', fileName: 'c.csv', csv: CLIENTS };
    const unknownColumn = await refusal(core.api.raw.imports.dryRun({ ...base, mapping: { ...CLIENT_MAPPING, Fax: 'phone' } }));
    expect(unknownColumn).toMatchObject({ code: 'UNPROCESSABLE', details: { issues: [{ path: 'mapping.Fax' }], valid: expect.arrayContaining(['Contact ID', 'Notes']) } });
    const unknownField = await refusal(core.api.raw.imports.dryRun({ ...base, mapping: { ...CLIENT_MAPPING, Notes: 'nickname' } }));
    expect(unknownField).toMatchObject({ code: 'UNPROCESSABLE', details: { issues: [{ path: 'mapping.Notes' }], valid: expect.arrayContaining(['firstName', 'optOuts']) } });
    const missing = await refusal(core.api.raw.imports.run({ ...base, mapping: { ...CLIENT_MAPPING, 'Contact ID': null, 'Last Name': 'firstName' } }));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain('First name is already mapped from column "First Name"');
    expect(missing.message).toContain('map a column to External ID (required)');
    expect(countRows(core, 'clients')).toBe(0);
  });
});

describe('imports.run', () => {
  it('imports in the background, reporting progress, and keeps the outcome for imports.result', async () => {
    const core = start();
    await importClients(core);
    const rows = Array.from({ length: 4500 }, (_, i) => `M${i},Case ${i},Personal Injury,Intake,,C${(i % 2) + 1},,,,`);
    const file = csv(CASES_HEADER, ...rows);
    const mapping = await casesMapping(core, file);
    const { taskId, progress } = await waitForTask(core.events, () => core.api.imports.run({ kind: 'cases', fileName: 'big.csv', csv: file, mapping }));
    const importing = progress.filter((p) => p.phase === 'importing');
    expect(importing.map((p) => p.done)).toEqual([0, 2000, 4000, 4500]);
    expect(importing.every((p) => p.total === 4500 && p.kind === 'import')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ finished: true, error: null, phase: 'done' });
    expect(await core.api.imports.result({ taskId })).toMatchObject({ status: 'finished', created: 4500, rejected: 0, done: 4500, total: 4500 });
    expect(countRows(core, 'cases')).toBe(4500);
  });

  it('creates cases with their clients, campaign and custom values, and a re-import changes nothing', async () => {
    const core = start();
    await importClients(core);
    const input = { kind: 'cases' as const, fileName: 'cases.csv', csv: CASES, mapping: await casesMapping(core) };
    const announced: string[][] = [];
    core.events.on('tables.changed', ({ tables }) => announced.push(tables));
    const first = await core.api.imports.result({ taskId: (await waitForTask(core.events, () => core.api.imports.run(input))).taskId });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(announced.flat()).toEqual(expect.arrayContaining(['import_mappings', 'cases', 'record_changes']));
    const m1 = core.database.sqlite.prepare("SELECT id FROM cases WHERE external_id = 'M1'").pluck().get() as string;
    expect(core.workspace.records.getCase(m1)).toMatchObject({
      name: 'Lee v. Acme, Inc.',
      caseType: 'Personal Injury',
      status: 'New Lead',
      campaignId: 'cmp_spring',
      externalSource: 'csv',
      customValues: { accident_date: '2026-01-15', injury: 'Back', treatments: ['Chiro', 'PT'] },
    });
    const m3 = core.database.sqlite.prepare("SELECT id FROM cases WHERE external_id = 'M3'").pluck().get() as string;
    const [c2, c1] = ['C2', 'C1'].map((id) => core.database.sqlite.prepare('SELECT id FROM clients WHERE external_id = ?').pluck().get(id));
    expect(core.workspace.records.getCase(m3)).toMatchObject({ clientIds: [c2, c1], customValues: { employer: 'Beta Corp' } });

    const changes = countRows(core, 'record_changes');
    const again = await core.api.imports.result({ taskId: (await waitForTask(core.events, () => core.api.imports.run(input))).taskId });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(countRows(core, 'record_changes')).toBe(changes);
    expect(announced.at(-1)).toEqual(['import_mappings']);
  });

  it('updates only what changed and keeps client fields the file does not map', async () => {
    const core = start();
    await importClients(core);
    const changes = countRows(core, 'record_changes');
    expect(await importClients(core)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(countRows(core, 'record_changes')).toBe(changes);
    const partial = csv('Contact ID,First Name', 'C1,Annie', 'C2,Bob');
    const { taskId } = await waitForTask(core.events, () => core.api.imports.run({ kind: 'clients', fileName: 'names.csv', csv: partial, mapping: { 'Contact ID': 'externalId', 'First Name': 'firstName' } }));
    expect(await core.api.imports.result({ taskId })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const id = core.database.sqlite.prepare("SELECT id FROM clients WHERE external_id = 'C1'").pluck().get() as string;
    expect(core.workspace.records.getClient(id)).toMatchObject({
      firstName: 'Annie',
      lastName: 'Lee',
      phones: ['+15550000001', '+15550000002', '+15550000003'],
      emails: ['ann@example.com'],
      version: 2,
    });
    expect(core.workspace.records.history('client', id).changes[0]).toMatchObject({ origin: 'import', changes: { firstName: { old: 'Ann', new: 'Annie' } } });
    expect(countRows(core, 'record_changes')).toBe(changes + 1);
  });

  it('hands back the rejected rows as CSV with their reasons, and keeps going past them', async () => {
    const core = start();
    const file = csv('Contact ID,First Name,E-mail', 'C1,Ann,ann@example', 'C2,Bob,bob@example.com', 'C3,"=HYPERLINK(""x"")",not-an-email');
    const { taskId } = await waitForTask(core.events, () => core.api.imports.run({
      kind: 'clients',
      fileName: 'people.csv',
      csv: file,
      mapping: { 'Contact ID': 'externalId', 'First Name': 'firstName', 'E-mail': 'email' },
    }));
    expect(await core.api.imports.result({ taskId })).toMatchObject({ created: 1, rejected: 2, rejects: [{ row: 2 }, { row: 4 }] });
    const rejected = await core.api.imports.rejectedCsv({ taskId });
    expect(rejected.fileName).toBe('people-rejected.csv');
    expect(rejected.csv).toBe(
      csv(
        'Contact ID,First Name,E-mail,reasons',
        'C1,Ann,ann@example,"Email (column ""E-mail""): Not an email address (""ann@example"")"',
        `C3,"'=HYPERLINK(""x"")",not-an-email,"Email (column ""E-mail""): Not an email address (""not-an-email"")"`,
      ),
    );
  });

  it('keeps a finished import and its rejected rows however many dry runs come after it', async () => {
    const core = start();
    const input = {
      kind: 'clients' as const,
      fileName: 'people.csv',
      csv: csv('Contact ID,First Name,E-mail', 'C1,Ann,ann@example', 'C2,Bob,bob@example.com'),
      mapping: { 'Contact ID': 'externalId', 'First Name': 'firstName', 'E-mail': 'email' },
    };
    const { taskId } = await waitForTask(core.events, () => core.api.imports.run(input));
    for (let i = 0; i < 25; i += 1) expect(await core.api.imports.dryRun(input)).toMatchObject({ unchanged: 1, rejected: 1 });
    expect(await core.api.imports.result({ taskId })).toMatchObject({ status: 'finished', created: 1, rejected: 1, rejects: [{ row: 2 }] });
    const rejected = await core.api.imports.rejectedCsv({ taskId });
    expect(rejected).toMatchObject({ fileName: 'people-rejected.csv', csv: expect.stringContaining('C1,Ann,ann@example,') });
  });

  it('says when a task is unknown or still running', async () => {
    const core = start();
    expect(await refusal(core.api.raw.imports.result({ taskId: 'imp_nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    const tasks = watchTasks(core.events);
    const { taskId } = await core.api.imports.run({ kind: 'clients', fileName: 'c.csv', csv: CLIENTS, mapping: CLIENT_MAPPING });
    expect(await refusal(core.api.raw.imports.rejectedCsv({ taskId }))).toMatchObject({ code: 'CONFLICT' });
    expect(await core.api.imports.result({ taskId })).toMatchObject({ status: 'running' });
    await tasks.finished(taskId);
    expect(await core.api.imports.result({ taskId })).toMatchObject({ status: 'finished', created: 2 });
  });
});
