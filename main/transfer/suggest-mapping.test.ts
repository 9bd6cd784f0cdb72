import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../shared/domain/workspace';
import { importTargets } from './import-targets';
import { suggestMapping } from './suggest-mapping';

const TYPES: CaseType[] = [
  {
    id: 't1',
    name: 'Personal Injury',
    isDemo: false,
    statuses: [{ id: 's1', name: 'New', position: 0 }],
    fields: [
      { id: 'f1', key: 'accident_date', label: 'Date of Accident', type: 'date', options: [], position: 0 },
      { id: 'f2', key: 'injury', label: 'Injury', type: 'single_select', options: ['Back'], position: 1 },
    ],
  },
];

const suggest = (kind: 'clients' | 'cases', columns: string[]) => suggestMapping(kind, columns, importTargets(kind, TYPES));

describe('suggestMapping', () => {
  it('maps client columns by their usual names, whatever the case, spacing or punctuation', () => {
    expect(suggest('clients', ['Contact ID', 'FIRST_NAME', 'last-name', 'E-Mail Address', 'Do Not Contact', 'Favourite colour'])).toEqual({
      'Contact ID': 'externalId',
      FIRST_NAME: 'firstName',
      'last-name': 'lastName',
      'E-Mail Address': 'email',
      'Do Not Contact': 'optOuts',
      'Favourite colour': null,
    });
  });

  it('sends every phone-like column to phone, and each single field to its best-named column only', () => {
    expect(suggest('clients', ['id', 'External ID', 'Mobile', 'Work Phone', 'Home phone', 'First', 'First Name'])).toEqual({
      id: null,
      'External ID': 'externalId',
      Mobile: 'phone',
      'Work Phone': 'phone',
      'Home phone': 'phone',
      First: null,
      'First Name': 'firstName',
    });
  });

  it('maps case columns, custom fields by key or label, and our own export headers', () => {
    expect(suggest('cases', ['Matter Number', 'Title', 'Practice Area', 'Stage', 'Date of Accident', 'injury', 'Client ID'])).toEqual({
      'Matter Number': 'caseNumber',
      Title: 'name',
      'Practice Area': 'caseType',
      Stage: 'status',
      'Date of Accident': 'custom.accident_date',
      injury: 'custom.injury',
      'Client ID': 'clientExternalId',
    });
    expect(suggest('cases', ['id', 'caseNumber', 'name', 'caseTypeId', 'caseType', 'statusId', 'status', 'campaignId', 'clientIds', 'externalSource', 'externalId', 'custom.accident_date'])).toEqual({
      id: null,
      caseNumber: 'caseNumber',
      name: 'name',
      caseTypeId: null,
      caseType: 'caseType',
      statusId: null,
      status: 'status',
      campaignId: 'campaign',
      clientIds: null,
      externalSource: 'externalSource',
      externalId: 'externalId',
      'custom.accident_date': 'custom.accident_date',
    });
  });
});
