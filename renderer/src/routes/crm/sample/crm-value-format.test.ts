// CRM values in words: a status with its substatuses and a case type named from the catalog; an id the catalog
// doesn't know (or no catalog at all) shown as it is, never dropped; other values as the record screens show them.
import { describe, expect, it } from 'vitest';
import type { CrmCatalogView } from '../../../../../shared/domain/crm';
import { crmValueFormat } from './crm-value-format';

const catalog: CrmCatalogView = {
  caseTypes: [{ id: '1249', name: 'Auto Accident' }],
  fields: [{ id: '3001', name: 'Accident Date', shortName: 'AccDate', type: 'date', options: [], caseTypeIds: null }],
  statuses: [{ id: '801', name: 'Intake', caseTypeId: null }],
  substatusTypes: [{ id: '22', name: 'Intake Stage', statuses: [{ id: '900', name: 'Docs sent' }] }],
};

describe('crmValueFormat', () => {
  it('names a status, its substatuses and a case type', () => {
    const f = crmValueFormat(catalog);
    expect(f.value({ statusId: '801', substatuses: [{ typeId: '22', statusId: '900' }] })).toBe('Intake · Intake Stage: Docs sent');
    expect(f.status('801')).toBe('Intake');
    expect(f.caseType('1249')).toBe('Auto Accident');
    expect(f.fieldName('3001')).toBe('Accident Date');
    expect(f.fieldName('3999')).toBe('3999');
  });

  it('shows ids it cannot name as they are, and other values as usual', () => {
    const f = crmValueFormat(catalog);
    expect(f.value({ statusId: '999', substatuses: [{ typeId: '23', statusId: '910' }] })).toBe('999 · 23: 910');
    expect(crmValueFormat(null).status('801')).toBe('801');
    expect(f.status(null)).toBe('—');
    expect(f.value(null)).toBe('—');
    expect(f.value('2026-03-14')).toBe('2026-03-14');
  });
});
