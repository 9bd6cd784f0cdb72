import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { caseSchema, clientSchema } from '../../shared/domain/workspace';
import { refusal } from '../test-support/api';
import { waitForTask } from '../test-support/tasks';
import { countRows, csv, startTransferCore, type TransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();

const CLIENTS = csv('id,first name,last name,phone,email', 'C1,Ann,Lee,+15550000001;+15550000002,ann@example.com', 'C2,"=cmd|\' /C calc\'!A0",Ray,,');
const CASES_HEADER = 'Matter ID,Case Name,Case Type,Stage,Campaign,Client ID,Accident Date,Injury,Treatments,Amount,Represented,Employer';

/** A workspace with three cases updated on March 1, 5 and 10, two clients, and three events. */
async function seeded() {
  const core = cleanup.use(startTransferCore());
  core.clock.set('2026-02-20T08:00:00.000Z');
  await waitForTask(core.events, () => core.api.imports.run({ kind: 'clients', fileName: 'c.csv', csv: CLIENTS, mapping: { id: 'externalId', 'first name': 'firstName', 'last name': 'lastName', phone: 'phone', email: 'email' } }));
  const rows: [string, string][] = [
    ['2026-03-01T10:00:00.000Z', 'M1,Lee v. Acme,Personal Injury,Intake,Spring Intake,C1;C2,2026-01-15,Back,Chiro;PT,1200.5,yes,'],
    ['2026-03-05T23:30:00.000Z', 'M2,"-2 Ray, et al.",Personal Injury,Signed,,C2,,,,,no,'],
    ['2026-03-10T10:00:00.000Z', 'M3,Comp claim,Workers Comp,Open,,,,,,,,Beta Corp'],
  ];
  for (const [at, line] of rows) {
    core.clock.set(at);
    const file = csv(CASES_HEADER, line);
    const mapping = (await core.api.imports.inspect({ kind: 'cases', fileName: 'x.csv', csv: file })).suggestedMapping;
    await waitForTask(core.events, () => core.api.imports.run({ kind: 'cases', fileName: 'x.csv', csv: file, mapping }));
  }
  const insert = core.database.sqlite.prepare(
    `INSERT INTO events (id, type, occurred_at, received_at, campaign_id, case_id, client_id, case_type, data, idempotency_key, api_key_id, is_demo)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL, 0)`,
  );
  insert.run('evt_1', 'call_started', '2026-03-01T09:00:00Z', '2026-03-01T09:00:01.000Z', 'cmp_spring', 'Personal Injury', JSON.stringify({ call_id: 'k1' }));
  insert.run('evt_2', 'call_ended', '2026-03-01T09:05:00Z', '2026-03-01T09:05:01.000Z', 'cmp_spring', 'Personal Injury', JSON.stringify({ call_id: 'k1', duration_seconds: 300 }));
  insert.run('evt_3', 'form_submitted', '2026-03-06T09:00:00Z', '2026-03-06T09:00:01.000Z', null, null, JSON.stringify({ answers: { injured: ['back', 'neck'] } }));
  return core;
}

async function exported(core: TransferCore, input: Parameters<TransferCore['api']['exports']['run']>[0]) {
  const { taskId, progress } = await waitForTask(core.events, () => core.api.exports.run(input));
  return { file: await core.api.exports.result({ taskId }), progress };
}

const parseCsv = (content: string) => Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true }).data;
const caseIdOf = (core: TransferCore, externalId: string) => core.database.sqlite.prepare('SELECT id FROM cases WHERE external_id = ?').pluck().get(externalId) as string;

