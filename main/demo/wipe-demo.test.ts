import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from '../ingest/sample-events';
import { createDemoMode } from './demo-mode';
import { startDemoCore, type DemoCore } from './demo-test-fixture';

const cleanup = useCleanup();
async function start() {
  const t = cleanup.use(await startDemoCore({ clients: 80, cases: 80 }));
  return t;
}

const REAL = { origin: 'console' as const };

/** Every non-demo row of the tables a wipe touches, to prove they come out of it byte for byte. */
function realRows({ sqlite }: DemoCore) {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    caseTypes: all('SELECT * FROM case_types WHERE is_demo = 0 ORDER BY id'),
    statuses: all('SELECT * FROM case_statuses WHERE case_type_id IN (SELECT id FROM case_types WHERE is_demo = 0) ORDER BY id'),
    fields: all('SELECT * FROM custom_fields WHERE case_type_id IN (SELECT id FROM case_types WHERE is_demo = 0) ORDER BY id'),
    campaigns: all('SELECT * FROM campaigns WHERE is_demo = 0 ORDER BY id'),
    agents: all('SELECT * FROM agents WHERE is_demo = 0 ORDER BY id'),
    clients: all('SELECT * FROM clients WHERE is_demo = 0 ORDER BY id'),
    cases: all('SELECT * FROM cases WHERE is_demo = 0 ORDER BY id'),
    caseClients: all('SELECT * FROM case_clients WHERE case_id IN (SELECT id FROM cases WHERE is_demo = 0) ORDER BY case_id, client_id'),
    changes: all(`SELECT * FROM record_changes WHERE entity_id IN (SELECT id FROM cases WHERE is_demo = 0 UNION SELECT id FROM clients WHERE is_demo = 0) ORDER BY seq`),
    events: all('SELECT * FROM events WHERE is_demo = 0 AND api_key_id IS NOT (SELECT id FROM ingest_api_keys WHERE name = \'Demo generator\') ORDER BY id'),
    keys: all(`SELECT * FROM ingest_api_keys WHERE name <> 'Demo generator' ORDER BY id`),
  };
}

