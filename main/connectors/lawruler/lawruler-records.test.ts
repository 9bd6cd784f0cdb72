// The LawRuler catalog and leads beyond the conformance suite: fields per case type, a field renamed or deleted
// between two loads, look-ups, writes whose answer can't be read, and the simulator's seeding (deterministic, and
// big enough for the benchmark).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { CrmError } from '../crm/errors';
import type { CrmCursor } from '../crm/types';
import { startLawRulerSimulator } from './simulator/lawruler-simulator';
import { startLawRulerTestSetup } from './test-lawruler';

const cleanup = useCleanup();
const setUp = async (records = 0) => cleanup.use(await startLawRulerTestSetup({ records }));
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as CrmError);

describe('LawRuler catalog', () => {
  it('lists each custom field once, with its type, options and the case types whose form has it', async () => {
    const { connector } = await setUp();
    const catalog = await connector().loadCatalog();
    expect(catalog.caseTypes).toEqual([
      { id: '1', name: 'Motor Vehicle Accident' },
      { id: '2', name: 'Slip and Fall' },
      { id: '3', name: 'Camp Lejeune' },
    ]);
    expect(catalog.statuses[0]).toEqual({ id: '11', name: 'New Lead', caseTypeId: null });
    expect(catalog.substatusTypes).toEqual([]);
    expect(catalog.fields.find((f) => f.id === 'Custom1004')).toEqual({
      id: 'Custom1004',
      name: 'Injury Types',
      shortName: null,
      type: 'multi_select',
      options: ['Back', 'Neck', 'Head', 'Broken Bone', 'Other'],
      caseTypeIds: ['1', '2'],
    });
    expect(new Set(catalog.fields.map((f) => f.type))).toEqual(new Set(['text', 'number', 'date', 'yes_no', 'single_select', 'multi_select']));
  });

  it('shows a field renamed or deleted in LawRuler at the next load, and refuses to write the deleted one', async () => {
    const { connector, sim, sampleInput } = await setUp();
    const crm = connector();
    const lead = await crm.create(sampleInput(1), 'kayse-marker-1');
    sim.catalog.renameField('Custom1002', 'What Happened');
    sim.catalog.deleteField('Custom1005');
    const catalog = await crm.loadCatalog();
    expect(catalog.fields.find((f) => f.id === 'Custom1002')?.name).toBe('What Happened');
    expect(catalog.fields.map((f) => f.id)).not.toContain('Custom1005');
    const error = await failure(crm.update(lead.id, { fields: { Custom1005: 'ER' } }));
    expect(error?.crmDetails).toMatchObject({ kind: 'rejected', field: 'Custom1005' });
    expect(error?.message).toMatch(/missing in the CRM/);
  });
});

describe('LawRuler leads', () => {
  it('finds an existing lead by marker, email or phone, and never one that only looks alike', async () => {
    const { connector, sampleInput } = await setUp(20);
    const crm = connector();
    const lead = await crm.create(sampleInput(9), 'kayse-marker-9');
    expect((await crm.findExisting({ phone: '555.900.0009' }, null))?.id).toBe(lead.id);
    expect((await crm.findExisting({ email: 'SAMPLE9@example.com' }, null))?.id).toBe(lead.id);
    expect((await crm.findExisting({}, 'kayse-marker-9'))?.marker).toBe('kayse-marker-9');
    expect(await crm.findExisting({ phone: '555-900-0010', caseNumber: 'MVA-1' }, 'kayse-marker-10')).toBeNull();
  });

  it('answers `not_found` for an id that cannot be a lead, without asking LawRuler', async () => {
    const { connector, sim } = await setUp();
    const error = await failure(connector().get('12; DROP'));
    expect(error?.kind).toBe('not_found');
    expect(sim.requests()).toEqual([]);
  });

  it('reports a write whose 200 answer is unreadable as `unknown_outcome`, naming the path', async () => {
    const { connector, sim, sampleInput } = await setUp();
    const crm = connector();
    await crm.loadCatalog();
    sim.setFault({ kind: 'malformed' }, { times: 1 });
    const error = await failure(crm.create(sampleInput(2), 'kayse-marker-2'));
    expect(error?.crmDetails).toMatchObject({ kind: 'unknown_outcome', path: 'LeadID' });
  });

  it('reads a lead whose custom value does not fit its field as `bad_response` at that value', async () => {
    const { connector, sim, sampleInput } = await setUp();
    const crm = connector();
    const lead = await crm.create({ ...sampleInput(3), fields: { Custom1002: 'Fine' } }, 'kayse-marker-3');
    // The firm turns a text field into a yes/no field: the stored text no longer fits.
    const field = sim.catalog.fields.find((f) => f.id === 'Custom1002')!;
    field.type = 'YesNo';
    await crm.loadCatalog();
    expect((await failure(crm.get(lead.id)))?.crmDetails).toMatchObject({ kind: 'bad_response', path: 'CustomFields.Custom1002' });
  });
});

describe('LawRuler simulator seeding', () => {
  it('seeds the same leads for the same seed, whatever was seeded before', async () => {
    const at = () => new Date('2026-11-26T20:00:00Z');
    const a = cleanup.use(await startLawRulerSimulator({ now: at, seed: 7 }));
    const b = cleanup.use(await startLawRulerSimulator({ now: at, seed: 7 }));
    a.seed(5);
    a.seed(5);
    b.seed(10);
    const strip = (lead: Record<string, unknown> | null) => ({ ...lead, ModifiedDate: undefined, StatusTime: undefined, CreatedDate: undefined });
    expect(strip(a.lead('1010'))).toEqual(strip(b.lead('1010')));
    expect(a.lead('1010')?.FirstName).toBeTruthy();
  });

  it('holds 100,000 leads and pages through them in order', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup({ records: 100_000 }));
    const crm = setup.connector();
    let cursor: CrmCursor | null = null;
    let count = 0;
    let last = '';
    for (let page = 0; page < 5; page += 1) {
      const result = await crm.listChanged(cursor, 500);
      count += result.records.length;
      for (const record of result.records) {
        expect(record.modifiedAt >= last).toBe(true);
        last = record.modifiedAt;
      }
      cursor = result.next;
    }
    expect(count).toBe(2_500);
  });
});
