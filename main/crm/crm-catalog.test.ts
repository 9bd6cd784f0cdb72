// The catalog as the mapping screens get it: loaded after Connect and on Refresh with when it loaded; a failed
// load stored beside the last good catalog (what failed, the CRM's answer, what to do), never instead of it; and
// LawRuler's field sheets merged in.
import { describe, expect, it } from 'vitest';
import type { TableName } from '../../shared/domain/tables';
import { manualClock } from '../test-support/clock';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

const SHEET = ['Kind,ID,Name,Type,Options', 'field,Custom2001,Date of Diagnosis,Date,', 'field,Custom1005,Medical Treatment,dropdown,None|ER|Ongoing|Surgery', 'status,31,Awaiting Records,,'].join('\n');

describe.skipIf(!runKeychain)('the CRM catalog', () => {
  it("keeps SmartAdvocate's last good catalog when its field list fails, stores the failure, and clears it on the next good load", async () => {
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const t = cleanup.use(await startCrmTest({ core: { clock } }));
    await t.core.api.crm.connect(t.smartAdvocateInput());
    const good = await t.core.api.crm.catalog({ crm: 'smartadvocate' });
    expect(good.loadedAt).toBe('2026-05-01T09:00:00.000Z');
    expect(good.catalog!.fields.length).toBeGreaterThan(0);

    const changed: TableName[][] = [];
    cleanup.add(t.core.events.on('tables.changed', ({ tables }) => changed.push(tables)));
    clock.advance(60_000);
    t.smartadvocate.setFault({ kind: 'catalog_fails' });
    const failed = await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });

    expect(failed.catalog).toEqual(good.catalog);
    expect(failed.loadedAt).toBe('2026-05-01T09:00:00.000Z');
    expect(failed.failure).toMatchObject({ at: '2026-05-01T09:01:00.000Z', part: 'fields', kind: 'unavailable' });
    expect(failed.failure!.message).toMatch(/fields/);
    expect(failed.failure!.crmAnswer).toBeTruthy();
    expect(failed.failure!.fix).toMatch(/last catalog that loaded is kept/);
    expect(changed).toContainEqual(['crm_catalog_failures']);
    // Stored, not only answered: the next read says the same.
    expect(await t.core.api.crm.catalog({ crm: 'smartadvocate' })).toEqual(failed);

    t.smartadvocate.setFault(null);
    t.smartadvocate.renameUdf(good.catalog!.fields[0]!.id, 'Renamed in SmartAdvocate');
    clock.advance(60_000);
    const again = await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });
    expect(again.failure).toBeNull();
    expect(again.loadedAt).toBe('2026-05-01T09:02:00.000Z');
    expect(again.catalog!.fields[0]!.name).toBe('Renamed in SmartAdvocate');
  });

  it('shows no catalog (not an empty one) with the failure when the first load fails', async () => {
    const t = cleanup.use(await startCrmTest());
    t.lawruler.setFault({ kind: 'catalog_fails' });
    const result = await t.core.api.crm.connect(t.lawRulerInput());

    // Signing in worked, so LawRuler is connected; the catalog check failed and says so.
    expect(result.connection.state).toBe('connected');
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'Can load fields and statuses')).toMatchObject({ ok: false });
    const state = await t.core.api.crm.catalog({ crm: 'lawruler' });
    expect(state.catalog).toBeNull();
    expect(state.loadedAt).toBeNull();
    expect(state.failure).not.toBeNull();
    expect(state.failure!.fix).toMatch(/field sheet/);
  });

  it('refuses Refresh while the CRM is not connected', async () => {
    const t = cleanup.use(await startCrmTest());
    await expect(t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("merges LawRuler's field sheet into the catalog for its case type, and removes it", async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.connect(t.lawRulerInput());
    const crmOnly = (await t.core.api.crm.catalog({ crm: 'lawruler' })).catalog!;

    const imported = await t.core.api.crm.importFieldSheet({ crm: 'lawruler', caseTypeId: '7', caseTypeName: 'Hair Relaxer', csv: SHEET });
    expect(imported).toMatchObject({ ok: true, fields: 2, statuses: 1, issues: [] });
    const merged = imported.state.catalog!;
    expect(merged.caseTypes).toContainEqual({ id: '7', name: 'Hair Relaxer' });
    expect(merged.fields.find((f) => f.id === 'Custom2001')).toEqual({ id: 'Custom2001', name: 'Date of Diagnosis', shortName: null, type: 'date', options: [], caseTypeIds: ['7'] });
    // A field LawRuler already listed keeps its entry and gains the sheet's case type.
    const treatment = merged.fields.find((f) => f.id === 'Custom1005')!;
    expect(treatment.caseTypeIds).toEqual([...crmOnly.fields.find((f) => f.id === 'Custom1005')!.caseTypeIds!, '7']);
    expect(merged.statuses).toContainEqual({ id: '31', name: 'Awaiting Records', caseTypeId: '7' });
    expect(imported.state.fieldSheets).toEqual([{ caseTypeId: '7', caseTypeName: 'Hair Relaxer', importedAt: expect.any(String), fields: 2, statuses: 1 }]);

    const removed = await t.core.api.crm.removeFieldSheet({ crm: 'lawruler', caseTypeId: '7' });
    expect(removed.fieldSheets).toEqual([]);
    expect(removed.catalog).toEqual(crmOnly);
  });

  it('refuses a field sheet with a bad row whole: every issue with its row and column, nothing stored', async () => {
    const t = cleanup.use(await startCrmTest());
    const csv = [SHEET, 'field,Field 12,Injury Type,single select,', 'status,Active,Open,,', 'field,Custom2002,Referral,carrier pigeon,'].join('\n');
    const result = await t.core.api.crm.importFieldSheet({ crm: 'lawruler', caseTypeId: '7', caseTypeName: 'Hair Relaxer', csv });

    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [5, 'ID'],
      [5, 'Options'],
      [6, 'ID'],
      [7, 'Type'],
    ]);
    expect(result.issues[0]!.message).toMatch(/Custom1234/);
    expect(result.issues[3]!.message).toMatch(/single select/);
    expect(result.state).toMatchObject({ catalog: null, fieldSheets: [] });
    expect((await t.core.api.crm.catalog({ crm: 'lawruler' })).fieldSheets).toEqual([]);
  });

  it('takes a field sheet before LawRuler is connected: the catalog is the sheet alone, with no load date', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.importFieldSheet({ crm: 'lawruler', caseTypeId: '7', caseTypeName: 'Hair Relaxer', csv: SHEET });
    expect(result.ok).toBe(true);
    expect(result.state.loadedAt).toBeNull();
    expect(result.state.catalog!.fields.map((f) => f.id)).toEqual(['Custom2001', 'Custom1005']);
  });
});