/** Some real data: a case type, a campaign, an agent, clients and cases (one edited), and a real event. */
async function addRealData(t: DemoCore, tag: string) {
  const { caseTypes, records } = t.core.workspace;
  const type = caseTypes.byName('Auto Accident') ?? caseTypes.create({ name: 'Auto Accident', statuses: ['New', 'Signed'], fields: [{ key: 'venue', label: 'Venue', type: 'text' }] });
  const campaign = await t.core.handlers.campaigns.create({ name: `Billboards ${tag}`, caseTypeId: type.id, active: true });
  await t.core.handlers.agents.create({ name: `Real agent ${tag}`, campaignId: campaign.id, appointmentBooking: false, eventTypeId: null });
  const client = records.upsertClient({ externalSource: 'lawruler', externalId: `C-${tag}`, firstName: 'Real', lastName: `Person ${tag}`, phones: ['+13055550123'] }, REAL).client;
  const created = records.upsertCase({ externalSource: 'lawruler', externalId: `M-${tag}`, name: `Person ${tag} v. Geico`, caseType: 'Auto Accident', status: 'New', campaignId: campaign.id, clientIds: [client.id], customValues: { venue: 'Miami' } }, REAL).case;
  records.setCaseStatus(created.id, 'Signed', REAL);
  const apiKey = platformKey(t);
  const res = await fetch(`${t.core.ingest.status().url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(sampleEvent('call_started', { id: `real-${tag}`, campaign_id: campaign.id, case_id: created.id, client_id: client.id })),
  });
  expect(res.status).toBe(202);
  return { type, campaign, client, case: created };
}
const platformKeys = new WeakMap<DemoCore, string>();
/** The real platform's ingest key for this core, made on first use. */
function platformKey(t: DemoCore): string {
  if (!platformKeys.has(t)) platformKeys.set(t, t.core.ingest.keys.create({ name: 'platform' }).apiKey);
  return platformKeys.get(t)!;
}

describe('wiping demo data', () => {
  it('removes every demo row, its change history, demo events and the demo key, and leaves real rows exactly as they were', async () => {
    const t = await start();
    await t.demo.start({ ratePerMinute: 6000, seed: true });
    await t.waitFor(() => t.count('events', 'is_demo = 1') >= 25, '25 demo events');
    await addRealData(t, 'during'); // real rows written while the generator runs, between demo rows: it stops
    await t.waitFor(() => !t.demo.status().generator.running, 'the generator to stop for real data');
    await t.demo.stop();
    await addRealData(t, 'after');
    await addRealData(t, 'later');
    // An event the console made itself for a demo case (no key, flagged demo).
    const demoCase = t.sqlite.prepare('SELECT id FROM cases WHERE is_demo = 1 LIMIT 1').pluck().get() as string;
    await t.core.ingest.accept(sampleEvent('task_completed', { case_id: demoCase }), { apiKeyId: null, isDemo: true });

    const before = realRows(t);
    expect(before.cases).toHaveLength(3);
    expect(before.events).toHaveLength(3);
    const demoEvents = t.demo.status().demoCounts.events;
    expect(demoEvents).toBe(t.count('events', 'is_demo = 1')); // every event the generator posted got marked demo
    const demoChanges = t.count('record_changes', `entity_id IN (SELECT id FROM cases WHERE is_demo = 1 UNION SELECT id FROM clients WHERE is_demo = 1)`);
    expect(demoChanges).toBeGreaterThanOrEqual(160);

    const result = await t.demo.wipe();

    expect(result.deleted).toMatchObject({ cases: 80, clients: 80, caseTypes: 3, campaigns: 5, agents: 6, events: demoEvents, recordChanges: demoChanges, ingestApiKeys: 1 });
    expect(result.deleted.caseStatuses).toBe(7 + 7 + 8);
    expect(result.deleted.customFields).toBe(15);
    expect(result.deleted.caseClients).toBeGreaterThanOrEqual(80);
    expect(result.kept).toEqual({ caseTypes: 0, campaigns: 0, clients: 0 });
    for (const table of ['case_types', 'campaigns', 'agents', 'clients', 'cases', 'events']) expect(t.count(table, 'is_demo = 1')).toBe(0);
    expect(t.count('record_changes', `entity_id NOT IN (SELECT id FROM cases UNION SELECT id FROM clients)`)).toBe(0);
    expect(t.count('case_clients', 'case_id NOT IN (SELECT id FROM cases) OR client_id NOT IN (SELECT id FROM clients)')).toBe(0);
    expect(t.count('ingest_api_keys', `name = 'Demo generator'`)).toBe(0);
    expect(realRows(t)).toEqual(before);
    expect(t.core.workspace.caseTypes.list().map((c) => c.name)).toEqual(['Auto Accident']);
    expect(t.demo.status()).toMatchObject({ seeded: false, generator: { running: false }, demoCounts: { cases: 0, clients: 0, events: 0 } });
  });

  it('also removes the demo key made before a restart', async () => {
    const t = await start();
    await t.demo.start({ ratePerMinute: 6000, seed: true });
    await t.waitFor(() => t.demo.status().generator.posted >= 3, 'a few demo events');
    await t.demo.stop();
    const restarted = createDemoMode({
      sqlite: t.sqlite,
      workspace: t.core.workspace,
      ingest: t.core.ingest,
      events: t.core.events,
      clock: t.core.clock,
      logger: t.core.logger,
      dataDir: t.core.dataDir,
    });
    expect(restarted.status().demoCounts.events).toBe(t.demo.status().demoCounts.events);
    const result = await restarted.wipe();
    expect(result.deleted.ingestApiKeys).toBe(1);
    expect(t.count('ingest_api_keys')).toBe(0);
    expect(t.count('events')).toBe(0);
  });

  it('keeps the demo rows real rows use (a real case of a demo case type), so nothing real changes', async () => {
    const t = await start();
    await t.demo.start({ ratePerMinute: 60, seed: true });
    await t.demo.stop();
    const { records } = t.core.workspace;
    const client = records.upsertClient({ firstName: 'Real', lastName: 'Client' }, REAL).client;
    const demoClient = t.sqlite.prepare('SELECT id FROM clients WHERE is_demo = 1 LIMIT 1').pluck().get() as string;
    const realCase = records.upsertCase({ name: 'Real v. Demo type', caseType: 'Personal Injury', status: 'Active', clientIds: [client.id, demoClient] }, REAL).case;
    const before = realRows(t);

    const result = await t.demo.wipe();

    expect(result.kept).toEqual({ caseTypes: 1, campaigns: 0, clients: 1 });
    expect(result.deleted.caseTypes).toBe(2);
    expect(records.getCase(realCase.id)).toMatchObject({ caseType: 'Personal Injury', status: 'Active', clientIds: [client.id, demoClient] });
    expect(realRows(t)).toEqual(before);
    expect(t.count('cases', 'is_demo = 1')).toBe(0);
  });
});
