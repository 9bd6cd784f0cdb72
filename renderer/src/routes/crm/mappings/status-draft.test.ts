// The status mapping draft: rows per Kayse status in pipeline order, the groups sharing a CRM status (with the same
// substatus) that need a reverse choice, exactly one chosen per group, and what a save changes.
import { describe, expect, it } from 'vitest';
import { chooseReverse, sharedGroups, statusChangesOf, statusInputOf, statusRowsOf, type StatusRow } from './status-draft';

const caseType = {
  id: 'ct',
  name: 'Auto',
  isDemo: false,
  fields: [],
  statuses: [
    { id: 'b', name: 'Contacted', position: 1 },
    { id: 'a', name: 'New', position: 0 },
    { id: 'c', name: 'Signed', position: 2 },
  ],
};

describe('status mapping draft', () => {
  it('rows follow the pipeline; unmapped statuses are left out of the save', () => {
    const rows = statusRowsOf(caseType, undefined);
    expect(rows.map((r) => r.kayseStatusName)).toEqual(['New', 'Contacted', 'Signed']);
    expect(statusInputOf(rows)).toEqual([]);
  });

  it('asks for one choice where two Kayse statuses share a CRM status with the same substatus', () => {
    const rows: StatusRow[] = statusRowsOf(caseType, undefined).map((r) => ({ ...r, crmStatusId: r.kayseStatusId === 'c' ? '806' : '801' }));
    expect([...sharedGroups(rows).values()].map((g) => g.map((r) => r.kayseStatusId))).toEqual([['a', 'b']]);
    const withSub = rows.map((r) => (r.kayseStatusId === 'b' ? { ...r, substatus: { typeId: '22', statusId: '900' } } : r));
    expect(sharedGroups(withSub).size).toBe(0);
    const chosen = chooseReverse(chooseReverse(rows, 'a'), 'b');
    expect(chosen.map((r) => r.reverseChoice)).toEqual([false, true, false]);
    const names = (r: StatusRow) => `"${r.crmStatusId}"${r.substatus ? ` + ${r.substatus.statusId}` : ''}`;
    const saved = statusRowsOf(caseType, undefined);
    expect(statusChangesOf(saved, withSub, names)).toEqual(['New → "801" (added)', 'Contacted → "801" + 900 (added)', 'Signed → "806" (added)']);
    expect(statusChangesOf(rows, chosen, names)).toEqual(['Contacted: now the one "801" sets in Kayse']);
  });
});
