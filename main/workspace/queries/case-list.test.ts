import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import type { Case } from '../../../shared/domain/workspace';
import { startWorkspaceCore } from '../workspace-test-fixture';
import { seedCases } from './seed-cases';

const cleanup = useCleanup();

const FIRST = ['Jane', 'Ana', 'Wei', 'Omar'];
const LAST = ['Garcia', 'Smith', 'Nguyen', 'Okafor', 'Rossi'];

/** 30 cases over two case types and two campaigns, one primary client each, updated one second apart. */
async function startWithCases() {
  const w = cleanup.use(startWorkspaceCore());
  const auto = await w.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New Lead', 'Signed', 'Closed'] });
  const medmal = await w.api.caseTypes.create({ name: 'Medical Malpractice', statuses: ['Review', 'Closed'] });
  const radio = await w.api.campaigns.create({ name: 'Radio' });
  const tv = await w.api.campaigns.create({ name: 'TV' });
  const { records } = w.core.workspace;
  const cases: Case[] = [];
  for (let i = 1; i <= 30; i += 1) {
    w.clock.advance(1_000);
    const type = i % 3 === 0 ? medmal : auto;
    const client = records.upsertClient({ firstName: FIRST[i % 4]!, lastName: LAST[i % 5]! }, { origin: 'import' }).client;
    cases.push(
      records.upsertCase(
        {
          name: `${LAST[(i + 2) % 5]} v. ${i % 2 ? 'Geico' : 'Allstate'} #${i}`,
          caseType: type.name,
          status: type.statuses[i % type.statuses.length]!.name,
          campaignId: i % 5 === 0 ? null : i % 2 ? radio.id : tv.id,
          clientIds: [client.id],
          ...(i % 4 === 0 ? { externalSource: 'lawruler', externalId: `LR-${1000 + i}` } : {}),
        },
        { origin: 'import' },
      ).case,
    );
  }
  const list = (input: object) => w.api.cases.list(input);
  return { ...w, auto, medmal, radio, tv, cases, list };
}