describe('exports', () => {
  it('writes cases as CSV: custom values in custom.<key> columns, lists joined with ";", formulas defused', async () => {
    const core = await seeded();
    core.clock.set('2026-03-11T15:45:00.000Z');
    const { file, progress } = await exported(core, { kind: 'cases', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'cases-20260311-1545.csv', mimeType: 'text/csv; charset=utf-8', rows: 3 });
    expect(file.content.startsWith('\ufeffid,caseNumber,name,caseTypeId,caseType,statusId,status,campaignId,campaignName,clientIds,clientNames,')).toBe(true);
    const rows = parseCsv(file.content);
    expect(Object.keys(rows[0]!).filter((k) => k.startsWith('custom.'))).toEqual([
      'custom.accident_date',
      'custom.injury',
      'custom.treatments',
      'custom.amount',
      'custom.represented',
      'custom.employer',
    ]);
    const m1 = core.workspace.records.getCase(caseIdOf(core, 'M1'))!;
    expect(rows[0]).toMatchObject({
      id: m1.id,
      name: 'Lee v. Acme',
      status: 'Intake',
      campaignId: 'cmp_spring',
      campaignName: 'Spring Intake',
      clientIds: m1.clientIds.join(';'),
      // Names beside the ids, primary client first; a formula-looking name is defused like any cell.
      clientNames: "Ann Lee;=cmd|' /C calc'!A0 Ray",
      externalId: 'M1',
      'custom.treatments': 'Chiro;PT',
      'custom.amount': '1200.5',
      'custom.represented': 'true',
      'custom.employer': '',
    });
    expect(rows[1]!.name).toBe("'-2 Ray, et al.");
    expect(progress.at(-1)).toMatchObject({ kind: 'export', finished: true, done: 3, total: 3, error: null });
  });

  it('writes cases as JSON: the contract records', async () => {
    const core = await seeded();
    const { file } = await exported(core, { kind: 'cases', format: 'json' });
    expect(file.mimeType).toBe('application/json');
    const records = (JSON.parse(file.content) as unknown[]).map((r) => caseSchema.parse(r));
    expect(records).toEqual(['M1', 'M2', 'M3'].map((id) => core.workspace.records.getCase(caseIdOf(core, id))));
  });

  it('filters cases by case type, status, campaign and updated date (a date-only "to" includes that day)', async () => {
    const core = await seeded();
    const [pi, wc] = ['Personal Injury', 'Workers Comp'].map((n) => core.workspace.caseTypes.byName(n)!);
    const names = async (filters: object) => parseCsv((await exported(core, { kind: 'cases', format: 'csv', filters })).file.content).map((r) => r.externalId);
    expect(await names({ caseTypeId: wc!.id })).toEqual(['M3']);
    expect(await names({ caseTypeId: pi!.id, statusId: pi!.statuses.find((s) => s.name === 'Signed')!.id })).toEqual(['M2']);
    expect(await names({ campaignId: 'cmp_spring' })).toEqual(['M1']);
    expect(await names({ from: '2026-03-02', to: '2026-03-05' })).toEqual(['M2']);
    expect(await names({ from: '2026-03-05T23:30:00Z', to: '2026-03-10T10:00:00+00:00' })).toEqual(['M2', 'M3']);
    expect(await names({ to: '2026-03-05T23:29:59Z' })).toEqual(['M1']);
    const onlyWc = await exported(core, { kind: 'cases', format: 'csv', filters: { caseTypeId: wc!.id } });
    expect(Object.keys(parseCsv(onlyWc.file.content)[0]!).filter((k) => k.startsWith('custom.'))).toEqual(['custom.employer']);
  });

  it('refuses unknown filter ids with the valid ones, and filters that do not apply to the kind', async () => {
    const core = await seeded();
    const wc = core.workspace.caseTypes.byName('Workers Comp')!;
    const unknownType = await refusal(core.api.raw.exports.run({ kind: 'cases', format: 'csv', filters: { caseTypeId: 'nope' } }));
    expect(unknownType).toMatchObject({ code: 'UNPROCESSABLE', details: { issues: [{ path: 'filters.caseTypeId' }], valid: expect.arrayContaining([wc.id]) } });
    expect(unknownType.message).toContain(`Workers Comp (${wc.id})`);
    const foreignStatus = await refusal(core.api.raw.exports.run({ kind: 'cases', format: 'csv', filters: { caseTypeId: wc.id, statusId: core.workspace.caseTypes.byName('Personal Injury')!.statuses[0]!.id } }));
    expect(foreignStatus).toMatchObject({ code: 'UNPROCESSABLE', details: { valid: wc.statuses.map((s) => s.id) } });
    expect(await refusal(core.api.raw.exports.run({ kind: 'events', format: 'json', filters: { type: 'call_exploded' } }))).toMatchObject({
      code: 'UNPROCESSABLE',
      details: { valid: expect.arrayContaining(['call_started', 'form_submitted']) },
    });
    expect(await refusal(core.api.raw.exports.run({ kind: 'cases', format: 'csv', filters: { campaignId: 'cmp_none' } }))).toMatchObject({ code: 'UNPROCESSABLE' });
    const misplaced = await refusal(core.api.raw.exports.run({ kind: 'clients', format: 'csv', filters: { caseTypeId: wc.id, from: '2026-03-05', to: '2026-03-01' } }));
    expect(misplaced).toMatchObject({ code: 'INVALID_INPUT' });
    expect((misplaced.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['filters.caseTypeId', 'filters.to']);
    expect(await refusal(core.api.raw.exports.run({ kind: 'cases', format: 'csv', filters: { from: 'last tuesday' } }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('exports clients and events in both formats', async () => {
    const core = await seeded();
    const clientsCsv = parseCsv((await exported(core, { kind: 'clients', format: 'csv' })).file.content);
    // A spreadsheet shows the defused cells as text; an import removes the apostrophe again (see the round trip).
    expect(clientsCsv.map((c) => [c.externalId, c.firstName, c.phones])).toEqual([
      ['C1', 'Ann', "'+15550000001;+15550000002"],
      ['C2', "'=cmd|' /C calc'!A0", ''],
    ]);
    const clientsJson = (JSON.parse((await exported(core, { kind: 'clients', format: 'json', filters: { to: '2026-03-01' } })).file.content) as unknown[]).map((c) =>
      clientSchema.parse(c),
    );
    expect(clientsJson.map((c) => c.phones)).toEqual([['+15550000001', '+15550000002'], []]);

    const calls = JSON.parse((await exported(core, { kind: 'events', format: 'json', filters: { campaignId: 'cmp_spring', type: 'call_ended' } })).file.content) as { id: string; data: unknown }[];
    expect(calls).toEqual([
      expect.objectContaining({ id: 'evt_2', type: 'call_ended', receivedAt: '2026-03-01T09:05:01.000Z', campaignName: 'Spring Intake', data: { call_id: 'k1', duration_seconds: 300 } }),
    ]);
    const { file } = await exported(core, { kind: 'events', format: 'csv', filters: { from: '2026-03-02' } });
    expect(parseCsv(file.content)).toEqual([expect.objectContaining({ id: 'evt_3', type: 'form_submitted', data: '{"answers":{"injured":["back","neck"]}}' })]);
    const empty = await exported(core, { kind: 'events', format: 'json', filters: { from: '2027-01-01' } });
    expect(empty.file).toMatchObject({ rows: 0, content: '[]\n' });
  });

  it('round-trips: cases exported to CSV import back with every row unchanged and no change rows', async () => {
    const core = await seeded();
    const { file } = await exported(core, { kind: 'cases', format: 'csv' });
    const inspection = await core.api.imports.inspect({ kind: 'cases', fileName: file.fileName, csv: file.content });
    expect(inspection.suggestedMapping).toMatchObject({ id: null, caseNumber: 'caseNumber', externalId: 'externalId', caseTypeId: null, clientIds: null, 'custom.amount': 'custom.amount' });
    const input = { kind: 'cases' as const, fileName: file.fileName, csv: file.content, mapping: inspection.suggestedMapping };
    expect(await core.api.imports.dryRun(input)).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const changes = countRows(core, 'record_changes');
    const { taskId } = await waitForTask(core.events, () => core.api.imports.run(input));
    expect(await core.api.imports.result({ taskId })).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(countRows(core, 'record_changes')).toBe(changes);

    const clients = (await exported(core, { kind: 'clients', format: 'csv' })).file;
    const clientMapping = (await core.api.imports.inspect({ kind: 'clients', fileName: 'c.csv', csv: clients.content })).suggestedMapping;
    const again = await waitForTask(core.events, () => core.api.imports.run({ kind: 'clients', fileName: 'c.csv', csv: clients.content, mapping: clientMapping }));
    expect(await core.api.imports.result({ taskId: again.taskId })).toMatchObject({ unchanged: 2, rejected: 0 });
  });

  it('keeps only the latest two finished exports in memory', async () => {
    const core = cleanup.use(startTransferCore());
    const taskIds: string[] = [];
    for (let i = 0; i < 3; i += 1) taskIds.push((await waitForTask(core.events, () => core.api.exports.run({ kind: 'clients', format: 'csv' }))).taskId);
    expect(await refusal(core.api.raw.exports.result({ taskId: taskIds[0] }))).toMatchObject({ code: 'NOT_FOUND' });
    for (const taskId of taskIds.slice(1)) expect(await core.api.exports.result({ taskId })).toMatchObject({ rows: 0 });
  });

  it('reports progress page by page on a bigger export', async () => {
    const core = cleanup.use(startTransferCore());
    const file = csv('Matter ID,Case Name,Case Type,Stage', ...Array.from({ length: 4500 }, (_, i) => `M${i},Case ${i},Workers Comp,Open`));
    await waitForTask(core.events, () => core.api.imports.run({ kind: 'cases', fileName: 'big.csv', csv: file, mapping: { 'Matter ID': 'externalId', 'Case Name': 'name', 'Case Type': 'caseType', Stage: 'status' } }));
    const { file: out, progress } = await exported(core, { kind: 'cases', format: 'json' });
    expect(out.rows).toBe(4500);
    expect(progress.filter((p) => p.phase === 'exporting').map((p) => p.done)).toEqual([0, 2000, 4000, 4500]);
    expect((JSON.parse(out.content) as unknown[]).length).toBe(4500);
  });
});
