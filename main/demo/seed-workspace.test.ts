import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { manualClock } from '../test-support/clock';
import { createAgentRepository, createCampaignRepository } from '../workspace';
import { startTestCore } from '../test-support/test-core';
import { seedDemoWorkspace, type SeedOptions } from './seed-workspace';

const cleanup = useCleanup();

function start() {
  const core = cleanup.use(startTestCore({ fileSecrets: true, clock: manualClock('2025-03-01T09:00:00.000Z') }));
  const { sqlite } = core.database;
  const deps = {
    caseTypes: core.workspace.caseTypes,
    records: core.workspace.records,
    campaigns: createCampaignRepository(sqlite, core.workspace.caseTypes, core.clock, core.events),
    agents: createAgentRepository(sqlite, core.clock, core.events),
    events: core.events,
    clock: core.clock,
  };
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  return { core, sqlite, deps, all, count, seed: (options?: SeedOptions) => seedDemoWorkspace(deps, options) };
}

const TABLES = ['case_types', 'campaigns', 'agents', 'clients', 'cases'];

describe('demo workspace seed', () => {
  it('creates 3,000 clients and 3,000 cases over three case types, five campaigns and six agents, every row marked demo', async () => {
    const { seed, count, all, deps } = start();
    const progress: [string, number, number][] = [];
    const result = await seed({ onProgress: (phase, done, total) => progress.push([phase, done, total]) });
    expect(result).toEqual({ caseTypes: 3, campaigns: 5, agents: 6, clients: 3000, cases: 3000 });
    for (const table of TABLES) expect(count(`SELECT count(*) FROM ${table} WHERE is_demo = 0`)).toBe(0);
    expect(count('SELECT count(*) FROM clients')).toBe(3000);
    expect(count('SELECT count(*) FROM cases')).toBe(3000);
    expect(count(`SELECT count(*) FROM record_changes WHERE origin <> 'demo'`)).toBe(0);
    expect(count('SELECT count(*) FROM record_changes')).toBe(6000);

    const pi = deps.caseTypes.byName('Personal Injury')!;
    expect(pi.isDemo).toBe(true);
    expect(pi.statuses.map((s) => s.name)).toEqual(['New Lead', 'In Review', 'Active', 'Awaiting Documents', 'In Negotiation', 'Settled', 'Closed']);
    expect(pi.fields.map((f) => [f.key, f.type])).toEqual([
      ['accident_date', 'date'],
      ['injury_type', 'multi_select'],
      ['at_fault_insured', 'yes_no'],
      ['medical_bills', 'number'],
      ['police_report', 'text'],
    ]);
    expect(deps.caseTypes.list().map((t) => t.name).sort()).toEqual(['Mass Tort', 'Personal Injury', "Workers' Compensation"]);
    // Every status of every case type holds some cases.
    expect(count('SELECT count(*) FROM case_statuses s WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.status_id = s.id)')).toBe(0);
    const booking = deps.agents.list().filter((a) => a.appointmentBooking);
    expect(booking.length).toBeGreaterThanOrEqual(2);
    expect(booking.every((a) => a.eventTypeId !== null)).toBe(true);
    expect(deps.campaigns.list().every((c) => c.caseTypeId !== null)).toBe(true);

    // Realistic, clearly fictional contact details: 555-01xx numbers, unique; example.com addresses.
    const clients = all<{ phones: string; emails: string }>('SELECT phones, emails FROM clients');
    const phones = clients.map((c) => (JSON.parse(c.phones) as string[])[0]!);
    expect(phones.every((p) => /^\+1\d{3}55501\d{2}$/.test(p))).toBe(true);
    expect(new Set(phones).size).toBe(3000);
    const emails = clients.flatMap((c) => JSON.parse(c.emails) as string[]);
    expect(emails.length).toBeGreaterThan(2000);
    expect(emails.every((e) => e.endsWith('@example.com'))).toBe(true);
    // Every case has a primary client; demo case numbers say DEMO.
    expect(count('SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_clients cc WHERE cc.case_id = c.id AND cc.is_primary = 1)')).toBe(0);
    expect(count(`SELECT count(*) FROM cases WHERE case_number NOT LIKE 'DEMO-%'`)).toBe(0);

    expect(progress[0]).toEqual(['case types, campaigns and agents', 0, 6000]);
    expect(progress[progress.length - 1]).toEqual(['cases', 6000, 6000]);
    expect(progress.map((p) => p[1])).toEqual([...progress.map((p) => p[1])].sort((a, b) => a - b));
  });

  it('is the same workspace for the same seed (and another for another seed)', async () => {
    const snapshot = async (seed: number) => {
      const { seed: run, all } = start();
      await run({ clients: 150, cases: 150, seed });
      return {
        clients: all('SELECT external_id, first_name, last_name, phones, emails, opt_outs FROM clients ORDER BY external_id'),
        cases: all(`SELECT c.external_id, c.case_number, c.name, t.name AS type, s.name AS status, p.name AS campaign, c.custom_values,
                     (SELECT group_concat(cl.external_id) FROM case_clients cc JOIN clients cl ON cl.id = cc.client_id WHERE cc.case_id = c.id) AS clients
                    FROM cases c JOIN case_types t ON t.id = c.case_type_id JOIN case_statuses s ON s.id = c.status_id
                    LEFT JOIN campaigns p ON p.id = c.campaign_id ORDER BY c.external_id`),
      };
    };
    const first = await snapshot(1234);
    expect(first.cases).toHaveLength(150);
    expect(await snapshot(1234)).toEqual(first);
    expect(await snapshot(99)).not.toEqual(first);
  });

  it('refuses to seed over real data with the same names, writing nothing', async () => {
    const { seed, deps, count } = start();
    deps.caseTypes.create({ name: 'personal injury', statuses: ['Open'] });
    await expect(seed({ clients: 5, cases: 5 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Personal Injury') });
    for (const table of TABLES) expect(count(`SELECT count(*) FROM ${table} WHERE is_demo = 1`)).toBe(0);
    expect(count('SELECT count(*) FROM case_types')).toBe(1);
  });
});