describe('cases.list', () => {
  it('lists the newest change first, with case type, status, campaign and primary client by name', async () => {
    const { list, cases, radio } = await startWithCases();
    const page = await list({ limit: 5 });
    expect(page.total).toBe(30);
    expect(page.rows.map((r) => r.caseNumber)).toEqual(['K-000030', 'K-000029', 'K-000028', 'K-000027', 'K-000026']);
    const k29 = cases[28]!;
    expect(page.rows[1]).toEqual({
      id: k29.id,
      caseNumber: 'K-000029',
      name: 'Smith v. Geico #29',
      caseTypeId: k29.caseTypeId,
      caseType: 'Auto Accident',
      statusId: k29.statusId,
      status: 'Closed',
      campaignId: radio.id,
      campaign: 'Radio',
      primaryClientId: k29.clientIds[0],
      primaryClient: 'Ana Rossi',
      version: 1,
      updatedAt: k29.updatedAt,
      isDemo: false,
    });
    expect(page.rows[0]).toMatchObject({ campaignId: null, campaign: null });
  });

  it('pages through every case in windows, without gaps or repeats, and reports the total past the end', async () => {
    const { list } = await startWithCases();
    const all = await list({ limit: 500 });
    const seen: string[] = [];
    for (let offset = 0; offset < 30; offset += 7) {
      const page = await list({ offset, limit: 7 });
      expect(page.total).toBe(30);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect(await list({ offset: 30, limit: 7 })).toEqual({ rows: [], total: 30 });
  });

  it('filters by case type, status and campaign, with totals that match the filter', async () => {
    const { list, auto, medmal, radio } = await startWithCases();
    const all = (await list({ limit: 500 })).rows;
    const byType = await list({ caseTypeId: medmal.id, limit: 500 });
    expect(byType.total).toBe(10);
    expect(byType.rows.every((r) => r.caseType === 'Medical Malpractice')).toBe(true);

    const signed = auto.statuses.find((s) => s.name === 'Signed')!;
    const typeAndStatus = await list({ caseTypeId: auto.id, statusId: signed.id, limit: 3 });
    const expected = all.filter((r) => r.statusId === signed.id);
    expect(typeAndStatus.total).toBe(expected.length);
    expect(typeAndStatus.rows.map((r) => r.id)).toEqual(expected.slice(0, 3).map((r) => r.id));

    const onRadio = await list({ campaignId: radio.id, caseTypeId: auto.id, limit: 500 });
    expect(onRadio.rows.map((r) => r.id)).toEqual(all.filter((r) => r.campaign === 'Radio' && r.caseType === 'Auto Accident').map((r) => r.id));
    expect(onRadio.total).toBe(onRadio.rows.length);
  });

  it('searches case number, case name, primary client name and external id, ignoring letter case', async () => {
    const { list, cases } = await startWithCases();
    const numbers = async (input: object) => (await list({ limit: 500, ...input })).rows.map((r) => r.caseNumber);
    expect(await numbers({ search: 'k-000012' })).toEqual(['K-000012']);
    expect(await numbers({ search: 'ALLSTATE #2' })).toEqual(['K-000028', 'K-000026', 'K-000024', 'K-000022', 'K-000020', 'K-000002']);
    expect(await numbers({ search: 'LR-1016' })).toEqual(['K-000016']);
    // Primary client "Omar Nguyen" is on cases 7 and 27 (i % 4 = 3, i % 5 = 2).
    const omar = await list({ search: 'omar nguyen', limit: 500 });
    expect(omar.rows.map((r) => r.caseNumber)).toEqual(['K-000027', 'K-000007']);
    expect(omar.total).toBe(2);
    expect(omar.rows[1]!.id).toBe(cases[6]!.id);
    expect(await list({ search: 'nobody like this' })).toEqual({ rows: [], total: 0 });
  });

  it('treats % and _ in a search as plain characters', async () => {
    const { list, core } = await startWithCases();
    expect((await list({ search: '%' })).total).toBe(0);
    core.workspace.records.upsertCase({ name: '100% liability_claim', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'console' });
    expect((await list({ search: '100%' })).rows.map((r) => r.name)).toEqual(['100% liability_claim']);
    expect((await list({ search: 'y_c' })).rows.map((r) => r.name)).toEqual(['100% liability_claim']);
  });

  it('combines search with filters and pages through the matches', async () => {
    const { list, auto } = await startWithCases();
    const all = (await list({ search: 'geico', caseTypeId: auto.id, limit: 500 })).rows;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((r) => r.name.includes('Geico') && r.caseType === 'Auto Accident')).toBe(true);
    const second = await list({ search: 'geico', caseTypeId: auto.id, offset: 3, limit: 3 });
    expect(second).toEqual({ rows: all.slice(3, 6), total: all.length });
  });

  it('sorts by case number or name in either direction', async () => {
    const { list } = await startWithCases();
    const byNumber = await list({ limit: 3, sort: { field: 'caseNumber', direction: 'asc' } });
    expect(byNumber.rows.map((r) => r.caseNumber)).toEqual(['K-000001', 'K-000002', 'K-000003']);
    const byNumberDesc = await list({ offset: 27, limit: 5, sort: { field: 'caseNumber', direction: 'desc' } });
    expect(byNumberDesc.rows.map((r) => r.caseNumber)).toEqual(['K-000003', 'K-000002', 'K-000001']);
    const byName = (await list({ limit: 500, sort: { field: 'name', direction: 'asc' } })).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort());
    expect(byName[0]).toMatch(/^Garcia/);
  });

  it('shows a write at once, in lists and searches alike', async () => {
    const { list, api, cases, auto, clock } = await startWithCases();
    expect((await list({ search: 'zed' })).total).toBe(0);
    const closed = auto.statuses.find((s) => s.name === 'Closed')!;
    const closedBefore = (await list({ statusId: closed.id })).total;
    const first = cases[0]!;
    expect(first.status).toBe('Signed');
    clock.advance(1_000);
    await api.cases.update({ id: first.id, expectedVersion: 1, name: 'Zed v. Geico' });
    await api.cases.setStatus({ id: first.id, expectedVersion: 2, status: 'Closed' });
    const found = await list({ search: 'zed' });
    expect(found.rows.map((r) => [r.caseNumber, r.status, r.version])).toEqual([['K-000001', 'Closed', 3]]);
    expect((await list({ statusId: closed.id })).total).toBe(closedBefore + 1);
    expect((await list({ limit: 1 })).rows[0]!.id).toBe(first.id);
  });

  it('refuses unknown filter ids as UNPROCESSABLE with the valid ids, and bad windows as INVALID_INPUT', async () => {
    const { api, auto, medmal, radio, tv } = await startWithCases();
    expect(await refusal(api.raw.cases.list({ caseTypeId: 'nope' }))).toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('Auto Accident'),
      details: { valid: [auto.id, medmal.id], issues: [{ path: 'caseTypeId' }] },
    });
    // A status of another case type is not a status of this one.
    expect(await refusal(api.raw.cases.list({ caseTypeId: auto.id, statusId: medmal.statuses[0]!.id }))).toMatchObject({
      code: 'UNPROCESSABLE',
      details: { valid: auto.statuses.map((s) => s.id), issues: [{ path: 'statusId' }] },
    });
    expect(await refusal(api.raw.cases.list({ campaignId: 'nope' }))).toMatchObject({
      code: 'UNPROCESSABLE',
      details: { valid: [radio.id, tv.id], issues: [{ path: 'campaignId' }] },
    });
    const window = await refusal(api.raw.cases.list({ offset: -1, limit: 501 }));
    expect(window.code).toBe('INVALID_INPUT');
    expect((window.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['limit', 'offset']);
    expect(await refusal(api.raw.cases.list({ sort: { field: 'colour', direction: 'asc' } }))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('cases.list at scale', () => {
  it('gives search windows in the same order as the plain list, deep offsets included', async () => {
    const w = cleanup.use(startWorkspaceCore());
    seedCases(w.core.database.sqlite, w.core.workspace.caseTypes, { count: 3_000 });
    const list = (input: object) => w.api.cases.list(input);
    const all: string[] = [];
    for (let offset = 0; offset < 3_000; offset += 500) all.push(...(await list({ offset, limit: 500 })).rows.map((r) => r.id));
    expect(new Set(all).size).toBe(3_000);
    // Every seeded case number starts with "K-": the search path must agree with the index path.
    const searched = await list({ search: 'K-', offset: 2_900, limit: 100 });
    expect(searched.total).toBe(3_000);
    expect(searched.rows.map((r) => r.id)).toEqual(all.slice(2_900));
    expect((await list({ offset: 2_950, limit: 100 })).rows.map((r) => r.id)).toEqual(all.slice(2_950));
  });
});
